import { MotoServer, startMotoServer } from '@internal/stagelight-local-aws';
import { startVersionServer, VersionServer } from './versionServer';

/**
 * Starts moto_server and a version server (what environments' APIs answer
 * at /version) once for the enclosing describe block, and stops them after.
 */
export function localAwsSuite(): { moto(): MotoServer; api(): VersionServer } {
  let moto: MotoServer | undefined;
  let api: VersionServer | undefined;
  beforeAll(async () => {
    moto = await startMotoServer();
    api = await startVersionServer();
  });
  afterAll(async () => {
    await api?.close();
    await moto?.stop();
  });
  return { moto: () => moto!, api: () => api! };
}

import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/**
 * Where local AWS lives, read from the portal's own app-config: the one place
 * that decides the endpoint (`stagelight.aws.endpoint`) and where the demo APIs
 * answer (`stagelight.readiness.baseUrlTemplate`). The CLI starts moto_server and
 * the API simulator exactly there, so the portal and local AWS cannot disagree.
 */
export interface LocalAwsSettings {
  endpoint: string;
  port: number;
  region: string;
  simulatorPort: number;
}

export function readLocalAwsSettings(configFiles: string[]): LocalAwsSettings {
  let stagelight: any = {};
  for (const file of configFiles) {
    const doc = parse(readFileSync(file, 'utf8')) ?? {};
    stagelight = { ...stagelight, ...(doc.stagelight ?? {}), aws: { ...stagelight.aws, ...doc.stagelight?.aws }, readiness: { ...stagelight.readiness, ...doc.stagelight?.readiness } };
  }
  const endpoint: string | undefined = stagelight.aws?.endpoint;
  if (!endpoint) {
    throw new Error(
      `No stagelight.aws.endpoint in ${configFiles.join(', ')}: local AWS is for the dev config only`,
    );
  }
  const url = new URL(endpoint);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw new Error(`stagelight.aws.endpoint ${endpoint} is not on loopback; refusing to seed it`);
  }
  const template: string | undefined = stagelight.readiness?.baseUrlTemplate;
  const simulatorUrl = template ? new URL(template.replace(/\{(clinic|stage)\}/g, 'x')) : undefined;
  const region: string = stagelight.aws?.targets?.[0]?.regions?.[0] ?? 'us-east-1';
  return {
    endpoint,
    port: Number(url.port || 80),
    region,
    simulatorPort: Number(simulatorUrl?.port || 4567),
  };
}

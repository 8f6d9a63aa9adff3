/**
 * What the power and bulk-wake benchmarks run against: moto_server, a stand-in
 * for the environments' APIs answering deploy markers, and SQLite in memory.
 */
import knexFactory, { Knex } from 'knex';
import { MotoServer, startMotoServer } from '@internal/stagelight-local-aws';
import {
  createFleetFixture,
  FixtureEnvironment,
} from '../src/__testUtils__/fleetFixture';
import {
  startVersionServer,
  VersionServer,
} from '../src/__testUtils__/versionServer';

export interface LocalStack {
  moto: MotoServer;
  api: VersionServer;
  knex: Knex;
}

/** Starts the stack, runs `bench` on it and stops it, also when `bench` fails. */
export async function withLocalStack(
  bench: (stack: LocalStack) => Promise<void>,
): Promise<void> {
  const moto = await startMotoServer();
  const api = await startVersionServer();
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  try {
    await bench({ moto, api, knex });
  } finally {
    await knex.destroy();
    await api.close();
    await moto.stop();
  }
}

/**
 * Creates `size` awake dev environments (clinics c000, c001, ...) with API
 * desired counts 1 to `maxDesiredCount` in turn, each serving its marker.
 */
export async function seedDevFleet(
  { moto, api }: LocalStack,
  options: { size: number; maxDesiredCount: number; concurrency?: number },
): Promise<FixtureEnvironment[]> {
  const fleet: FixtureEnvironment[] = Array.from(
    { length: options.size },
    (_, i) => ({
      clinic: `c${String(i).padStart(3, '0')}`,
      stage: 'dev',
      desiredCount: 1 + (i % options.maxDesiredCount),
      marker: `m${i}`,
      dbMinCapacity: 0.5,
    }),
  );
  await createFleetFixture(moto.endpoint, fleet, {
    concurrency: options.concurrency,
  });
  fleet.forEach(e => api.served.set(`${e.clinic}/${e.stage}`, e.marker));
  return fleet;
}

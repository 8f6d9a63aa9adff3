import { Knex } from 'knex';
import {
  createTestDatabases,
  postgresMissingInCi,
} from '../../__testUtils__/testDatabases';
import { EnvironmentLookup } from '../../snapshot/EnvironmentLookup';
import { PowerStore } from '../engine/PowerStore';
import {
  environmentRecord,
  MemoryEnvironmentStore,
  migrate,
  storeFinishedWake,
} from '../__testUtils__/powerFixture';
import { WakeDurations } from './WakeDurations';

jest.setTimeout(60_000);

const databases = createTestDatabases();

it('runs against PostgreSQL 15 in CI', () => {
  expect(postgresMissingInCi(databases)).toBe(false);
});

const T0 = Date.parse('2026-06-01T08:00:00Z');
const DAY = 86_400_000;

describe.each(databases.eachSupportedId())('WakeDurations on %s', id => {
  let knex: Knex;
  let store: PowerStore;
  let durations: WakeDurations;

  beforeEach(async () => {
    knex = await databases.init(id);
    await migrate(knex);
    store = new PowerStore(knex);
    const snapshot = new MemoryEnvironmentStore();
    snapshot.set([
      environmentRecord('alder', 'dev'),
      environmentRecord('alder', 'test'),
      environmentRecord('birch', 'dev'),
    ]);
    durations = new WakeDurations({
      store,
      lookup: new EnvironmentLookup({
        store: snapshot,
        stages: ['dev', 'test', 'staging', 'prod'],
      }),
      sampleSize: 3,
    });
  });

  const wake = (
    n: number,
    stage: string,
    readyAfterSeconds: number,
    extra: { clinic?: string; status?: 'failed'; restored?: object } = {},
  ) =>
    storeFinishedWake(store, {
      id: `op-${extra.clinic ?? 'alder'}-${stage}-${n}`,
      clinic: extra.clinic ?? 'alder',
      stage,
      requestedAt: new Date(T0 + n * DAY),
      readyAfterSeconds,
      status: extra.status,
      restored: extra.restored as Record<string, unknown> | undefined,
    });

  it("serves the median of each environment's newest succeeded wakes", async () => {
    // Oldest first; only the newest three that woke something count.
    await wake(1, 'dev', 900);
    await wake(2, 'dev', 150);
    await wake(3, 'dev', 170);
    await wake(4, 'dev', 60, { status: 'failed' });
    await wake(5, 'dev', 1, { restored: {} }); // already awake
    await wake(6, 'dev', 160);
    await wake(1, 'dev', 5, { clinic: 'birch' });

    expect(await durations.ofClinic('alder')).toEqual({
      clinic: 'alder',
      sampleSize: 3,
      items: [
        { stage: 'dev', medianSeconds: 160, wakes: 3 },
        { stage: 'test', medianSeconds: null, wakes: 0 },
      ],
    });
  });

  it('answers 404 for a clinic the snapshot does not know', async () => {
    await expect(durations.ofClinic('nowhere')).rejects.toMatchObject({
      name: 'NotFoundError',
    });
  });
});

/**
 * Test-only helpers of the power tests: engines wired to moto and a snapshot
 * store holding given records.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { Config } from '@backstage/config';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import {
  PowerOperation,
  PowerStep,
  PowerStepName,
} from '@stagelight/backstage-plugin-stagelight-common';
import { Knex } from 'knex';
import { MIGRATIONS_DIRECTORY } from '../../database/migrateDatabase';
import {
  AwsClientCustomizer,
  awsClientFactoryFromSettings,
} from '../../aws/AwsClientFactory';
import {
  readStagelightSettings,
  StagelightSettings,
} from '../../config/StagelightConfig';
import { EnvironmentStore, Snapshot } from '../../snapshot/EnvironmentStore';
import { environmentKey } from '../../inventory/discoverEnvironments';
import { HttpDeployMarkerProbe } from '../../readiness/DeployMarkerProbe';
import { EnvironmentRecord } from '../../snapshot/EnvironmentRecord';
import { Clock } from '../../clock/Clock';
import { createStatusAdapters } from '../../status/StatusAdapters';
import { StatusCollector } from '../../status/StatusCollector';
import { testConfig } from '../../__testUtils__/testSettings';
import { createPowerModule, PowerModule } from '../PowerModule';
import { readPowerSettings } from '../PowerSettings';
import { PowerStore, STEPS_OF } from '../engine/PowerStore';

/** A settable clock. */
export class TestClock {
  constructor(public time: Date) {}
  now = () => new Date(this.time);
  advance(ms: number) {
    this.time = new Date(this.time.getTime() + ms);
  }
}

/** Holds the records a test gives it, as the refresher would. */
export class MemoryEnvironmentStore implements EnvironmentStore {
  #snapshot?: Snapshot;
  set(records: EnvironmentRecord[]) {
    this.#snapshot = {
      generation: (this.#snapshot?.generation ?? 0) + 1,
      refreshedAt: new Date().toISOString(),
      durationMs: 0,
      records,
    };
  }
  async snapshot() {
    return this.#snapshot;
  }
  async get(clinic: string, stage: string) {
    return this.#snapshot?.records.find(
      r => environmentKey(r.clinic, r.stage) === environmentKey(clinic, stage),
    );
  }
  async replace(records: EnvironmentRecord[]) {
    this.set(records);
  }
  async replaceOne(record: EnvironmentRecord) {
    const key = environmentKey(record.clinic, record.stage);
    this.set(
      (this.#snapshot?.records ?? []).map(r =>
        environmentKey(r.clinic, r.stage) === key ? record : r,
      ),
    );
  }
}

/** AWS clients to moto as the plugin makes them from its settings. */
function testAwsClientFactory(
  config: Config,
  settings: StagelightSettings,
  customizers?: AwsClientCustomizer[],
) {
  return awsClientFactoryFromSettings(
    DefaultAwsCredentialsManager.fromConfig(config),
    settings.aws,
    customizers,
  );
}

/** A status collector reading moto, wired as the plugin wires it. */
export function testStatusCollector(
  endpoint: string,
  options: {
    stagelight?: Record<string, any>;
    clock?: Clock;
    customizers?: AwsClientCustomizer[];
  } = {},
): StatusCollector {
  const { config, settings } = powerTestSettings(endpoint, options.stagelight);
  return new StatusCollector({
    adapters: createStatusAdapters(
      testAwsClientFactory(config, settings, options.customizers),
      settings.aws.endpoint,
    ),
    settings,
    probe: new HttpDeployMarkerProbe(2000),
    clock: options.clock ?? { now: () => new Date() },
    logger: mockServices.logger.mock(),
  });
}

/** Reads the fleet from moto as the status refresh does. */
export async function collectRecords(
  endpoint: string,
  stagelight: Record<string, any> = {},
) {
  const collector = testStatusCollector(endpoint, {
    stagelight: { ...stagelight, aws: { ...stagelight.aws, maxAttempts: 3 } },
  });
  return (await collector.collect()).records;
}

export async function migrate(knex: Knex) {
  await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
}

export function powerTestSettings(
  endpoint: string,
  stagelight: Record<string, any> = {},
) {
  const config = testConfig(endpoint, {
    power: {
      pollIntervalSeconds: 0.01,
      lockTtlSeconds: 60,
      ...(stagelight.power ?? {}),
    },
    ...stagelight,
    aws: { maxAttempts: 2, ...(stagelight.aws ?? {}) },
  });
  const settings = readStagelightSettings(config);
  return { config, settings, power: readPowerSettings(config, settings) };
}

export function makePower(options: {
  knex: Knex;
  endpoint: string;
  store: EnvironmentStore;
  clock: TestClock;
  stagelight?: Record<string, any>;
  customizers?: AwsClientCustomizer[];
  owner?: string;
  observers?: Parameters<typeof createPowerModule>[0]['observers'];
  notifications?: Parameters<typeof createPowerModule>[0]['notifications'];
}): PowerModule & { settings: StagelightSettings } {
  const { config, settings, power } = powerTestSettings(
    options.endpoint,
    options.stagelight,
  );
  const module = createPowerModule({
    knex: options.knex,
    settings,
    power,
    factory: testAwsClientFactory(config, settings, options.customizers),
    store: options.store,
    clock: options.clock,
    logger: mockServices.logger.mock(),
    auditor: mockServices.auditor.mock({
      createEvent: async () => ({
        success: async () => {},
        fail: async () => {},
      }),
    }),
    probe: new HttpDeployMarkerProbe(2000),
    // moto changes state at once: a poll's pause only moves the test clock.
    sleep: async (ms: number) => options.clock.advance(ms),
    owner: options.owner,
    observers: options.observers,
    notifications: options.notifications,
  });
  return { ...module, settings };
}

/**
 * A snapshot record of an environment with no AWS resources (operations on it
 * run without AWS calls): awake and ready unless `overrides` say otherwise.
 */
export function environmentRecord(
  clinic: string,
  stage: string,
  isProtected = false,
  overrides: Partial<EnvironmentRecord> = {},
): EnvironmentRecord {
  return {
    clinic,
    stage,
    protected: isProtected,
    owner: null,
    power: 'awake',
    readiness: 'ready',
    expectedMarker: null,
    servedMarker: null,
    queue: null,
    errors: [],
    refreshedAt: '2026-06-10T11:59:00.000Z',
    resources: [],
    services: [],
    database: null,
    queues: [],
    functions: [],
    readinessDetail: {
      state: 'ready',
      expectedMarker: null,
      servedMarker: null,
      reason: null,
      probeUrl: null,
      checkedAt: null,
    },
    ...overrides,
  } as unknown as EnvironmentRecord;
}

/** A power operation as the engine reports it, running and without steps unless overridden. */
export function powerOperation(
  overrides: Partial<PowerOperation> = {},
): PowerOperation {
  return {
    id: 'op-1',
    clinic: 'alder',
    stage: 'dev',
    kind: 'wake',
    status: 'running',
    trigger: 'user',
    requestedBy: 'user:default/lee.lead',
    reason: 'review',
    outcome: null,
    error: null,
    createdAt: '2026-06-10T12:00:00.000Z',
    finishedAt: null,
    steps: [],
    ...overrides,
  };
}

/** One step of an operation, with no result, error or times unless overridden. */
export function powerStep(
  name: PowerStep['name'],
  status: PowerStep['status'],
  overrides: Partial<PowerStep> = {},
): PowerStep {
  return {
    name,
    status,
    result: null,
    error: null,
    startedAt: null,
    finishedAt: null,
    ...overrides,
  };
}

/**
 * Stores a finished wake of `clinic/stage` as the engine would have run it:
 * requested at `requestedAt`, restoring one service (or, with `restored: {}`,
 * finding it already awake), the deploy marker served `readyAfterSeconds` later.
 */
export async function storeFinishedWake(
  store: PowerStore,
  wake: {
    id: string;
    clinic: string;
    stage: string;
    requestedAt: Date;
    readyAfterSeconds: number;
    status?: 'succeeded' | 'failed';
    restored?: Record<string, unknown>;
  },
) {
  const { clinic, stage, requestedAt } = wake;
  const ready = new Date(requestedAt.getTime() + wake.readyAfterSeconds * 1000);
  await store.knex.transaction(tx =>
    store.insertOperation(
      tx,
      {
        id: wake.id,
        kind: 'wake',
        trigger: 'user',
        requestedBy: 'user:default/lee.lead',
        reason: 'review',
        targets: {
          clinic,
          stage,
          protected: false,
          services: [],
          database: null,
          probeUrl: 'http://127.0.0.1:9/version',
          expectedMarker: 'm-1',
        },
      },
      requestedAt,
    ),
  );
  const restored = wake.restored ?? { 'arn:aws:ecs:api': { count: 1 } };
  const results: Partial<Record<PowerStepName, Record<string, unknown>>> = {
    'start-db': { already: 'available' },
    'wait-db-available': { status: 'available' },
    'restore-counts': { restored, kept: {} },
    'wait-ready': { marker: 'm-1' },
  };
  for (const [position, name] of STEPS_OF.wake.entries()) {
    const result = results[name] ?? {};
    await store.markStep(
      wake.id,
      position,
      { status: 'running', started: true },
      requestedAt,
    );
    await store.markStep(
      wake.id,
      position,
      { status: 'done', result, finished: true },
      ready,
    );
  }
  await store.markOperation(
    wake.id,
    {
      status: wake.status ?? 'succeeded',
      outcome: 'awake',
      finished: true,
    },
    ready,
  );
}

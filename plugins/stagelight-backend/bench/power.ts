/**
 * Benchmark (not a test): puts BENCH_ENVS environments in moto_server to sleep
 * and wakes them again, all at once through one engine on SQLite, and prints
 * wall time, AWS calls by operation and per environment; then times the pure
 * desired-state function.
 *
 *   yarn tsx bench/power.ts                 # 50 environments
 *   BENCH_ENVS=10 yarn tsx bench/power.ts
 */
import { performance } from 'node:perf_hooks';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { ConfigReader } from '@backstage/config';
import { Schedule } from '@stagelight/backstage-plugin-stagelight-common';
import { awsClientFactoryFromSettings } from '../src/aws/AwsClientFactory';
import { CallCounter } from '../src/aws/CallCounter';
import { readStagelightSettings } from '../src/config/StagelightConfig';
import { HttpDeployMarkerProbe } from '../src/readiness/DeployMarkerProbe';
import { createStatusAdapters } from '../src/status/StatusAdapters';
import { StatusCollector } from '../src/status/StatusCollector';
import { EnvironmentRecord } from '../src/snapshot/EnvironmentRecord';
import { createPowerModule, readPowerSettings } from '../src/power';
import { desiredPowerState } from '../src/schedule';
import { testConfigData } from '../src/__testUtils__/testSettings';
import { seedDevFleet, withLocalStack } from './localStack';

const ENVS = Number(process.env.BENCH_ENVS ?? 50);
const EVALUATIONS = Number(process.env.BENCH_EVALUATIONS ?? 20_000);

const quiet = {
  info() {},
  warn: (m: string) => console.warn(m),
  error: (m: string) => console.error(m),
  debug() {},
  child() {
    return quiet;
  },
} as any;

async function main() {
  await withLocalStack(async stack => {
    const { moto, api, knex } = stack;
    const fleet = await seedDevFleet(stack, {
      size: ENVS,
      maxDesiredCount: 5,
    });
    const config = new ConfigReader(
      testConfigData(moto.endpoint, {
        readiness: { baseUrlTemplate: api.baseUrlTemplate },
        power: { pollIntervalSeconds: 0.05 },
      }),
    );
    const settings = readStagelightSettings(config);
    const counter = new CallCounter();
    const factory = awsClientFactoryFromSettings(
      DefaultAwsCredentialsManager.fromConfig(config),
      settings.aws,
      [counter.customizer],
    );
    const clock = { now: () => new Date() };
    const { records } = await new StatusCollector({
      adapters: createStatusAdapters(factory, settings.aws.endpoint),
      settings,
      probe: new HttpDeployMarkerProbe(2000),
      clock,
      logger: quiet,
    }).collect();
    const byKey = new Map<string, EnvironmentRecord>(
      records.map(r => [`${r.clinic}/${r.stage}`, r]),
    );
    await knex.migrate.latest({ directory: `${process.cwd()}/migrations` });
    const power = createPowerModule({
      knex,
      settings,
      power: readPowerSettings(config, settings),
      factory,
      store: {
        snapshot: async () => ({
          generation: 1,
          refreshedAt: new Date().toISOString(),
          durationMs: 0,
          records,
        }),
        get: async (c, s) => byKey.get(`${c}/${s}`),
        replace: async () => {},
        replaceOne: async () => {},
      },
      clock,
      logger: quiet,
      auditor: {
        createEvent: async () => ({
          success: async () => {},
          fail: async () => {},
        }),
      },
    });

    for (const kind of ['sleep', 'wake'] as const) {
      counter.reset();
      const t = performance.now();
      const ops = await Promise.all(
        fleet.map(e =>
          kind === 'sleep'
            ? power.service.sleep(e, { reason: 'bench' }, 'bench')
            : power.service.wake(e, { reason: 'bench' }, 'bench'),
        ),
      );
      await power.engine.settled();
      const elapsed = performance.now() - t;
      const results = await Promise.all(
        ops.map(o => power.service.getOperation(o.operation.id)),
      );
      const ok = results.filter(r => r.status === 'succeeded').length;
      console.log(
        `${kind}: ${ENVS} environments in ${elapsed.toFixed(0)} ms ` +
          `(${(elapsed / ENVS).toFixed(
            1,
          )} ms each, all at once), ${ok}/${ENVS} succeeded, ` +
          `${counter.total()} AWS calls (${(counter.total() / ENVS).toFixed(
            1,
          )} per environment)`,
      );
      console.log('  ', counter.counts());
    }

    const schedule: Schedule = {
      timeZone: 'Europe/Berlin',
      windows: [
        {
          days: ['mon', 'tue', 'wed', 'thu', 'fri'],
          start: '07:00',
          end: '16:00',
        },
        {
          days: ['mon', 'tue', 'wed', 'thu', 'fri'],
          start: '14:00',
          end: '23:00',
        },
      ],
      preWarmMinutes: 5,
      exceptions: [{ date: '2026-12-25', state: 'asleep' }],
    };
    const start = Date.parse('2026-06-01T00:00:00Z');
    const t = performance.now();
    for (let i = 0; i < EVALUATIONS; i++) {
      desiredPowerState({
        protected: false,
        leases: [],
        schedule,
        at: new Date(start + i * 97_000),
      });
    }
    const perCall = ((performance.now() - t) * 1000) / EVALUATIONS;
    console.log(
      `desiredPowerState: ${perCall.toFixed(
        0,
      )} µs per evaluation (2 windows, pre-warm, 1 exception; ${EVALUATIONS} evaluations)`,
    );
  });
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});

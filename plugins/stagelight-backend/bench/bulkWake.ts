/**
 * Benchmark (not a test): a bulk wake of BENCH_ENVS asleep environments with
 * BENCH_LATENCY_MS added to every AWS call, through the real backend (the
 * stagelight plugin, the database-backed scheduler, SQLite) on moto_server.
 * It prints AWS calls (total and by operation), wall time until every
 * operation succeeded, and per environment the lag between AWS reporting it
 * ready and the portal's API serving it awake and ready (p50/p95/max).
 *
 *   yarn tsx bench/bulkWake.ts                     # 200 environments, 100 ms
 *   BENCH_ENVS=20 BENCH_LATENCY_MS=50 yarn tsx bench/bulkWake.ts
 *   BENCH_MODES=after yarn tsx bench/bulkWake.ts   # only with the re-read after an operation
 *
 * Modes: `before` runs with `stagelight.refresh.afterOperation: false` (the
 * portal learns of a woken environment at the next scheduled refresh, every
 * `refresh.interval`, default 1 minute); `after` with the default (the
 * operation re-reads its environment when it ends).
 *
 * "AWS ready" is the end of the wake's restore-counts step (its timestamp in the
 * plugin database): the database was already available (wait-db-available
 * ended before), and moto sets an ECS service's running count to its desired
 * count within UpdateService, so ECS reports running == desired from then on.
 * "Portal ready" is the first poll (every BENCH_POLL_MS, default 100) of
 * GET /api/stagelight/environments?stage=dev, the list the fleet page reads,
 * that shows the environment `awake` and `ready`.
 */
import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Knex } from 'knex';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { AwsClientCustomizer } from '../src/aws/AwsClientFactory';
import { CallCounter } from '../src/aws/CallCounter';
import { stagelightPlugin } from '../src/plugin';
import { awsCustomizerModule } from '../src/__testUtils__/awsCustomizerModule';
import { FixtureEnvironment } from '../src/__testUtils__/fleetFixture';
import { testConfigData } from '../src/__testUtils__/testSettings';
import { seedDevFleet, withLocalStack } from './localStack';

const ENVS = Number(process.env.BENCH_ENVS ?? 200);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 100);
const POLL_MS = Number(process.env.BENCH_POLL_MS ?? 100);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_S ?? 600) * 1000;
const MODES = (process.env.BENCH_MODES ?? 'before,after')
  .split(',')
  .map(m => m.trim())
  .filter(Boolean) as Mode[];
type Mode = 'before' | 'after';

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Adds a fixed delay to every attempt of every AWS call while switched on, and
 * records how long moto itself took to answer (without the added delay).
 */
class InjectedLatency {
  on = false;
  readonly answerMs = new Map<string, number[]>();
  constructor(private readonly ms: number) {}
  readonly customizer: AwsClientCustomizer = (client, where) => {
    client.middlewareStack.add(
      (next, context) => async args => {
        if (!this.on) return next(args);
        if (this.ms > 0) await sleep(this.ms);
        const started = performance.now();
        try {
          return await next(args);
        } finally {
          const key = `${where.service}:${context.commandName}`;
          const list = this.answerMs.get(key) ?? [];
          list.push(performance.now() - started);
          this.answerMs.set(key, list);
        }
      },
      { step: 'deserialize', name: 'benchLatency', override: true },
    );
  };
}

function percentile(sorted: number[], p: number) {
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

interface ModeResult {
  mode: Mode;
  calls: Record<string, number>;
  totalCalls: number;
  requestMs: number;
  opsDoneMs: number;
  portalDoneMs: number;
  succeeded: number;
  lags: number[];
  opEndLags: number[];
  /** moto's own answer time per operation (ms), sorted. */
  answerMs: Map<string, number[]>;
}

async function runMode(
  mode: Mode,
  ctx: {
    knex: Knex;
    motoEndpoint: string;
    baseUrlTemplate: string;
    fleet: FixtureEnvironment[];
  },
): Promise<ModeResult> {
  const counter = new CallCounter();
  const latency = new InjectedLatency(LATENCY_MS);
  const backend = await startTestBackend({
    features: [
      stagelightPlugin,
      mockServices.rootConfig.factory({
        data: testConfigData(ctx.motoEndpoint, {
          readiness: { baseUrlTemplate: ctx.baseUrlTemplate },
          refresh: { afterOperation: mode === 'after' },
        }),
      }),
      mockServices.database.factory({ knex: ctx.knex }),
      // The product's scheduler: the refresh runs every refresh.interval.
      schedulerServiceFactory,
      awsCustomizerModule('bench', latency.customizer, counter.customizer),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}/api/stagelight`;
  const getJson = async (path: string) => {
    const res = await fetch(`${base}${path}`);
    return { status: res.status, body: (await res.json()) as any };
  };
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  const devList = async () => {
    const res = await getJson('/environments?stage=dev');
    return res.status === 200 ? (res.body.items as any[]) : undefined;
  };
  const refreshNow = async () => {
    const before = (await getJson('/environments?stage=dev')).body.refreshedAt;
    for (;;) {
      const res = await fetch(
        `${base}/.backstage/scheduler/v1/tasks/stagelight-status-refresh/trigger`,
        { method: 'POST' },
      );
      if (res.status === 200) break;
      await sleep(200); // 409: a refresh is running; trigger another after it.
    }
    while (
      (await getJson('/environments?stage=dev')).body.refreshedAt === before
    )
      await sleep(50);
  };
  const finished = async (ids: string[]) => {
    const rows: { status: string }[] = await ctx
      .knex('stagelight_power_operations')
      .whereIn('id', ids)
      .select('status');
    return rows.filter(r => r.status === 'succeeded' || r.status === 'failed')
      .length;
  };

  try {
    let list: any[] = [];
    while (list.length !== ENVS) {
      list = (await devList()) ?? [];
      if (list.length !== ENVS) await sleep(100);
    }

    // Start from a fleet the product put to sleep (counts remembered in the database and tags).
    if (list.some(e => e.power !== 'asleep')) {
      const slept = await post('/stages/dev/sleep', { reason: 'bench: night' });
      const ids = slept.body.started.map((r: any) => r.operation.id);
      while ((await finished(ids)) < ids.length) await sleep(200);
    }
    await refreshNow();
    list = (await devList())!;
    const notAsleep = list.filter(e => e.power !== 'asleep');
    if (notAsleep.length) {
      throw new Error(
        `${notAsleep.length} environments are not asleep before the wake`,
      );
    }

    // The measured bulk wake, as the stage board's "wake all" sends it.
    latency.on = true;
    counter.reset();
    const t0 = Date.now();
    const woke = await post('/stages/dev/wake', { reason: 'bench: morning' });
    const requestMs = Date.now() - t0;
    if (woke.status !== 202 || woke.body.skipped.length) {
      throw new Error(
        `bulk wake answered ${woke.status}: ${JSON.stringify(
          woke.body.skipped ?? woke.body,
        )}`,
      );
    }
    const ids: string[] = woke.body.started.map((r: any) => r.operation.id);
    const opOf = new Map<string, string>(
      woke.body.started.map((r: any) => [
        r.operation.id,
        `${r.operation.clinic}/${r.operation.stage}`,
      ]),
    );

    const portalReadyAt = new Map<string, number>();
    let opsDoneMs = NaN;
    for (;;) {
      const now = Date.now();
      for (const e of (await devList()) ?? []) {
        const key = `${e.clinic}/${e.stage}`;
        if (
          e.power === 'awake' &&
          e.readiness === 'ready' &&
          !portalReadyAt.has(key)
        ) {
          portalReadyAt.set(key, now);
        }
      }
      if (Number.isNaN(opsDoneMs) && (await finished(ids)) === ids.length) {
        opsDoneMs = Date.now() - t0;
      }
      if (!Number.isNaN(opsDoneMs) && portalReadyAt.size === ENVS) break;
      if (now - t0 > TIMEOUT_MS) {
        console.warn(
          `  timed out: ${portalReadyAt.size}/${ENVS} ready in the portal`,
        );
        break;
      }
      await sleep(POLL_MS);
    }
    const portalDoneMs = Math.max(...portalReadyAt.values()) - t0;
    latency.on = false;
    const calls = counter.counts();
    const totalCalls = counter.total();

    const lags: number[] = [];
    const opEndLags: number[] = [];
    let succeeded = 0;
    for (const id of ids) {
      const op = (await getJson(`/operations/${id}`)).body;
      if (op.status === 'succeeded') succeeded += 1;
      const restored = op.steps.find((s: any) => s.name === 'restore-counts');
      const ready = portalReadyAt.get(opOf.get(id)!);
      if (!restored?.finishedAt || ready === undefined) continue;
      lags.push(ready - Date.parse(restored.finishedAt));
      opEndLags.push(ready - Date.parse(op.finishedAt));
    }
    return {
      mode,
      calls,
      totalCalls,
      requestMs,
      opsDoneMs,
      portalDoneMs,
      succeeded,
      lags: lags.sort((a, b) => a - b),
      opEndLags: opEndLags.sort((a, b) => a - b),
      answerMs: new Map(
        [...latency.answerMs].map(([k, v]) => [k, v.sort((a, b) => a - b)]),
      ),
    };
  } finally {
    await backend.stop();
  }
}

function report(r: ModeResult) {
  const stats = (values: number[]) =>
    values.length
      ? `p50 ${seconds(percentile(values, 50))}, p95 ${seconds(
          percentile(values, 95),
        )}, max ${seconds(values[values.length - 1])}`
      : 'n/a';
  console.log(
    `\n[${r.mode}] refresh.afterOperation: ${
      r.mode === 'after'
    }; ${ENVS} environments, ${LATENCY_MS} ms per AWS call`,
  );
  console.log(
    `  POST /stages/dev/wake answered in ${seconds(r.requestMs)}; ${
      r.succeeded
    }/${ENVS} operations succeeded`,
  );
  console.log(
    `  wall time until every operation succeeded: ${seconds(r.opsDoneMs)}`,
  );
  console.log(
    `  wall time until the portal served every environment awake and ready: ${seconds(
      r.portalDoneMs,
    )}`,
  );
  console.log(
    `  lag AWS ready -> portal ready: ${stats(
      r.lags,
    )} (operation end -> portal: ${stats(r.opEndLags)})`,
  );
  console.log(
    `  AWS calls from the request until the portal showed all ready: ${
      r.totalCalls
    } (${(r.totalCalls / ENVS).toFixed(
      1,
    )} per environment; tagging, SQS, Lambda and CloudWatch calls are scheduled full refreshes)`,
  );
  console.table(
    Object.fromEntries(
      Object.entries(r.calls).map(([operation, calls]) => {
        const answers = r.answerMs.get(operation) ?? [];
        return [
          operation,
          {
            calls,
            'moto answer p50 (ms)': +percentile(answers, 50).toFixed(1),
            'moto answer p95 (ms)': +percentile(answers, 95).toFixed(1),
          },
        ];
      }),
    ),
  );
}

async function main() {
  await withLocalStack(async stack => {
    const { moto, api, knex } = stack;
    let t = performance.now();
    const fleet = await seedDevFleet(stack, {
      size: ENVS,
      maxDesiredCount: 3,
      concurrency: 8,
    });
    console.log(
      `seeded ${ENVS} environments in ${seconds(
        performance.now() - t,
      )}; modes: ${MODES.join(', ')}`,
    );
    const results: ModeResult[] = [];
    for (const mode of MODES) {
      t = performance.now();
      const result = await runMode(mode, {
        knex,
        motoEndpoint: moto.endpoint,
        baseUrlTemplate: api.baseUrlTemplate,
        fleet,
      });
      report(result);
      results.push(result);
    }
    if (results.length > 1) {
      console.log('\nsummary');
      console.table(
        results.map(r => ({
          mode: r.mode,
          'AWS calls': r.totalCalls,
          'ops done (s)': +(r.opsDoneMs / 1000).toFixed(1),
          'portal done (s)': +(r.portalDoneMs / 1000).toFixed(1),
          'lag p50 (s)': +(percentile(r.lags, 50) / 1000).toFixed(1),
          'lag p95 (s)': +(percentile(r.lags, 95) / 1000).toFixed(1),
          'lag max (s)': +(r.lags[r.lags.length - 1] / 1000).toFixed(1),
        })),
      );
    }
  });
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});

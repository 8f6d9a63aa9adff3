/**
 * Benchmark (not a test): builds a fleet of CLINICS x 4 stages in moto_server,
 * starts the Stagelight backend on it, and prints AWS calls per full refresh by
 * operation, refresh wall time, p50/p95 latency of the environment list and of
 * one environment, and backend memory.
 *
 *   yarn tsx bench/refresh.ts            # 250 clinics (1000 environments)
 *   BENCH_CLINICS=20 yarn tsx bench/refresh.ts
 *   NODE_OPTIONS=--expose-gc yarn tsx bench/refresh.ts   # memory after GC
 *   BENCH_MOTO_PORT=4599 BENCH_SKIP_SEED=1 ...   # reuse a moto_server seeded by an earlier run
 *   BENCH_CONCURRENCY=16 ...   # stagelight.aws.concurrency (default 8)
 */
import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { SchedulerService } from '@backstage/backend-plugin-api';
import { DEFAULT_STAGES } from '@stagelight/tag-contract';
import { startMotoServer } from '@internal/stagelight-local-aws';
import { CallCounter } from '../src/aws/CallCounter';
import { stagelightAwsExtensionPoint } from '../src/extensions';
import { stagelightPlugin } from '../src/plugin';
import {
  createFleetFixture,
  FixtureEnvironment,
} from '../src/__testUtils__/fleetFixture';
import { testConfigData } from '../src/__testUtils__/testSettings';
import { startVersionServer } from '../src/__testUtils__/versionServer';

const CLINICS = Number(process.env.BENCH_CLINICS ?? 250);
const LIST_REQUESTS = Number(process.env.BENCH_LIST_REQUESTS ?? 200);
const DETAIL_REQUESTS = Number(process.env.BENCH_DETAIL_REQUESTS ?? 1000);

function percentile(sorted: number[], p: number) {
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

async function latency(url: string, n: number) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await fetch(url);
    const body = await res.arrayBuffer();
    times.push(performance.now() - t);
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    bytes = body.byteLength;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), bytes };
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function main() {
  // BENCH_MOTO_PORT reuses a moto_server you started (e.g. to read its log).
  const motoPort = process.env.BENCH_MOTO_PORT
    ? Number(process.env.BENCH_MOTO_PORT)
    : undefined;
  const moto = await startMotoServer({
    port: motoPort,
    reuseExisting: motoPort !== undefined,
  });
  const api = await startVersionServer();
  try {
    const fleet: FixtureEnvironment[] = [];
    for (let c = 0; c < CLINICS; c++) {
      const clinic = `clinic-${String(c).padStart(3, '0')}`;
      DEFAULT_STAGES.forEach((stage, s) => {
        const asleep = stage !== 'prod' && (c + s) % 3 === 0;
        const marker = `2026-11-26-${c}-${s}`;
        fleet.push({
          clinic,
          stage,
          desiredCount: asleep ? 0 : 1 + (s % 3),
          marker,
          dbStopped: asleep && s % 2 === 0,
          dbMinCapacity: stage === 'prod' ? 0.5 : 0,
          queued: c % 5,
          deadLetters: c % 7 === 0 ? 1 : 0,
        });
        if (!asleep) api.served.set(`${clinic}/${stage}`, marker);
      });
    }
    let t = performance.now();
    // BENCH_SKIP_SEED=1 with BENCH_MOTO_PORT measures again against a fleet seeded earlier.
    if (!process.env.BENCH_SKIP_SEED) {
      await createFleetFixture(moto.endpoint, fleet, { concurrency: 8 });
    }
    const seeded = process.env.BENCH_SKIP_SEED
      ? 'reused a fleet of'
      : `seeded in ${((performance.now() - t) / 1000).toFixed(1)} s:`;
    console.log(
      `${seeded} ${fleet.length} environments (${CLINICS} clinics x ${DEFAULT_STAGES.length} stages)`,
    );

    const counter = new CallCounter();
    let scheduler: SchedulerService | undefined;
    const benchModule = createBackendModule({
      pluginId: 'stagelight',
      moduleId: 'bench',
      register(env) {
        env.registerInit({
          deps: { aws: stagelightAwsExtensionPoint, s: coreServices.scheduler },
          async init({ aws, s }) {
            aws.addClientCustomizer(counter.customizer);
            scheduler = s;
          },
        });
      },
    });

    (globalThis as { gc?: () => void }).gc?.();
    const memBefore = process.memoryUsage();
    t = performance.now();
    const backend = await startTestBackend({
      features: [
        stagelightPlugin,
        benchModule,
        mockServices.rootConfig.factory({
          data: testConfigData(moto.endpoint, {
            readiness: { baseUrlTemplate: api.baseUrlTemplate },
            refresh: { interval: { hours: 1 }, timeout: { minutes: 10 } },
            aws: {
              maxAttempts: 4,
              concurrency: Number(process.env.BENCH_CONCURRENCY ?? 8),
            },
          }),
        }),
      ],
    });
    const { port } = backend.server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}/api/stagelight`;

    const snapshotTime = async () => {
      const res = await fetch(
        `${base}/environments?stage=prod&clinic=clinic-000`,
      );
      return res.status === 200
        ? (((await res.json()) as any).refreshedAt as string)
        : undefined;
    };
    while (!(await snapshotTime())) await new Promise(r => setTimeout(r, 50));
    const firstRefreshS = (performance.now() - t) / 1000;
    const firstCalls = counter.counts();
    const firstTotal = counter.total();

    // A second, steady-state refresh: task definitions are cached by then.
    counter.reset();
    const before = await snapshotTime();
    t = performance.now();
    await scheduler!.triggerTask('stagelight-status-refresh');
    while ((await snapshotTime()) === before)
      await new Promise(r => setTimeout(r, 20));
    const secondRefreshS = (performance.now() - t) / 1000;
    const secondCalls = counter.counts();

    const list = await fetch(`${base}/environments`).then(r => r.json() as any);
    const powers: Record<string, number> = {};
    const readiness: Record<string, number> = {};
    for (const e of list.items) {
      powers[e.power] = (powers[e.power] ?? 0) + 1;
      readiness[e.readiness] = (readiness[e.readiness] ?? 0) + 1;
    }

    counter.reset();
    const listLatency = await latency(`${base}/environments`, LIST_REQUESTS);
    const detailClinic = `clinic-${String(Math.min(123, CLINICS - 1)).padStart(
      3,
      '0',
    )}`;
    const detailLatency = await latency(
      `${base}/environments/${detailClinic}/staging`,
      DETAIL_REQUESTS,
    );
    // Run with NODE_OPTIONS=--expose-gc to measure live memory rather than garbage.
    (globalThis as { gc?: () => void }).gc?.();
    const mem = process.memoryUsage();

    console.log(
      `\nenvironments in API: ${list.items.length}; power ${JSON.stringify(
        powers,
      )}; readiness ${JSON.stringify(readiness)}`,
    );
    console.log(
      `\nfirst refresh (backend start to snapshot served): ${firstRefreshS.toFixed(
        2,
      )} s, ${firstTotal} AWS calls`,
    );
    console.table(firstCalls);
    console.log(
      `steady-state refresh (triggered): ${secondRefreshS.toFixed(
        2,
      )} s, ${Object.values(secondCalls).reduce((a, b) => a + b, 0)} AWS calls`,
    );
    console.table(secondCalls);
    console.log(
      `AWS calls made by ${
        LIST_REQUESTS + DETAIL_REQUESTS
      } API requests: ${counter.total()}`,
    );
    console.log(
      `\nGET /environments (${list.items.length} items, ${(
        listLatency.bytes / 1024
      ).toFixed(0)} KiB): p50 ${ms(listLatency.p50)}, p95 ${ms(
        listLatency.p95,
      )} over ${LIST_REQUESTS} requests`,
    );
    console.log(
      `GET /environments/${detailClinic}/staging (${(
        detailLatency.bytes / 1024
      ).toFixed(1)} KiB): p50 ${ms(detailLatency.p50)}, p95 ${ms(
        detailLatency.p95,
      )} over ${DETAIL_REQUESTS} requests`,
    );
    console.log(
      `\nbackend process memory: rss ${mb(mem.rss)}, heap used ${mb(
        mem.heapUsed,
      )} (heap before backend start ${mb(memBefore.heapUsed)})`,
    );
    await backend.stop();
  } finally {
    await api.close();
    await moto.stop();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});

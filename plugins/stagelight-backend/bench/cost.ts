/**
 * Benchmark (not a test): one simulated day of cost for CLINICS x 4 stages.
 * Cost Explorer (moto_server) holds 90 days of daily cost for every environment;
 * the scheduled task runs every hour (refreshIfStale + power samples), and READS
 * API reads of cost data are spread over the day through the real router over
 * HTTP, each followed by a refresh attempt as a "refresh click" would make.
 * Prints the Cost Explorer requests made, what they cost per day, and the
 * p50/p95 response time of the reads.
 *
 *   yarn tsx bench/cost.ts                 # 250 clinics (1000 environments), 500 reads, SQLite
 *   BENCH_CLINICS=20 BENCH_READS=100 yarn tsx bench/cost.ts
 *   BENCH_PAGES=10 ...                     # pages Cost Explorer splits the 90 days into
 *   BENCH_PG=postgresql://postgres:postgres@127.0.0.1:5432 ...   # PostgreSQL instead of SQLite
 */
import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { mockServices } from '@backstage/backend-test-utils';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  DemoFleet,
  demoCostPages,
  queueCostResults,
  startMotoServer,
} from '@internal/stagelight-local-aws';
import { DEFAULT_STAGES } from '@stagelight/tag-contract';
import express from 'express';
import knexFactory, { Knex } from 'knex';
import path from 'node:path';
import {
  createCostExplorerClientFactory,
  createCostModule,
  readCostSettings,
} from '../src/cost';
import { testConfig } from '../src/__testUtils__/testSettings';
import { countAttempts } from '../src/aws/CallCounter';

const CLINICS = Number(process.env.BENCH_CLINICS ?? 250);
const READS = Number(process.env.BENCH_READS ?? 500);
const PAGES = Number(process.env.BENCH_PAGES ?? 5);
const PRICE_PER_REQUEST = 0.01;
const DAY_START = new Date('2026-11-26T00:30:00Z');
const HOUR = 3_600_000;

function percentile(sorted: number[], p: number) {
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}
const ms = (n: number) => `${n.toFixed(1)} ms`;

function syntheticFleet(): DemoFleet {
  const environments: DemoFleet['environments'] = [];
  for (let c = 0; c < CLINICS; c++) {
    const clinic = `clinic-${String(c).padStart(4, '0')}`;
    DEFAULT_STAGES.forEach((stage, s) => {
      environments.push({
        clinic,
        clinicName: clinic,
        stage,
        apiDesiredCount: 1,
        asleep: stage !== 'prod' && (c + s) % 3 === 0,
        dbMinCapacity: 0,
        deployMarker: 'bench',
        queuedImages: 0,
        deadLetters: 0,
        dailyCostAwake: 5 + s * 8 + (c % 7),
      });
    });
  }
  return { region: 'us-east-1', environments };
}

async function database(): Promise<{ knex: Knex; close: () => Promise<void> }> {
  const pg = process.env.BENCH_PG;
  if (!pg) {
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
    return { knex, close: () => knex.destroy() };
  }
  const name = `stagelight_cost_bench_${process.pid}`;
  const admin = knexFactory({ client: 'pg', connection: pg });
  await admin.raw(`create database ${name}`);
  const knex = knexFactory({
    client: 'pg',
    connection: { connectionString: pg, database: name },
  });
  return {
    knex,
    close: async () => {
      await knex.destroy();
      await admin.raw(`drop database ${name}`);
      await admin.destroy();
    },
  };
}

async function main() {
  const fleet = syntheticFleet();
  const moto = await startMotoServer();
  const db = await database();
  try {
    await db.knex.migrate.latest({
      directory: path.resolve(__dirname, '../migrations'),
    });
    const pages = demoCostPages(fleet, DAY_START, { days: 90, pages: PAGES });
    await queueCostResults(moto.endpoint, pages);

    let now = DAY_START;
    const config = testConfig(moto.endpoint, { aws: { maxAttempts: 1 } });
    const settings = readCostSettings(config);
    const requests: Record<string, number> = {};
    const cost = createCostModule({
      knex: db.knex,
      settings,
      clock: { now: () => now },
      logger: mockServices.rootLogger({ level: 'warn' }),
      clientFactory: createCostExplorerClientFactory({
        credentialsManager: DefaultAwsCredentialsManager.fromConfig(config),
        settings,
        customize: client =>
          countAttempts(client, op => {
            requests[op] = (requests[op] ?? 0) + 1;
          }),
      }),
    });
    const app = express().use(
      cost.router({
        httpAuth: mockServices.httpAuth(),
        permissions: {
          authorize: async () => [{ result: AuthorizeResult.ALLOW }],
        } as any,
      }),
    );
    const server = app.listen(0, '127.0.0.1');
    await new Promise(r => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const samples = (hour: number) =>
      fleet.environments.map(e => ({
        clinic: e.clinic,
        stage: e.stage,
        power:
          e.stage !== 'prod' && (hour < 7 || hour >= 19)
            ? ('asleep' as const)
            : ('awake' as const),
      }));

    const refreshTimes: number[] = [];
    const sampleTimes: number[] = [];
    const reads: Record<string, number[]> = {
      summary: [],
      environment: [],
      forecast: [],
      projection: [],
    };
    const kinds = [
      'summary',
      'environment',
      'environment',
      'summary',
      'forecast',
      'projection',
    ] as const;
    const schedule = {
      timeZone: 'Europe/Berlin',
      windows: [
        {
          days: ['mon', 'tue', 'wed', 'thu', 'fri'],
          start: '07:00',
          end: '19:00',
        },
      ],
    };
    let nextTask = 0;
    for (let i = 0; i < READS; i++) {
      const at = DAY_START.getTime() + Math.floor((i * 23.5 * HOUR) / READS);
      // The scheduled task runs on the hour: cost refresh when stale, power samples always.
      while (DAY_START.getTime() + nextTask * HOUR <= at) {
        now = new Date(DAY_START.getTime() + nextTask * HOUR);
        let t = performance.now();
        await cost.refresher.refreshIfStale();
        refreshTimes.push(performance.now() - t);
        t = performance.now();
        await cost.history.record(samples(nextTask), now);
        sampleTimes.push(performance.now() - t);
        nextTask++;
      }
      now = new Date(at);
      const kind = kinds[i % kinds.length];
      const env = fleet.environments[(i * 37) % fleet.environments.length];
      const t = performance.now();
      const requestFor: Record<
        (typeof kinds)[number],
        () => Promise<Response>
      > = {
        summary: () => fetch(`${base}/cost/summary`),
        environment: () =>
          fetch(`${base}/cost/environments/${env.clinic}/${env.stage}`),
        forecast: () => fetch(`${base}/cost/stages/${env.stage}/forecast`),
        projection: () =>
          fetch(`${base}/cost/projection`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ stage: env.stage, schedule }),
          }),
      };
      const res = await requestFor[kind]();
      await res.arrayBuffer();
      reads[kind].push(performance.now() - t);
      if (res.status !== 200) throw new Error(`${kind} answered ${res.status}`);
      // A refresh click after every read: the budget, not the clicks, decides.
      await cost.refresher.refreshIfStale();
    }
    server.close();

    const all = Object.values(reads)
      .flat()
      .sort((a, b) => a - b);
    const total = Object.values(requests).reduce((a, b) => a + b, 0);
    const summary = await cost.reports.summary();
    console.log(
      `Cost benchmark: ${
        fleet.environments.length
      } environments (${CLINICS} clinics x ${
        DEFAULT_STAGES.length
      } stages), 90 days in ${PAGES} pages, ${
        process.env.BENCH_PG ? 'PostgreSQL' : 'SQLite'
      }`,
    );
    console.log(
      `  ${READS} API reads over one day, each followed by a refresh attempt; scheduled task hourly (${nextTask} runs)`,
    );
    console.log(
      `  Cost Explorer requests: ${total} ${JSON.stringify(requests)} (budget ${
        settings.dailyRequestBudget
      }/day, used ${summary.data.budget.usedToday})`,
    );
    console.log(
      `  Cost of those requests: $${(total * PRICE_PER_REQUEST).toFixed(
        2,
      )} per day`,
    );
    console.log(
      `  Read latency over HTTP: p50 ${ms(percentile(all, 50))}, p95 ${ms(
        percentile(all, 95),
      )}`,
    );
    for (const [kind, times] of Object.entries(reads)) {
      times.sort((a, b) => a - b);
      console.log(
        `    ${kind.padEnd(12)} n=${String(times.length).padStart(3)} p50 ${ms(
          percentile(times, 50),
        )}, p95 ${ms(percentile(times, 95))}`,
      );
    }
    refreshTimes.sort((a, b) => a - b);
    console.log(
      `  Scheduled refresh: slowest ${ms(
        refreshTimes[refreshTimes.length - 1],
      )} (when Cost Explorer was read), p50 ${ms(
        percentile(refreshTimes, 50),
      )}`,
    );
    sampleTimes.sort((a, b) => a - b);
    console.log(
      `  Power samples for ${fleet.environments.length} environments: p50 ${ms(
        percentile(sampleTimes, 50),
      )}, max ${ms(sampleTimes[sampleTimes.length - 1])}`,
    );
    console.log(
      `  Stored: ${summary.data.firstDay}..${
        summary.data.lastDay
      }, diagnostics ${JSON.stringify(summary.diagnostics.map(d => d.code))}`,
    );
  } finally {
    await db.close();
    await moto.stop();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});

import { DemoEnvironment, DemoFleet } from '../fleet/demoFleet';
import { LOCAL_ACCOUNT_ID } from '@stagelight/image-review-stack/moto';
import { createSeedClients, destroySeedClients } from './clients';
import { demoCostPages, queueCostResults } from './cost';
import { seedEcs } from './ecs';
import { seedFunctions } from './lambda';
import { readManifest, writeManifest } from './manifest';
import { ensureDemoNetwork, seedLoadBalancer } from './network';
import { seedDatabase, stopDatabase } from './rds';
import { seedStorage } from './storage';

export interface SeedOptions {
  /** The local AWS endpoint (moto_server). */
  endpoint: string;
  fleet: DemoFleet;
  /** The day the Cost Explorer history ends (exclusive); a clock, not Date.now(). */
  today: Date;
  accountId?: string;
  /** Environments seeded at once. */
  concurrency?: number;
  log?: (line: string) => void;
}

export interface SeedReport {
  environments: number;
  costPagesQueued: number;
  durationMs: number;
}

/**
 * Creates (or completes) the demo fleet in local AWS through the SDK, tagged by
 * the tag contract. Every step checks what exists first, so running it again
 * changes nothing.
 */
export async function seedFleet(options: SeedOptions): Promise<SeedReport> {
  const started = process.hrtime.bigint();
  const accountId = options.accountId ?? LOCAL_ACCOUNT_ID;
  const c = createSeedClients(options.endpoint, options.fleet.region);
  const log = options.log ?? (() => {});
  try {
    const network = await ensureDemoNetwork(c);
    const queue = [...options.fleet.environments];
    const toStop: DemoEnvironment[] = [];
    const worker = async () => {
      for (let env = queue.shift(); env; env = queue.shift()) {
        await seedStorage(c, env, accountId);
        await seedFunctions(c, env, accountId);
        const db = await seedDatabase(c, env, accountId);
        if (db.created && env.asleep) toStop.push(env);
        await seedEcs(c, env, accountId, network);
        await seedLoadBalancer(c, env, accountId, network);
        log(
          `seeded ${env.clinic}/${env.stage}${env.asleep ? ' (asleep)' : ''}`,
        );
      }
    };
    await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
    for (const env of toStop) await stopDatabase(c, env, accountId);

    const manifest = await readManifest(c);
    let costPagesQueued = manifest?.costPagesQueued ?? 0;
    if (!costPagesQueued) {
      const pages = demoCostPages(options.fleet, options.today);
      await queueCostResults(options.endpoint, pages);
      costPagesQueued = pages.length;
      log(`queued ${pages.length} Cost Explorer pages`);
    }
    await writeManifest(c, {
      costPagesQueued,
      seededAt: manifest?.seededAt ?? options.today.toISOString(),
    });
    return {
      environments: options.fleet.environments.length,
      costPagesQueued,
      durationMs: Number(process.hrtime.bigint() - started) / 1e6,
    };
  } finally {
    destroySeedClients(c);
  }
}

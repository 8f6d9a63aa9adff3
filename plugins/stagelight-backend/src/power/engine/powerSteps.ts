import { PowerStepName } from '@stagelight/backstage-plugin-stagelight-common';
import { AwsLocation } from '../../aws/AwsLocation';
import { groupByCluster } from '../../aws/serviceClusters';
import { EcsPowerAdapter } from '../../aws/EcsPowerAdapter';
import { RdsPowerAdapter } from '../../aws/RdsPowerAdapter';
import {
  ASLEEP_BOUNDS,
  boundsTag,
  isAsleep,
  parseBoundsTag,
  ScalingAdapter,
  ScalingBounds,
} from '../../aws/ScalingAdapter';
import { DeployMarkerProbe } from '../../readiness/DeployMarkerProbe';
import { Sleep } from '../../readiness/MarkerWaiter';
import { Clock } from '../../clock/Clock';
import { PowerStore } from './PowerStore';
import { PowerTargets } from './PowerTargets';

/** What every step works with, given to the engine once. */
export interface StepCollaborators {
  store: PowerStore;
  ecs: EcsPowerAdapter;
  rds: RdsPowerAdapter;
  scaling: ScalingAdapter;
  probe: DeployMarkerProbe;
  clock: Clock;
  sleep: Sleep;
}

export interface StepContext extends StepCollaborators {
  targets: PowerTargets;
  desiredCountTag: string;
  scalingBoundsTag: string;
  pollIntervalMs: number;
  dbAvailableTimeoutMs: number;
  readyTimeoutMs: number;
  /** Renews the environment lock during long waits; throws when it was lost. */
  heartbeat(): Promise<void>;
}

export interface StepOutcome {
  status: 'done' | 'skipped';
  result: Record<string, unknown>;
}

async function currentCounts(ctx: StepContext) {
  const counts = new Map<
    string,
    { count: number; location: AwsLocation; cluster: string }
  >();
  for (const g of groupByCluster(ctx.targets.services)) {
    const desired = await ctx.ecs.desiredCounts(g.location, g.cluster, g.arns);
    for (const [arn, count] of desired) {
      counts.set(arn, { count, location: g.location, cluster: g.cluster });
    }
  }
  return counts;
}

/** The scalable-target bounds of the services that have one, by service ARN. */
async function currentBounds(ctx: StepContext) {
  const bounds = new Map<
    string,
    { bounds: ScalingBounds; location: AwsLocation }
  >();
  for (const g of groupByCluster(ctx.targets.services)) {
    for (const [arn, b] of await ctx.scaling.boundsOf(g.location, g.arns)) {
      bounds.set(arn, { bounds: b, location: g.location });
    }
  }
  return bounds;
}

/** Serverless v2 at min 0 ACU pauses by itself; stopping it would only add a 7-day restart to handle. */
const AUTO_PAUSE = 'Aurora Serverless v2 with min capacity 0 pauses by itself';

async function waitForDb(
  ctx: StepContext,
  done: (status: string) => boolean,
  what: string,
): Promise<string> {
  const db = ctx.targets.database!;
  const deadline = ctx.clock.now().getTime() + ctx.dbAvailableTimeoutMs;
  for (;;) {
    const { status } = await ctx.rds.describe(db.location, db.ref);
    if (done(status)) return status;
    if (ctx.clock.now().getTime() >= deadline) {
      throw new Error(
        `database ${
          db.ref.identifier
        } is still ${status}, not ${what}, after ${Math.round(
          ctx.dbAvailableTimeoutMs / 1000,
        )} s`,
      );
    }
    await ctx.heartbeat();
    await ctx.sleep(ctx.pollIntervalMs);
  }
}

/**
 * Each step is idempotent: it reads the current state first and does only what
 * is left, so re-running it after a crash or a failed attempt is safe.
 */
export const POWER_STEPS: Record<
  PowerStepName,
  (ctx: StepContext) => Promise<StepOutcome>
> = {
  async 'remember-counts'(ctx) {
    const remembered: Record<string, number> = {};
    const alreadyZero: string[] = [];
    for (const [arn, { count, location }] of await currentCounts(ctx)) {
      // A service already at 0 keeps what an earlier sleep remembered.
      if (count === 0) {
        alreadyZero.push(arn);
        continue;
      }
      await ctx.store.rememberCount(ctx.targets, arn, count, ctx.clock.now());
      await ctx.ecs.putTag(location, arn, ctx.desiredCountTag, String(count));
      remembered[arn] = count;
    }
    return { status: 'done', result: { remembered, alreadyZero } };
  },

  async 'release-scaling'(ctx) {
    const released: Record<string, string> = {};
    const alreadyAsleep: string[] = [];
    for (const [arn, { bounds, location }] of await currentBounds(ctx)) {
      // Bounds already at 0..0 keep what an earlier sleep remembered.
      if (isAsleep(bounds)) {
        alreadyAsleep.push(arn);
        continue;
      }
      await ctx.store.rememberBounds(ctx.targets, arn, bounds, ctx.clock.now());
      await ctx.ecs.putTag(
        location,
        arn,
        ctx.scalingBoundsTag,
        boundsTag(bounds),
      );
      await ctx.scaling.setBounds(location, arn, ASLEEP_BOUNDS);
      released[arn] = boundsTag(bounds);
    }
    if (Object.keys(released).length + alreadyAsleep.length === 0) {
      return {
        status: 'skipped',
        result: { reason: 'no service has a scalable target' },
      };
    }
    return { status: 'done', result: { released, alreadyAsleep } };
  },

  async 'restore-scaling'(ctx) {
    const current = await currentBounds(ctx);
    if (current.size === 0) {
      return {
        status: 'skipped',
        result: { reason: 'no service has a scalable target' },
      };
    }
    const remembered = await ctx.store.rememberedBounds(ctx.targets);
    const restored: Record<string, { bounds: string; source: string }> = {};
    const kept: Record<string, string> = {};
    for (const [arn, { bounds, location }] of current) {
      if (!isAsleep(bounds)) {
        kept[arn] = boundsTag(bounds);
        continue;
      }
      let source = 'database';
      let target = remembered.get(arn);
      if (!target) {
        // The plugin database lost them: the tag on the service still knows.
        target = parseBoundsTag(
          await ctx.ecs.readTag(location, arn, ctx.scalingBoundsTag),
        );
        source = 'tag';
      }
      if (!target) {
        // Guessing bounds would override the team's scaling policy: say what to do instead.
        throw new Error(
          `the scalable target of ${arn} is at 0..0 and no bounds are remembered (database or ${ctx.scalingBoundsTag} tag); set its minimum and maximum in Application Auto Scaling`,
        );
      }
      await ctx.scaling.setBounds(location, arn, target);
      restored[arn] = { bounds: boundsTag(target), source };
    }
    return { status: 'done', result: { restored, kept } };
  },

  async 'scale-to-zero'(ctx) {
    const scaledDown: string[] = [];
    for (const [arn, { count, location, cluster }] of await currentCounts(
      ctx,
    )) {
      if (count === 0) continue;
      await ctx.ecs.setDesiredCount(location, cluster, arn, 0);
      scaledDown.push(arn);
    }
    return { status: 'done', result: { scaledDown } };
  },

  async 'stop-db'(ctx) {
    const db = ctx.targets.database;
    if (!db) return { status: 'skipped', result: { reason: 'no database' } };
    const { status, minCapacity } = await ctx.rds.describe(db.location, db.ref);
    if (minCapacity === 0) {
      return { status: 'skipped', result: { reason: AUTO_PAUSE, status } };
    }
    if (status === 'stopped' || status === 'stopping') {
      return {
        status: 'done',
        result: { database: db.ref.identifier, already: status },
      };
    }
    await ctx.rds.stop(db.location, db.ref);
    return {
      status: 'done',
      result: { database: db.ref.identifier, stopped: true, was: status },
    };
  },

  async 'start-db'(ctx) {
    const db = ctx.targets.database;
    if (!db) return { status: 'skipped', result: { reason: 'no database' } };
    const { status, minCapacity } = await ctx.rds.describe(db.location, db.ref);
    if (minCapacity === 0 && status !== 'stopped') {
      return {
        status: 'skipped',
        result: {
          reason: `${AUTO_PAUSE} and resumes on the first connection`,
          status,
        },
      };
    }
    // A stop still in progress must finish before RDS accepts a start.
    const settled =
      status === 'stopping'
        ? await waitForDb(ctx, s => s !== 'stopping', 'stopped')
        : status;
    if (settled !== 'stopped') {
      return {
        status: 'done',
        result: { database: db.ref.identifier, already: settled },
      };
    }
    await ctx.rds.start(db.location, db.ref);
    return {
      status: 'done',
      result: { database: db.ref.identifier, started: true },
    };
  },

  async 'wait-db-available'(ctx) {
    const db = ctx.targets.database;
    if (!db) return { status: 'skipped', result: { reason: 'no database' } };
    const started = ctx.clock.now().getTime();
    const status = await waitForDb(ctx, s => s === 'available', 'available');
    return {
      status: 'done',
      result: {
        database: db.ref.identifier,
        status,
        waitedMs: ctx.clock.now().getTime() - started,
      },
    };
  },

  async 'restore-counts'(ctx) {
    const remembered = await ctx.store.rememberedCounts(ctx.targets);
    const restored: Record<string, { count: number; source: string }> = {};
    const kept: Record<string, number> = {};
    for (const [arn, { count, location, cluster }] of await currentCounts(
      ctx,
    )) {
      if (count > 0) {
        kept[arn] = count;
        continue;
      }
      let source = 'database';
      let target = remembered.get(arn);
      if (target === undefined) {
        // The plugin database lost it (new database, restore): the tag on the service still knows.
        const tag = await ctx.ecs.readTag(location, arn, ctx.desiredCountTag);
        const parsed = tag === undefined ? NaN : Number(tag);
        if (Number.isInteger(parsed) && parsed > 0) {
          target = parsed;
          source = 'tag';
        }
      }
      if (target === undefined) {
        target = 1;
        source = 'default (nothing remembered)';
      }
      await ctx.ecs.setDesiredCount(location, cluster, arn, target);
      restored[arn] = { count: target, source };
    }
    return { status: 'done', result: { restored, kept } };
  },

  async 'wait-ready'(ctx) {
    const { probeUrl, expectedMarker } = ctx.targets;
    if (!probeUrl) {
      return {
        status: 'skipped',
        result: { reason: 'no readiness URL for this environment' },
      };
    }
    const started = ctx.clock.now().getTime();
    let probes = 0;
    let last = '';
    for (;;) {
      const r = await ctx.probe.probe(probeUrl);
      probes += 1;
      if (r.ok && (expectedMarker === null || r.marker === expectedMarker)) {
        return {
          status: 'done',
          result: {
            marker: r.marker,
            probes,
            waitedMs: ctx.clock.now().getTime() - started,
          },
        };
      }
      last = r.ok ? `serves marker ${r.marker}` : r.reason;
      if (ctx.clock.now().getTime() - started >= ctx.readyTimeoutMs) {
        throw new Error(
          `deploy marker ${
            expectedMarker ?? '(any)'
          } not served after ${Math.round(
            ctx.readyTimeoutMs / 1000,
          )} s: ${last}`,
        );
      }
      await ctx.heartbeat();
      await ctx.sleep(ctx.pollIntervalMs);
    }
  },
};

import {
  PowerLease,
  Schedule,
  ScheduleResponse,
} from '@stagelight/backstage-plugin-stagelight-common';
import { NotFoundError } from '@backstage/errors';
import { Clock } from '../../clock/Clock';
import { desiredPowerState, DesiredPowerAnswer } from '../../schedule';
import { EnvironmentLookup } from '../../snapshot/EnvironmentLookup';
import { EnvironmentRecord } from '../../snapshot/EnvironmentRecord';
import { PowerStore } from '../engine/PowerStore';
import { PowerSettings } from '../PowerSettings';
import { isRunning, leasePeriods } from './leases';
import { refuseOnProtected } from './protectedStage';

type Env = { clinic: string; stage: string };

/** An environment's schedule override and stage default, its lease, and what they want at a moment. */
export interface PowerPlan {
  override?: Schedule;
  stageDefault?: Schedule;
  lease?: PowerLease;
  desired: DesiredPowerAnswer;
}

/**
 * Schedules of environments: the stage default or the environment's override,
 * what it wants now, and the boundary a user's action claims.
 */
export class ScheduleService {
  constructor(
    private readonly deps: {
      store: PowerStore;
      lookup: EnvironmentLookup;
      power: Pick<PowerSettings, 'stageSchedules' | 'maxLeaseHours'>;
      clock: Clock;
    },
  ) {}

  async get(env: Env): Promise<ScheduleResponse> {
    const record = await this.deps.lookup.environment(env.clinic, env.stage);
    const now = this.deps.clock.now();
    const {
      override,
      stageDefault,
      lease,
      desired: d,
    } = await this.plan(record, now);
    return {
      clinic: env.clinic,
      stage: env.stage,
      schedule: override ?? stageDefault ?? null,
      source: sourceOf(override, stageDefault),
      protected: record.protected,
      lease: lease && isRunning(lease, now) ? lease : null,
      maxLeaseHours: this.deps.power.maxLeaseHours,
      desired: {
        state: d.state,
        reason: d.reason,
        nextTransition: d.nextTransition
          ? {
              at: d.nextTransition.at.toISOString(),
              state: d.nextTransition.state,
            }
          : null,
      },
    };
  }

  async put(
    env: Env,
    schedule: Schedule,
    actor: string,
  ): Promise<ScheduleResponse> {
    const record = await this.deps.lookup.environment(env.clinic, env.stage);
    refuseOnProtected(record, 'schedule');
    await this.deps.store.putSchedule(
      env,
      schedule,
      actor,
      this.deps.clock.now(),
    );
    return this.get(env);
  }

  /** Removes the environment's override: the stage default (or none) applies again. */
  async remove(env: Env): Promise<ScheduleResponse> {
    await this.deps.lookup.environment(env.clinic, env.stage);
    if (!(await this.deps.store.deleteSchedule(env))) {
      throw new NotFoundError(
        `${env.clinic}/${env.stage} has no schedule override to remove`,
      );
    }
    return this.get(env);
  }

  async plan(record: EnvironmentRecord, now: Date): Promise<PowerPlan> {
    const env = { clinic: record.clinic, stage: record.stage };
    const [override, lease] = await Promise.all([
      this.deps.store.getSchedule(env),
      this.deps.store.getLease(env),
    ]);
    return this.#planOf(record, override, lease, now);
  }

  /**
   * Every environment's plan at `now`, keyed `<clinic>/<stage>`, from one read
   * of all overrides and one of all leases: what the scheduler, the sleep
   * warnings and the timeline go through for the whole fleet.
   */
  async plans(
    records: readonly EnvironmentRecord[],
    now: Date,
  ): Promise<Map<string, PowerPlan>> {
    const [overrides, leases] = await Promise.all([
      this.deps.store.allSchedules(),
      this.deps.store.allLeases(),
    ]);
    const leaseOf = new Map(leases.map(l => [`${l.clinic}/${l.stage}`, l]));
    return new Map(
      records.map(record => {
        const key = `${record.clinic}/${record.stage}`;
        return [
          key,
          this.#planOf(record, overrides.get(key), leaseOf.get(key), now),
        ];
      }),
    );
  }

  #planOf(
    record: EnvironmentRecord,
    override: Schedule | undefined,
    lease: PowerLease | undefined,
    now: Date,
  ): PowerPlan {
    const stageDefault = this.deps.power.stageSchedules.get(record.stage);
    const desired = desiredPowerState({
      protected: record.protected,
      leases: leasePeriods(lease),
      schedule: override ?? stageDefault,
      at: now,
    });
    return { override, stageDefault, lease, desired };
  }

  /** A user's action overrides the schedule until its next transition. */
  async claimCurrentBoundary(record: EnvironmentRecord, now: Date) {
    const { since } = (await this.plan(record, now)).desired;
    if (since) {
      await this.deps.store.claimBoundary(record, since, 'user', now);
    }
  }
}

/** Where the schedule in force comes from: the override, else the stage default, else none. */
export function sourceOf(
  override?: Schedule,
  stageDefault?: Schedule,
): ScheduleResponse['source'] {
  if (override) return 'override';
  return stageDefault ? 'stage-default' : 'none';
}

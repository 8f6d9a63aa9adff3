import { ConflictError, InputError } from '@backstage/errors';
import {
  ExtendLeaseRequest,
  PowerLease,
} from '@stagelight/backstage-plugin-stagelight-common';
import { Clock } from '../../clock/Clock';
import { EnvironmentLookup } from '../../snapshot/EnvironmentLookup';
import { PowerStore } from '../engine/PowerStore';
import { PowerSettings } from '../PowerSettings';
import { isRunning } from './leases';
import { refuseOnProtected } from './protectedStage';

const HOUR = 3_600_000;

type Env = { clinic: string; stage: string };

/** Leases: an environment held awake until a time, started by a wake, extended or ended early. */
export class LeaseService {
  constructor(
    private readonly deps: {
      store: PowerStore;
      lookup: EnvironmentLookup;
      power: Pick<PowerSettings, 'maxLeaseHours'>;
      clock: Clock;
    },
  ) {}

  /** The lease holding the environment awake at `now`, if any. */
  async active(env: Env, now: Date): Promise<PowerLease | undefined> {
    const lease = await this.deps.store.getLease(env);
    return lease && isRunning(lease, now) ? lease : undefined;
  }

  /** Starts a lease of `hours` from `now` (a wake with leaseHours). */
  async start(
    env: Env,
    o: { now: Date; hours: number; actor: string; reason: string },
  ): Promise<void> {
    await this.deps.store.putLease(env, {
      startsAt: o.now,
      endsAt: new Date(o.now.getTime() + o.hours * HOUR),
      requestedBy: o.actor,
      reason: o.reason,
    });
  }

  /** Ends the running lease at `now` without a new reason (a sleep ends it). */
  async cut(env: Env, now: Date): Promise<void> {
    const lease = await this.active(env, now);
    if (lease) {
      await this.deps.store.putLease(env, {
        ...lease,
        startsAt: new Date(lease.startsAt),
        endsAt: now,
      });
    }
  }

  async extend(
    env: Env,
    request: ExtendLeaseRequest,
    actor: string,
  ): Promise<PowerLease> {
    const record = await this.deps.lookup.environment(env.clinic, env.stage);
    refuseOnProtected(record, 'lease');
    const now = this.deps.clock.now();
    const lease = await this.active(env, now);
    if (!lease) {
      throw new ConflictError(
        `${env.clinic}/${env.stage} has no running lease; wake it with leaseHours instead`,
      );
    }
    const endsAt = new Date(Date.parse(lease.endsAt) + request.hours * HOUR);
    const max = this.deps.power.maxLeaseHours;
    if (endsAt.getTime() - now.getTime() > max * HOUR) {
      throw new InputError(
        `A lease may reach at most ${max} hours ahead; this one would end ${endsAt.toISOString()}`,
      );
    }
    await this.deps.store.putLease(env, {
      startsAt: new Date(lease.startsAt),
      endsAt,
      requestedBy: actor,
      reason: request.reason,
    });
    return (await this.active(env, now))!;
  }

  /**
   * Ends a lease now. The end is a transition: the next scheduler run puts the
   * environment to sleep if its schedule says so.
   */
  async end(env: Env, reason: string, actor: string): Promise<PowerLease> {
    await this.deps.lookup.environment(env.clinic, env.stage);
    const now = this.deps.clock.now();
    const lease = await this.active(env, now);
    if (!lease)
      throw new ConflictError(
        `${env.clinic}/${env.stage} has no running lease`,
      );
    await this.deps.store.putLease(env, {
      startsAt: new Date(lease.startsAt),
      endsAt: now,
      requestedBy: actor,
      reason,
    });
    return { ...lease, endsAt: now.toISOString(), requestedBy: actor, reason };
  }
}

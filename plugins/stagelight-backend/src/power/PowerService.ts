import { randomUUID } from 'node:crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  ExtendLeaseRequest,
  PowerLease,
  PowerOperation,
  PowerOperationResponse,
  PowerState,
  Schedule,
  ScheduleResponse,
  SleepRequest,
  WakeRequest,
} from '@internal/plugin-stagelight-common';
import { StagelightSettings } from '../config/StagelightConfig';
import { EnvironmentStore } from '../inventory/EnvironmentStore';
import { desiredPowerState, validateSchedule } from '../schedule';
import { EnvironmentRecord } from '../status/EnvironmentRecord';
import { Clock } from '../status/Clock';
import { PowerEngine, publicOperation } from './PowerEngine';
import { PowerSettings } from './PowerSettings';
import { PowerStore } from './PowerStore';
import { powerTargetsOf } from './PowerTargets';

const HOUR = 3_600_000;
const MAX_REASON = 500;
export const SCHEDULER_ACTOR = 'stagelight:scheduler';

type Env = { clinic: string; stage: string };

export interface ApplySchedulesResult {
  checked: number;
  started: PowerOperation[];
}

function reasonOf(body: unknown): string {
  const reason = (body as { reason?: unknown } | undefined)?.reason;
  if (typeof reason !== 'string' || !reason.trim()) {
    throw new InputError(
      'reason is required: say why, it goes into the audit history',
    );
  }
  if (reason.length > MAX_REASON) {
    throw new InputError(`reason must be at most ${MAX_REASON} characters`);
  }
  return reason.trim();
}

/** Power states that count as asleep (the scheduler does not wake what is already up, and vice versa). */
const ASLEEP: PowerState[] = ['asleep', 'paused', 'sleeping'];
const AWAKE: PowerState[] = ['awake', 'waking'];

/**
 * Wake, sleep, leases and schedules of environments: validates requests,
 * looks environments up in the status snapshot and hands operations to the
 * engine. The router only maps HTTP onto this.
 */
export class PowerService {
  constructor(
    private readonly deps: {
      engine: PowerEngine;
      store: PowerStore;
      environments: EnvironmentStore;
      settings: Pick<StagelightSettings, 'stages' | 'aws' | 'readiness'>;
      power: PowerSettings;
      clock: Clock;
      logger: LoggerService;
    },
  ) {}

  /** The environment from the snapshot, or a 404 naming what is unknown. */
  async environment(clinic: string, stage: string): Promise<EnvironmentRecord> {
    const stages = this.deps.settings.stages.map(s => s.name);
    if (!stages.includes(stage)) {
      throw new NotFoundError(
        `Unknown stage '${stage}'; stages are ${stages.join(', ')}`,
      );
    }
    if (!(await this.deps.environments.snapshot())) {
      throw new ServiceUnavailableError(
        'Stagelight has not finished its first refresh yet; try again shortly',
      );
    }
    const record = await this.deps.environments.get(clinic, stage);
    if (!record) {
      throw new NotFoundError(
        `No environment for clinic '${clinic}' in stage '${stage}'`,
      );
    }
    return record;
  }

  /**
   * The environments of a clinic (every stage) or of a stage (every clinic),
   * in snapshot order; a 404 for an unknown stage or a clinic with none.
   */
  async environmentsOf(
    scope: { clinic: string } | { stage: string },
  ): Promise<EnvironmentRecord[]> {
    if ('stage' in scope) {
      const stages = this.deps.settings.stages.map(s => s.name);
      if (!stages.includes(scope.stage)) {
        throw new NotFoundError(
          `Unknown stage '${scope.stage}'; stages are ${stages.join(', ')}`,
        );
      }
    }
    const snapshot = await this.deps.environments.snapshot();
    if (!snapshot) {
      throw new ServiceUnavailableError(
        'Stagelight has not finished its first refresh yet; try again shortly',
      );
    }
    if ('stage' in scope) {
      return snapshot.records.filter(r => r.stage === scope.stage);
    }
    const records = snapshot.records.filter(r => r.clinic === scope.clinic);
    if (records.length === 0) {
      throw new NotFoundError(`No environments for clinic '${scope.clinic}'`);
    }
    return records;
  }

  /** Checks a wake request before anything is looked up or changed. */
  parseWake(body: unknown): WakeRequest {
    const reason = reasonOf(body);
    const leaseHours = (body as { leaseHours?: unknown }).leaseHours;
    if (leaseHours === undefined) return { reason };
    this.#checkHours(leaseHours, 'leaseHours');
    return { reason, leaseHours: leaseHours as number };
  }

  parseSleep(body: unknown): SleepRequest {
    return { reason: reasonOf(body) };
  }

  parseExtend(body: unknown): ExtendLeaseRequest {
    const reason = reasonOf(body);
    const hours = (body as { hours?: unknown }).hours;
    this.#checkHours(hours, 'hours');
    return { reason, hours: hours as number };
  }

  parseSchedule(body: unknown): Schedule {
    return validateSchedule(body);
  }

  #checkHours(value: unknown, name: string) {
    const max = this.deps.power.maxLeaseHours;
    if (
      typeof value !== 'number' ||
      !Number.isFinite(value) ||
      value < 1 ||
      value > max
    ) {
      throw new InputError(
        `${name} must be a number of hours from 1 to ${max}`,
      );
    }
  }

  async wake(
    env: Env,
    request: WakeRequest,
    actor: string,
  ): Promise<PowerOperationResponse> {
    const record = await this.environment(env.clinic, env.stage);
    const now = this.deps.clock.now();
    if (request.leaseHours !== undefined) {
      await this.deps.store.putLease(env, {
        startsAt: now,
        endsAt: new Date(now.getTime() + request.leaseHours * HOUR),
        requestedBy: actor,
        reason: request.reason,
      });
    }
    const { operation } = await this.deps.engine.start({
      kind: 'wake',
      targets: powerTargetsOf(record, this.deps.settings),
      trigger: 'user',
      requestedBy: actor,
      reason: request.reason,
    });
    await this.#claimCurrentBoundary(record, now);
    return { operation, lease: (await this.#activeLease(env, now)) ?? null };
  }

  async sleep(
    env: Env,
    request: SleepRequest,
    actor: string,
  ): Promise<PowerOperationResponse> {
    const record = await this.environment(env.clinic, env.stage);
    const now = this.deps.clock.now();
    // The engine refuses protected stages too; a sleep ends a running lease.
    const { operation } = await this.deps.engine.start({
      kind: 'sleep',
      targets: powerTargetsOf(record, this.deps.settings),
      trigger: 'user',
      requestedBy: actor,
      reason: request.reason,
    });
    const lease = await this.#activeLease(env, now);
    if (lease) {
      await this.deps.store.putLease(env, {
        ...lease,
        startsAt: new Date(lease.startsAt),
        endsAt: now,
      });
    }
    await this.#claimCurrentBoundary(record, now);
    return { operation, lease: null };
  }

  async extendLease(
    env: Env,
    request: ExtendLeaseRequest,
    actor: string,
  ): Promise<PowerLease> {
    await this.environment(env.clinic, env.stage);
    const now = this.deps.clock.now();
    const lease = await this.#activeLease(env, now);
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
    return (await this.#activeLease(env, now))!;
  }

  /**
   * Ends a lease now. The end is a transition: the next scheduler run puts the
   * environment to sleep if its schedule says so.
   */
  async endLease(env: Env, reason: string, actor: string): Promise<PowerLease> {
    await this.environment(env.clinic, env.stage);
    const now = this.deps.clock.now();
    const lease = await this.#activeLease(env, now);
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

  async getOperation(id: string): Promise<PowerOperation> {
    const op = await this.deps.store.getOperation(id);
    if (!op) throw new NotFoundError(`No power operation ${id}`);
    return publicOperation(op);
  }

  async listOperations(env: Env, limit = 50): Promise<PowerOperation[]> {
    await this.environment(env.clinic, env.stage);
    return (await this.deps.store.listOperations(env, limit)).map(
      publicOperation,
    );
  }

  async getSchedule(env: Env): Promise<ScheduleResponse> {
    const record = await this.environment(env.clinic, env.stage);
    const now = this.deps.clock.now();
    const {
      override,
      stageDefault,
      lease,
      desired: d,
    } = await this.#plan(record, now);
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

  async putSchedule(
    env: Env,
    schedule: Schedule,
    actor: string,
  ): Promise<ScheduleResponse> {
    await this.environment(env.clinic, env.stage);
    await this.deps.store.putSchedule(
      env,
      schedule,
      actor,
      this.deps.clock.now(),
    );
    return this.getSchedule(env);
  }

  /**
   * The scheduler's pass: for every environment, acts once on the transition
   * that began its current desired state (claimed in the database, so one
   * replica acts), and stops again a database AWS restarted after 7 days.
   */
  async applySchedules(now: Date): Promise<ApplySchedulesResult> {
    const { environments, store, power, engine, logger } = this.deps;
    const snapshot = await environments.snapshot();
    if (!snapshot) return { checked: 0, started: [] };
    const leases = new Map(
      (await store.allLeases()).map(l => [`${l.clinic}/${l.stage}`, l]),
    );
    const overrides = await store.allSchedules();
    const claimant = `apply-${randomUUID()}`;
    const started: PowerOperation[] = [];
    let checked = 0;
    for (const record of snapshot.records) {
      if (record.protected) continue;
      const key = `${record.clinic}/${record.stage}`;
      const schedule =
        overrides.get(key) ?? power.stageSchedules.get(record.stage);
      const lease = leases.get(key);
      if (!schedule && !lease) continue;
      checked += 1;
      const d = desiredPowerState({
        protected: false,
        leases: leasePeriods(lease),
        schedule,
        at: now,
      });
      try {
        const mismatch =
          record.power !== 'unknown' &&
          !(d.state === 'awake' ? AWAKE : ASLEEP).includes(record.power);
        if (
          d.since &&
          (await store.claimBoundary(record, d.since, claimant, now)) &&
          mismatch
        ) {
          const { operation, created } = await engine.start({
            kind: d.state === 'awake' ? 'wake' : 'sleep',
            targets: powerTargetsOf(record, this.deps.settings),
            trigger: 'schedule',
            requestedBy: SCHEDULER_ACTOR,
            reason: `schedule: ${d.reason}`,
            idempotencyKey: `${key}@${d.since.toISOString()}:${d.state}`,
          });
          if (created) started.push(operation);
        } else if (d.state === 'asleep' && restartedDatabase(record)) {
          const { operation, created } = await engine.start({
            kind: 'sleep',
            targets: powerTargetsOf(record, this.deps.settings),
            trigger: 'schedule',
            requestedBy: SCHEDULER_ACTOR,
            reason:
              'schedule: the database was started again (AWS restarts a stopped database after 7 days)',
            idempotencyKey: `${key}@db-restart:${now
              .toISOString()
              .slice(0, 10)}`,
          });
          if (created) started.push(operation);
        }
      } catch (error) {
        logger.warn(`Stagelight schedule for ${key} not applied: ${error}`);
      }
    }
    return { checked, started };
  }

  async #activeLease(env: Env, now: Date) {
    const lease = await this.deps.store.getLease(env);
    return lease && isRunning(lease, now) ? lease : undefined;
  }

  /** The environment's schedule override and stage default, its lease, and what they want at `now`. */
  async #plan(record: EnvironmentRecord, now: Date) {
    const env = { clinic: record.clinic, stage: record.stage };
    const override = await this.deps.store.getSchedule(env);
    const stageDefault = this.deps.power.stageSchedules.get(record.stage);
    const lease = await this.deps.store.getLease(env);
    const desired = desiredPowerState({
      protected: record.protected,
      leases: leasePeriods(lease),
      schedule: override ?? stageDefault,
      at: now,
    });
    return { override, stageDefault, lease, desired };
  }

  /** A user's action overrides the schedule until its next transition. */
  async #claimCurrentBoundary(record: EnvironmentRecord, now: Date) {
    const { since } = (await this.#plan(record, now)).desired;
    if (since) {
      await this.deps.store.claimBoundary(record, since, 'user', now);
    }
  }
}

/** A stored lease as the desired-state function takes it. */
function leasePeriods(lease: PowerLease | undefined) {
  return lease
    ? [{ startsAt: new Date(lease.startsAt), endsAt: new Date(lease.endsAt) }]
    : [];
}

/** The lease has not ended by `now` (it holds the environment awake until then). */
function isRunning(lease: PowerLease, now: Date): boolean {
  return Date.parse(lease.endsAt) > now.getTime();
}

function sourceOf(
  override?: Schedule,
  stageDefault?: Schedule,
): ScheduleResponse['source'] {
  if (override) return 'override';
  return stageDefault ? 'stage-default' : 'none';
}

/** Scaled to zero but its (non auto-pausing) database is running: AWS's 7-day restart. */
function restartedDatabase(record: EnvironmentRecord): boolean {
  const db = record.database;
  return (
    !!db &&
    !db.autoPause &&
    db.status === 'available' &&
    record.services.length > 0 &&
    record.services.every(s => s.desired === 0)
  );
}

import { randomUUID } from 'node:crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  PowerOperation,
  PowerState,
} from '@stagelight/backstage-plugin-stagelight-common';
import { StagelightSettings } from '../../config/StagelightConfig';
import { EnvironmentRecord } from '../../snapshot/EnvironmentRecord';
import { EnvironmentStore } from '../../snapshot/EnvironmentStore';
import { PowerEngine } from '../engine/PowerEngine';
import { PowerStore } from '../engine/PowerStore';
import { powerTargetsOf } from '../engine/PowerTargets';
import { ScheduleService } from './ScheduleService';

export const SCHEDULER_ACTOR = 'stagelight:scheduler';

export interface ApplySchedulesResult {
  checked: number;
  started: PowerOperation[];
}

/** Power states that count as asleep (the scheduler does not wake what is already up, and vice versa). */
const ASLEEP: PowerState[] = ['asleep', 'paused', 'sleeping'];
const AWAKE: PowerState[] = ['awake', 'waking'];

/**
 * The scheduler's pass: for every environment, acts once on the transition
 * that began its current desired state (claimed in the database, so one
 * replica acts), and stops again a database AWS restarted after 7 days.
 */
export class ScheduleApplier {
  constructor(
    private readonly deps: {
      engine: PowerEngine;
      store: PowerStore;
      environments: EnvironmentStore;
      schedules: ScheduleService;
      settings: Pick<StagelightSettings, 'aws' | 'readiness'>;
      logger: LoggerService;
    },
  ) {}

  async apply(now: Date): Promise<ApplySchedulesResult> {
    const { environments, store, schedules, engine, logger } = this.deps;
    const snapshot = await environments.snapshot();
    if (!snapshot) return { checked: 0, started: [] };
    const plans = await schedules.plans(snapshot.records, now);
    const claimant = `apply-${randomUUID()}`;
    const started: PowerOperation[] = [];
    let checked = 0;
    for (const record of snapshot.records) {
      if (record.protected) continue;
      const key = `${record.clinic}/${record.stage}`;
      const { override, stageDefault, lease, desired: d } = plans.get(key)!;
      if (!override && !stageDefault && !lease) continue;
      checked += 1;
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

import { randomUUID } from 'node:crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import { PowerState } from '@stagelight/backstage-plugin-stagelight-common';
import { DateTime } from 'luxon';
import { EnvironmentStore } from '../../snapshot/EnvironmentStore';
import { PowerSettings } from '../PowerSettings';
import { ScheduleService } from '../service/ScheduleService';
import { LeaseWarningStore } from './LeaseWarningStore';
import { leaseWarningPayload, SleepWarning } from './leaseWarningMessage';

/** Power states with nothing left to lose: no warning before a sleep that already happened. */
const ASLEEP: PowerState[] = ['asleep', 'paused', 'sleeping'];
const DAY_MS = 86_400_000;

export interface LeaseWarningsResult {
  /** The warnings this pass sent (claimed and delivered). */
  sent: SleepWarning[];
}

/**
 * The lease warning pass: for every environment that a lease's end or its
 * schedule puts to sleep within `leaseWarning.beforeMs`, tells the lease's
 * holder and whoever woke it today (in the schedule's time zone), once per
 * (sleep instant, user) whichever replica runs the pass (claimed in the
 * database first). Protected stages and unscheduled environments never
 * sleep, so they are never warned about.
 */
export class LeaseWarnings {
  constructor(
    private readonly deps: {
      schedules: ScheduleService;
      warnings: LeaseWarningStore;
      environments: EnvironmentStore;
      power: Pick<PowerSettings, 'leaseWarning'>;
      notifications?: NotificationService;
      logger: LoggerService;
    },
  ) {}

  /** The warnings due at `now`: the coming sleeps and who is told of each. */
  async due(now: Date): Promise<SleepWarning[]> {
    const { environments, schedules, power, warnings } = this.deps;
    const snapshot = await environments.snapshot();
    if (!snapshot) return [];
    const plans = await schedules.plans(snapshot.records, now);
    const due: SleepWarning[] = [];
    for (const record of snapshot.records) {
      if (record.protected || ASLEEP.includes(record.power)) continue;
      const plan = plans.get(`${record.clinic}/${record.stage}`)!;
      const schedule = plan.override ?? plan.stageDefault;
      // Without a schedule nothing puts the environment to sleep, a lease's end included.
      if (!schedule) continue;
      const { lease, desired: d } = plan;
      const next = d.nextTransition;
      if (d.state !== 'awake' || next?.state !== 'asleep') continue;
      if (next.at.getTime() - now.getTime() > power.leaseWarning.beforeMs) {
        continue;
      }
      const endingLease =
        lease && Date.parse(lease.endsAt) === next.at.getTime()
          ? { requestedBy: lease.requestedBy, reason: lease.reason }
          : undefined;
      const today = DateTime.fromJSDate(now, { zone: schedule.timeZone })
        .startOf('day')
        .toJSDate();
      const recipients = new Set(await warnings.wokeBy(record, today));
      if (endingLease?.requestedBy.startsWith('user:')) {
        recipients.add(endingLease.requestedBy);
      }
      for (const recipient of recipients) {
        due.push({
          clinic: record.clinic,
          stage: record.stage,
          sleepsAt: next.at,
          timeZone: schedule.timeZone,
          lease: endingLease,
          recipient,
        });
      }
    }
    return due;
  }

  /** One pass: sends each due warning not sent before. */
  async send(now: Date): Promise<LeaseWarningsResult> {
    const { warnings, notifications, logger } = this.deps;
    if (!notifications) return { sent: [] };
    await warnings.prune(new Date(now.getTime() - DAY_MS));
    const claimant = `warn-${randomUUID()}`;
    const sent: SleepWarning[] = [];
    for (const warning of await this.due(now)) {
      const kind = warning.lease ? 'lease' : 'schedule';
      if (!(await warnings.claim({ ...warning, kind }, claimant, now))) {
        continue;
      }
      try {
        await notifications.send({
          recipients: { type: 'entity', entityRef: warning.recipient },
          payload: leaseWarningPayload(warning, now),
        });
        sent.push(warning);
      } catch (error) {
        await warnings.release(warning, claimant);
        logger.warn(
          `Stagelight sleep warning for ${warning.clinic}/${warning.stage} to ${warning.recipient} failed: ${error}`,
        );
      }
    }
    return { sent };
  }
}

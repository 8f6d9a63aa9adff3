import type {
  PowerLease,
  ScheduleResponse,
} from '@stagelight/backstage-plugin-stagelight-common';
import { actorLabel } from '../power/history';
import { isLeaseRunning } from '../power/lease';
import { scheduleDetailsText, windowText } from './scheduleText';
import { atText, inText, transitionText } from './transitionText';

const SOURCES: Record<'override' | 'stage-default', string> = {
  override: 'Own schedule',
  'stage-default': 'Stage default schedule',
};

export const NO_SCHEDULE_TEXT = 'No schedule — Stagelight leaves it as it is.';

/**
 * The running lease in one line: "Awake until 14:30 Berlin time, in 2 h (lease
 * by lee.lead: demo)"; undefined when no lease holds the environment now.
 * Times are in `timeZone` (the schedule's, else the browser's).
 */
export function leaseText(
  lease: PowerLease | null,
  nowMs: number,
  timeZone: string,
): string | undefined {
  if (!isLeaseRunning(lease, nowMs)) return undefined;
  const endsAtMs = Date.parse(lease.endsAt);
  const until = atText(endsAtMs, nowMs, timeZone).replace(/^at /, '');
  return `Awake until ${until}, ${inText(
    endsAtMs,
    nowMs,
  )} (lease by ${actorLabel(lease.requestedBy)}: ${lease.reason})`;
}

/**
 * The schedule in force and its next transition in one sentence:
 * "Stage default schedule, Mon–Fri 08:00–18:00 (Europe/Berlin): sleeps at
 * 18:00 Berlin time, in 2 h 10 min." Without a schedule only that.
 */
export function scheduleText(plan: ScheduleResponse, nowMs: number): string {
  const { schedule, source, desired } = plan;
  if (!schedule || source === 'none') return NO_SCHEDULE_TEXT;
  const windows =
    schedule.windows.length > 0
      ? schedule.windows.map(windowText).join(', ')
      : 'no awake windows (asleep unless leased)';
  const next = desired.nextTransition
    ? transitionText(desired.nextTransition, nowMs, schedule.timeZone)
    : `stays ${desired.state}, no transition ahead`;
  return `${SOURCES[source]}, ${windows} (${scheduleDetailsText(
    schedule,
  )}): ${next}.`;
}

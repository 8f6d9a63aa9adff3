import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { DateTime } from 'luxon';
import { clinicLink } from './PowerNotifier';

const MINUTE_MS = 60_000;

type NotificationPayload = NotificationSendOptions['payload'];

/** A coming sleep one user is told of. */
export interface SleepWarning {
  clinic: string;
  stage: string;
  /** When the environment is due to sleep. */
  sleepsAt: Date;
  /** The schedule's time zone: the one the times are written in. */
  timeZone: string;
  /** The running lease whose end is the sleep, if that is what ends it. */
  lease?: { requestedBy: string; reason: string };
  /** The user told. */
  recipient: string;
}

/** "30 min", "1 h", "1 h 20 min": how long until the sleep, rounded to the minute. */
export function timeUntil(from: Date, to: Date): string {
  const minutes = Math.max(
    1,
    Math.round((to.getTime() - from.getTime()) / MINUTE_MS),
  );
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (!hours) return `${rest} min`;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

/** The user part of an entity ref: `user:default/lee.lead` → `lee.lead`. */
function userName(ref: string): string {
  return ref.replace(/^user:(default\/)?/, '');
}

/** Why it sleeps then, for the user told. */
function causeOf(w: SleepWarning, at: string): string {
  if (!w.lease) return `its schedule puts it to sleep at ${at}`;
  if (w.lease.requestedBy === w.recipient) return `your lease ends at ${at}`;
  return `the lease of ${userName(w.lease.requestedBy)} ends at ${at}`;
}

/** The notification's link: the clinic's stage board, with "extend by 1 h" ready when there is a lease to extend. */
export function warningLink(
  w: Pick<SleepWarning, 'clinic' | 'stage' | 'lease'>,
) {
  const board = clinicLink(w.clinic);
  return w.lease ? `${board}?extend=${encodeURIComponent(w.stage)}` : board;
}

/**
 * The notification warning one user that an environment sleeps soon, in
 * plain words: "dev of harbor-view sleeps in 30 min: your lease ends at
 * 14:30". One scope per environment, so a later warning of the same
 * environment (after an extension, say) replaces the earlier one.
 */
export function leaseWarningPayload(
  w: SleepWarning,
  now: Date,
): NotificationPayload {
  const at = DateTime.fromJSDate(w.sleepsAt, { zone: w.timeZone }).toFormat(
    'HH:mm',
  );
  const env = `${w.stage} of ${w.clinic}`;
  const cause = causeOf(w, at);
  const next = w.lease
    ? 'Extend the lease on the stage board to keep it awake.'
    : 'You woke it today; wake it with a lease on the stage board to keep it awake.';
  return {
    title: `${env} sleeps in ${timeUntil(now, w.sleepsAt)}: ${cause}`,
    description: `${w.clinic}/${w.stage} is put to sleep at ${at} (${
      w.timeZone
    })${
      w.lease ? `, when the lease for "${w.lease.reason}" ends` : ''
    }. ${next}`,
    link: warningLink(w),
    severity: 'high',
    topic: 'stagelight',
    scope: `stagelight-sleep-warning:${w.clinic}/${w.stage}`,
  };
}

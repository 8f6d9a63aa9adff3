import { PowerLease } from '@stagelight/backstage-plugin-stagelight-common';

/** The lease has not ended by `now` (it holds the environment awake until then). */
export function isRunning(lease: PowerLease, now: Date): boolean {
  return Date.parse(lease.endsAt) > now.getTime();
}

/** A stored lease as the desired-state function takes it. */
export function leasePeriods(lease: PowerLease | undefined) {
  return lease
    ? [{ startsAt: new Date(lease.startsAt), endsAt: new Date(lease.endsAt) }]
    : [];
}

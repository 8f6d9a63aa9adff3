import type { PowerLease } from '@stagelight/backstage-plugin-stagelight-common';

const HOUR_MS = 3_600_000;

/**
 * The whole hours a running lease can be extended by: like the backend, the
 * new end may lie at most `maxHours` (stagelight.power.maxLeaseHours, served
 * with the environment's schedule) after now.
 */
export function extendableHours(
  lease: Pick<PowerLease, 'endsAt'>,
  nowMs: number,
  maxHours: number,
): number[] {
  const endsAtMs = Date.parse(lease.endsAt);
  const room = Math.floor((nowMs + maxHours * HOUR_MS - endsAtMs) / HOUR_MS);
  const most = Math.min(room, maxHours);
  return Array.from({ length: Math.max(0, most) }, (_, i) => i + 1);
}

/** Whether the lease still holds the environment awake at `nowMs`. */
export function isLeaseRunning(
  lease: Pick<PowerLease, 'startsAt' | 'endsAt'> | null,
  nowMs: number,
): lease is PowerLease {
  return (
    lease !== null &&
    Date.parse(lease.startsAt) <= nowMs &&
    nowMs < Date.parse(lease.endsAt)
  );
}

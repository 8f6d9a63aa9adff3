import type { PowerLease } from '@internal/plugin-stagelight-common';

const HOUR_MS = 3_600_000;

/**
 * The backend's default cap on how far ahead a lease may reach
 * (stagelight.power.maxLeaseHours). The frontend cannot read the configured
 * value; a lower one makes the backend answer 400, which the dialog shows.
 */
export const MAX_LEASE_HOURS = 12;

/**
 * The whole hours a running lease can be extended by: like the backend, the
 * new end may lie at most `maxHours` after now.
 */
export function extendableHours(
  lease: Pick<PowerLease, 'endsAt'>,
  nowMs: number,
  maxHours = MAX_LEASE_HOURS,
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

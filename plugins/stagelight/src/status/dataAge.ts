/**
 * How old status data may get before the UI warns about it. The backend
 * refreshes every minute by default; five missed refreshes mean something is wrong.
 */
export const STALE_AFTER_SECONDS = 300;

/** "40 s", "3 min", "2 h", "4 d": the age of status data, rounded down. */
export function formatAge(ageSeconds: number): string {
  const s = Math.max(0, Math.floor(ageSeconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h`;
  return `${Math.floor(s / 86_400)} d`;
}

export function isStale(
  ageSeconds: number,
  staleAfterSeconds: number = STALE_AFTER_SECONDS,
): boolean {
  return ageSeconds > staleAfterSeconds;
}

/**
 * The age of data now: the age the server reported when it answered, plus the
 * time since the answer arrived. Both instants are passed in (no hidden clock).
 */
export function currentAgeSeconds(
  reportedAgeSeconds: number,
  receivedAtMs: number,
  nowMs: number,
): number {
  return reportedAgeSeconds + Math.max(0, nowMs - receivedAtMs) / 1000;
}

/**
 * The ages of a polled snapshot now: the seconds since its answer arrived
 * (each environment adds them to its own reported age), and the snapshot's
 * age, null while the backend has not refreshed from AWS yet.
 */
export function snapshotAges(
  reportedAgeSeconds: number | null,
  receivedAtMs: number | undefined,
  nowMs: number,
): { elapsedSeconds: number; snapshotAgeSeconds: number | null } {
  const elapsedSeconds = currentAgeSeconds(0, receivedAtMs ?? nowMs, nowMs);
  return {
    elapsedSeconds,
    snapshotAgeSeconds:
      reportedAgeSeconds === null ? null : reportedAgeSeconds + elapsedSeconds,
  };
}

import type { PowerOperation } from '@stagelight/backstage-plugin-stagelight-common';

/** How many recent wakes of an environment "usually ready in" looks at. */
export const WAKE_SAMPLE_SIZE = 10;

type Wake = Pick<PowerOperation, 'kind' | 'status' | 'createdAt' | 'steps'> &
  Partial<Pick<PowerOperation, 'finishedAt'>>;

/**
 * Whether a wake changed anything: it started the database or restored a
 * service's count. A wake of an environment that was already awake ends in
 * milliseconds and says nothing about how long waking takes.
 */
export function wokeSomething(wake: Wake): boolean {
  const result = (name: string) =>
    wake.steps.find(s => s.name === name && s.status === 'done')?.result;
  const restored = result('restore-counts')?.restored;
  return (
    result('start-db')?.started === true ||
    (typeof restored === 'object' &&
      restored !== null &&
      Object.keys(restored).length > 0)
  );
}

/**
 * Seconds from the request to ready: to the end of the wait for the deploy
 * marker, or to the end of the operation when the environment has no
 * readiness URL to wait on. Null for anything but a succeeded wake.
 */
export function wakeSeconds(wake: Wake): number | null {
  if (wake.kind !== 'wake' || wake.status !== 'succeeded') return null;
  const ready =
    wake.steps.find(s => s.name === 'wait-ready' && s.status === 'done')
      ?.finishedAt ?? wake.finishedAt;
  if (!ready) return null;
  const ms = Date.parse(ready) - Date.parse(wake.createdAt);
  return Number.isFinite(ms) && ms >= 0 ? ms / 1000 : null;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * "Usually ready in": the median duration of the newest `sampleSize`
 * succeeded wakes (newest first) that woke something. The median, not the
 * mean, so one wake that waited on a slow database does not move it.
 */
export function usualWakeDuration(
  wakesNewestFirst: Wake[],
  sampleSize: number = WAKE_SAMPLE_SIZE,
): { medianSeconds: number | null; wakes: number } {
  const seconds = wakesNewestFirst
    .filter(wokeSomething)
    .map(wakeSeconds)
    .filter((s): s is number => s !== null)
    .slice(0, sampleSize);
  const m = median(seconds);
  return {
    medianSeconds: m === null ? null : Math.round(m),
    wakes: seconds.length,
  };
}

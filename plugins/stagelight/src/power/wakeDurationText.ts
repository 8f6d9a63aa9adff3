import type { WakeDuration } from '@stagelight/backstage-plugin-stagelight-common';

/**
 * What a lead can expect from a wake, from the backend's median of the
 * environment's recent wakes: "Usually ready in about 3 min".
 */
export function usuallyReadyText(
  duration: Pick<WakeDuration, 'medianSeconds'> | undefined,
): string {
  const seconds = duration?.medianSeconds;
  if (seconds === null || seconds === undefined) return 'No wake history yet';
  if (seconds < 60) return 'Usually ready in under a minute';
  return `Usually ready in about ${Math.round(seconds / 60)} min`;
}

/** What the figure rests on: "median of 4 wakes". */
export function wakeSampleText(duration: Pick<WakeDuration, 'wakes'>): string {
  return `median of the last ${duration.wakes} ${
    duration.wakes === 1 ? 'wake' : 'wakes'
  }`;
}

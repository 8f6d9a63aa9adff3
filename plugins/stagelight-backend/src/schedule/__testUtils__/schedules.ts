import { Schedule } from '@stagelight/backstage-plugin-stagelight-common';

/** Test-only builders of schedules and seeded draws, shared by the schedule tests and benchmark. */
export type Days = Schedule['windows'][number]['days'];
export const weekdays: Days = ['mon', 'tue', 'wed', 'thu', 'fri'];
export const everyDay: Days = [...weekdays, 'sat', 'sun'];

/** A Berlin schedule with no windows, pre-warm or exceptions unless given. */
export function schedule(partial: Partial<Schedule>): Schedule {
  return {
    timeZone: 'Europe/Berlin',
    windows: [],
    preWarmMinutes: 0,
    exceptions: [],
    ...partial,
  };
}

/** mulberry32: small, seeded, the same draws on every run. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

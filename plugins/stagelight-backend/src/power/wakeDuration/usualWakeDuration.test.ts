import type { PowerStep } from '@stagelight/backstage-plugin-stagelight-common';
import {
  median,
  usualWakeDuration,
  wakeSeconds,
  wokeSomething,
} from './usualWakeDuration';

const T0 = Date.parse('2026-06-10T08:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

/** A succeeded wake requested at T0 that restored one service and was ready after `seconds`. */
function wake(
  seconds: number,
  overrides: { restored?: object; started?: boolean; waitReady?: boolean } = {},
) {
  const { restored = { 'arn:api': { count: 1 } }, started = false } = overrides;
  const steps: PowerStep[] = [
    {
      name: 'start-db',
      status: 'done',
      result: started ? { started: true } : { already: 'available' },
      error: null,
      startedAt: at(0),
      finishedAt: at(1),
    },
    {
      name: 'restore-counts',
      status: 'done',
      result: { restored, kept: {} },
      error: null,
      startedAt: at(1),
      finishedAt: at(2),
    },
    overrides.waitReady === false
      ? {
          name: 'wait-ready',
          status: 'skipped',
          result: { reason: 'no readiness URL' },
          error: null,
          startedAt: at(2),
          finishedAt: at(2),
        }
      : {
          name: 'wait-ready',
          status: 'done',
          result: { marker: 'm' },
          error: null,
          startedAt: at(2),
          finishedAt: at(seconds),
        },
  ];
  return {
    kind: 'wake' as const,
    status: 'succeeded' as const,
    createdAt: at(0),
    finishedAt: at(seconds + 1),
    steps,
  };
}

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([300, 100, 200])).toBe(200);
    expect(median([400, 100, 300, 200])).toBe(250);
  });
});

describe('wakeSeconds', () => {
  it('runs from the request to the deploy marker served', () => {
    expect(wakeSeconds(wake(160))).toBe(160);
  });

  it('runs to the end of the operation when there is no marker to wait on', () => {
    expect(wakeSeconds(wake(160, { waitReady: false }))).toBe(161);
  });

  it('has no duration for a failed wake or a sleep', () => {
    expect(wakeSeconds({ ...wake(160), status: 'failed' })).toBeNull();
    expect(wakeSeconds({ ...wake(160), kind: 'sleep' })).toBeNull();
  });
});

describe('wokeSomething', () => {
  it('counts a wake that restored a service or started the database', () => {
    expect(wokeSomething(wake(10))).toBe(true);
    expect(wokeSomething(wake(10, { restored: {}, started: true }))).toBe(true);
  });

  it('leaves out a wake of an environment that was already awake', () => {
    expect(wokeSomething(wake(1, { restored: {} }))).toBe(false);
  });
});

describe('usualWakeDuration', () => {
  it('is the median of the newest wakes that woke something', () => {
    const wakes = [
      wake(150),
      wake(1, { restored: {} }), // already awake: not a wake time
      wake(170),
      wake(900), // one slow database does not move the median
      wake(160),
    ];
    expect(usualWakeDuration(wakes)).toEqual({ medianSeconds: 165, wakes: 4 });
  });

  it('looks at the newest `sampleSize` wakes only', () => {
    const wakes = [wake(100), wake(110), wake(120), wake(900), wake(900)];
    expect(usualWakeDuration(wakes, 3)).toEqual({
      medianSeconds: 110,
      wakes: 3,
    });
  });

  it('has no median without history', () => {
    expect(usualWakeDuration([])).toEqual({ medianSeconds: null, wakes: 0 });
    expect(usualWakeDuration([wake(1, { restored: {} })])).toEqual({
      medianSeconds: null,
      wakes: 0,
    });
  });
});

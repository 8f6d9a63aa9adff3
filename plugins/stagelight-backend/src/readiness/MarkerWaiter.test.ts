import { MarkerWaiter } from './MarkerWaiter';
import { ProbeResult } from './readinessState';
import { EnvironmentRecord } from '../snapshot/EnvironmentRecord';

/** A clock that only moves when the waiter sleeps, so waits take no real time. */
function fakeTime() {
  let now = Date.parse('2026-11-26T10:00:00Z');
  return {
    clock: { now: () => new Date(now) },
    sleep: async (ms: number) => {
      now += ms;
    },
  };
}

const env = (power: EnvironmentRecord['power'] = 'awake') =>
  ({ clinic: 'a', stage: 'dev', power } as EnvironmentRecord);

function waiterWith(answers: ProbeResult[]) {
  const time = fakeTime();
  const urls: string[] = [];
  const probe = {
    probe: async (url: string) => {
      urls.push(url);
      return answers.length > 1 ? answers.shift()! : answers[0];
    },
  };
  return {
    waiter: new MarkerWaiter({ probe, ...time, pollIntervalMs: 5000 }),
    urls,
  };
}

describe('MarkerWaiter', () => {
  it('answers ready with how long it took once the marker is served', async () => {
    const { waiter, urls } = waiterWith([
      { ok: false, reason: '503' },
      { ok: true, marker: 'old' },
      { ok: true, marker: 'new' },
    ]);
    const result = await waiter.wait({
      env: env(),
      probeUrl: 'http://x/version',
      marker: 'new',
      timeoutMs: 60_000,
    });
    expect(result).toEqual({
      outcome: 'ready',
      clinic: 'a',
      stage: 'dev',
      marker: 'new',
      servedMarker: 'new',
      waitedMs: 10_000,
      probes: 3,
    });
    expect(urls).toEqual([
      'http://x/version',
      'http://x/version',
      'http://x/version',
    ]);
  });

  it('answers stale when another marker is still served at the deadline', async () => {
    const { waiter } = waiterWith([{ ok: true, marker: 'old' }]);
    const result = await waiter.wait({
      env: env(),
      probeUrl: 'http://x/version',
      marker: 'new',
      timeoutMs: 12_000,
    });
    expect(result).toEqual(
      expect.objectContaining({
        outcome: 'stale',
        servedMarker: 'old',
        waitedMs: 12_000,
        probes: 4,
      }),
    );
  });

  it('answers timeout when the API never answered', async () => {
    const { waiter } = waiterWith([{ ok: false, reason: 'unreachable' }]);
    const result = await waiter.wait({
      env: env(),
      probeUrl: 'http://x/version',
      marker: 'new',
      timeoutMs: 5_000,
    });
    expect(result).toEqual(
      expect.objectContaining({
        outcome: 'timeout',
        servedMarker: null,
        waitedMs: 5_000,
      }),
    );
  });

  it('answers asleep at once for a sleeping environment', async () => {
    const { waiter } = waiterWith([{ ok: false, reason: '503' }]);
    const result = await waiter.wait({
      env: env('asleep'),
      probeUrl: 'http://x/version',
      marker: 'new',
      timeoutMs: 60_000,
    });
    expect(result).toEqual(
      expect.objectContaining({ outcome: 'asleep', probes: 1, waitedMs: 0 }),
    );
  });

  it('does not probe without a URL', async () => {
    const { waiter, urls } = waiterWith([{ ok: true, marker: 'new' }]);
    const result = await waiter.wait({
      env: env(),
      probeUrl: null,
      marker: 'new',
      timeoutMs: 60_000,
    });
    expect(result.outcome).toBe('timeout');
    expect(urls).toEqual([]);
  });
});

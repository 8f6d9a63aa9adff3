import { WaitForMarkerResponse } from '@stagelight/backstage-plugin-stagelight-common';
import { EnvironmentRecord } from '../snapshot/EnvironmentRecord';
import { Clock } from '../clock/Clock';
import { DeployMarkerProbe } from './DeployMarkerProbe';

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const abortableSleep: Sleep = (ms, signal) =>
  new Promise(resolve => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

/**
 * The long-poll behind GET .../readiness: probes the environment's own version
 * endpoint until it serves the marker or the bounded wait is over. Pipelines ask
 * this instead of polling every 30 s themselves.
 */
export class MarkerWaiter {
  constructor(
    private readonly deps: {
      probe: DeployMarkerProbe;
      clock: Clock;
      sleep: Sleep;
      pollIntervalMs: number;
    },
  ) {}

  async wait(options: {
    env: EnvironmentRecord;
    probeUrl: string | null;
    marker: string;
    timeoutMs: number;
    signal?: AbortSignal;
  }): Promise<WaitForMarkerResponse> {
    const { probe, clock, sleep, pollIntervalMs } = this.deps;
    const { env, probeUrl, marker, timeoutMs, signal } = options;
    const start = clock.now().getTime();
    const elapsed = () => clock.now().getTime() - start;
    const answer = (
      outcome: WaitForMarkerResponse['outcome'],
      servedMarker: string | null,
      probes: number,
    ): WaitForMarkerResponse => ({
      outcome,
      clinic: env.clinic,
      stage: env.stage,
      marker,
      servedMarker,
      waitedMs: elapsed(),
      probes,
    });

    if (!probeUrl) return answer('timeout', null, 0);
    const asleep = env.power === 'asleep' || env.power === 'paused';
    let served: string | null = null;
    let probes = 0;
    for (;;) {
      const result = await probe.probe(probeUrl, signal);
      probes += 1;
      served = result.ok ? result.marker : null;
      if (served === marker) return answer('ready', served, probes);
      // Nothing serves a new marker in a sleeping environment until it is woken.
      if (asleep && !result.ok) return answer('asleep', null, probes);
      const left = timeoutMs - elapsed();
      if (left <= 0 || signal?.aborted) break;
      await sleep(Math.min(pollIntervalMs, left), signal);
    }
    return answer(served ? 'stale' : 'timeout', served, probes);
  }
}

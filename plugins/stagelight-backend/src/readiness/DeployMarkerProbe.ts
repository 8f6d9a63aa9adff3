import { ProbeResult } from './readinessState';

/** Asks an environment's version endpoint which deploy marker it serves. */
export interface DeployMarkerProbe {
  probe(url: string, signal?: AbortSignal): Promise<ProbeResult>;
}

/** HTTP probe: `GET <url>` must answer 200 `{"marker": "..."}`. Redirects are not followed. */
export class HttpDeployMarkerProbe implements DeployMarkerProbe {
  constructor(private readonly timeoutMs: number) {}

  async probe(url: string, signal?: AbortSignal): Promise<ProbeResult> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    try {
      const res = await fetch(url, {
        redirect: 'manual',
        headers: { accept: 'application/json' },
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      if (res.status !== 200) {
        await res.body?.cancel();
        return { ok: false, reason: `version endpoint answered ${res.status}` };
      }
      const body = (await res.json()) as { marker?: unknown };
      if (typeof body?.marker !== 'string') {
        return { ok: false, reason: 'version endpoint sent no marker' };
      }
      return { ok: true, marker: body.marker };
    } catch (error) {
      const e = error as Error;
      const reason =
        e.name === 'TimeoutError'
          ? `no answer within ${this.timeoutMs} ms`
          : `version endpoint unreachable: ${e.message}`;
      return { ok: false, reason };
    }
  }
}

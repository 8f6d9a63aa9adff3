import { InputError } from '@backstage/errors';
import { WaitForMarkerResponse } from '@stagelight/backstage-plugin-stagelight-common';
import { ReadinessSettings } from '../config/StagelightConfig';
import { EnvironmentRecord } from '../snapshot/EnvironmentRecord';
import { MarkerWaiter } from './MarkerWaiter';
import { snapshotProbeUrl } from './probeUrl';

/**
 * One bounded wait for a deploy marker, as the pipelines' route and the
 * `wait-for-deploy-marker` action ask it: the wait is capped at
 * `stagelight.readiness.maxWaitSeconds`, the marker defaults to the one the
 * environment's task definition carries, and the probed URL comes from config
 * or the snapshot, never from the caller.
 */
export class DeployMarkerWait {
  constructor(
    private readonly deps: {
      waiter: MarkerWaiter;
      readiness: Pick<
        ReadinessSettings,
        'defaultWaitSeconds' | 'maxWaitSeconds' | 'baseUrlTemplate' | 'path'
      >;
    },
  ) {}

  get maxWaitSeconds(): number {
    return this.deps.readiness.maxWaitSeconds;
  }

  /** Throws an InputError past the cap, before anything is looked up. */
  checkTimeout(timeoutSeconds: number | undefined): void {
    if (timeoutSeconds !== undefined && timeoutSeconds > this.maxWaitSeconds) {
      throw new InputError(
        `timeoutSeconds must be at most ${this.maxWaitSeconds} (stagelight.readiness.maxWaitSeconds)`,
      );
    }
  }

  async wait(
    record: EnvironmentRecord,
    request: { marker?: string; timeoutSeconds?: number; signal?: AbortSignal },
  ): Promise<WaitForMarkerResponse> {
    const { readiness, waiter } = this.deps;
    this.checkTimeout(request.timeoutSeconds);
    const marker = request.marker ?? record.expectedMarker;
    if (!marker) {
      throw new InputError(
        "marker is required: the environment's task definition carries no deploy marker",
      );
    }
    const timeoutSeconds =
      request.timeoutSeconds ??
      Math.min(readiness.defaultWaitSeconds, this.maxWaitSeconds);
    return waiter.wait({
      env: record,
      probeUrl: snapshotProbeUrl(record, readiness),
      marker,
      timeoutMs: timeoutSeconds * 1000,
      signal: request.signal,
    });
  }
}

import { DoctorReadiness } from '@stagelight/backstage-plugin-stagelight-common';
import { mapLimited } from '../aws/Limiter';
import { ReadinessSettings } from '../config/StagelightConfig';
import { DeployMarkerProbe } from '../readiness/DeployMarkerProbe';
import { snapshotProbeUrl } from '../readiness/probeUrl';
import { EnvironmentRecord } from '../snapshot/EnvironmentRecord';

/** Probes run at most this many at once; each is bounded by the probe's own timeout. */
const PROBE_CONCURRENCY = 16;

/**
 * Whether each environment's readiness URL answers with a deploy marker now,
 * through the same probe and the same URL rule as the status refresh (never a
 * URL from a request).
 */
export async function checkReadiness(
  records: EnvironmentRecord[],
  probe: DeployMarkerProbe,
  readiness: Pick<ReadinessSettings, 'baseUrlTemplate' | 'path'>,
): Promise<DoctorReadiness[]> {
  return mapLimited(records, PROBE_CONCURRENCY, async record => {
    const env = { clinic: record.clinic, stage: record.stage };
    const url = snapshotProbeUrl(record, readiness);
    if (!url) {
      return {
        ...env,
        reachable: false,
        reason:
          'no readiness URL: stagelight.readiness.baseUrlTemplate is not set and no tagged load balancer was found',
        url: null,
      };
    }
    const result = await probe.probe(url);
    return {
      ...env,
      reachable: result.ok,
      reason: result.ok ? null : result.reason,
      url,
    };
  });
}

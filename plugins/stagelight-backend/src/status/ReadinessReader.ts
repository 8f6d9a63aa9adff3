import {
  EcsServiceStatus,
  EnvironmentResource,
  PowerState,
} from '@stagelight/backstage-plugin-stagelight-common';
import { Clock } from '../clock/Clock';
import { ReadinessSettings } from '../config/StagelightConfig';
import { DeployMarkerProbe } from '../readiness/DeployMarkerProbe';
import { deriveReadiness, ProbeResult } from '../readiness/readinessState';
import { EnvironmentRecord } from '../snapshot/EnvironmentRecord';

export type ReadinessFields = Pick<
  EnvironmentRecord,
  'readiness' | 'expectedMarker' | 'servedMarker' | 'readinessDetail'
>;

/** Expected deploy marker (the API's task definition), served marker (the probe) and the readiness they make. */
export class ReadinessReader {
  constructor(
    private readonly deps: {
      probe: DeployMarkerProbe;
      clock: Clock;
      readiness: Pick<ReadinessSettings, 'probeOnRefresh'>;
    },
  ) {}

  async read(
    resources: EnvironmentResource[],
    power: PowerState,
    services: EcsServiceStatus[],
    probeUrl: string | null,
  ): Promise<ReadinessFields> {
    const { probe, clock, readiness: settings } = this.deps;
    const apiArns = new Set(
      resources.filter(r => r.component === 'api').map(r => r.arn),
    );
    const expectedMarker =
      services.find(s => apiArns.has(s.arn) && s.deployMarker)?.deployMarker ??
      services.find(s => s.deployMarker)?.deployMarker ??
      null;

    let probed: ProbeResult | undefined;
    let checkedAt: string | null = null;
    // Nothing answers while asleep or paused: no probe, no timeout to wait out.
    if (
      settings.probeOnRefresh &&
      probeUrl &&
      power !== 'asleep' &&
      power !== 'paused'
    ) {
      probed = await probe.probe(probeUrl);
      checkedAt = clock.now().toISOString();
    }
    const readiness = deriveReadiness({
      power,
      services,
      expectedMarker,
      probe: probed,
    });
    const servedMarker = probed?.ok ? probed.marker : null;
    return {
      readiness: readiness.state,
      expectedMarker,
      servedMarker,
      readinessDetail: {
        state: readiness.state,
        expectedMarker,
        servedMarker,
        reason: readiness.reason,
        probeUrl,
        checkedAt,
      },
    };
  }
}

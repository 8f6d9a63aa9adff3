import type { WakeDurationsResponse } from '@stagelight/backstage-plugin-stagelight-common';
import { EnvironmentLookup } from '../../snapshot/EnvironmentLookup';
import { PowerStore } from '../engine/PowerStore';
import { usualWakeDuration, WAKE_SAMPLE_SIZE } from './usualWakeDuration';

/**
 * How long waking each environment of a clinic usually takes, from the
 * operations the engine stored. Read per page view from the database only.
 */
export class WakeDurations {
  constructor(
    private readonly deps: {
      store: Pick<PowerStore, 'succeededWakes'>;
      lookup: Pick<EnvironmentLookup, 'environmentsOf'>;
      sampleSize?: number;
    },
  ) {}

  /** Every environment of the clinic in the snapshot; a 404 for a clinic it does not know. */
  async ofClinic(clinic: string): Promise<WakeDurationsResponse> {
    const sampleSize = this.deps.sampleSize ?? WAKE_SAMPLE_SIZE;
    const environments = await this.deps.lookup.environmentsOf({ clinic });
    const items = await Promise.all(
      environments.map(async env => {
        // Wakes of an already-awake environment do not count; look a little further back for them.
        const wakes = await this.deps.store.succeededWakes(env, sampleSize * 3);
        return { stage: env.stage, ...usualWakeDuration(wakes, sampleSize) };
      }),
    );
    return { clinic, sampleSize, items };
  }
}

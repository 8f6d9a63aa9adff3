import { DoctorReport } from '@stagelight/backstage-plugin-stagelight-common';
import { mapLimited } from '../aws/Limiter';
import { Clock } from '../clock/Clock';
import { StagelightSettings } from '../config/StagelightConfig';
import type { CostExplorerClientFactory } from '../cost';
import { DeployMarkerProbe } from '../readiness/DeployMarkerProbe';
import { EnvironmentStore } from '../snapshot/EnvironmentStore';
import { AccountCheckDeps, checkAccount } from './accountCheck';
import { checkCostAllocationTags } from './costTagCheck';
import { checkReadiness } from './readinessCheck';

/** Accounts/regions examined at once; each one's calls go through the factory's limits. */
const TARGET_CONCURRENCY = 4;

export interface DoctorServiceDeps extends AccountCheckDeps {
  settings: Pick<StagelightSettings, 'tags' | 'stages' | 'aws' | 'readiness'>;
  store: Pick<EnvironmentStore, 'snapshot'>;
  probe: DeployMarkerProbe;
  costClientFactory: CostExplorerClientFactory;
  clock: Clock;
  /** A report this young is served again: many people opening the page make one round of calls. */
  maxAgeMs: number;
}

/**
 * Examines every configured account/region live (not from the snapshot, which
 * only holds what was found): access, permissions, what carries the tags and
 * what of it no environment takes, then readiness of the snapshot's
 * environments and the cost allocation tags. The report has every detail; the
 * router leaves them out for callers without `stagelight.admin`.
 */
export class DoctorService {
  #last: { at: number; report: Promise<DoctorReport> } | undefined;

  constructor(private readonly deps: DoctorServiceDeps) {}

  examine(): Promise<DoctorReport> {
    const now = this.deps.clock.now().getTime();
    if (!this.#last || now - this.#last.at >= this.deps.maxAgeMs) {
      const report = this.#examine();
      this.#last = { at: now, report };
      // A failed examination is not served again.
      report.catch(() => {
        if (this.#last?.report === report) this.#last = undefined;
      });
    }
    return this.#last.report;
  }

  async #examine(): Promise<DoctorReport> {
    const { settings, clock } = this.deps;
    const now = clock.now();
    const [accounts, readiness, costAllocationTags] = await Promise.all([
      mapLimited(settings.aws.targets, TARGET_CONCURRENCY, target =>
        checkAccount(this.deps, target, now),
      ),
      this.deps.store
        .snapshot()
        .then(snapshot =>
          checkReadiness(
            snapshot?.records ?? [],
            this.deps.probe,
            settings.readiness,
          ),
        ),
      checkCostAllocationTags(this.deps.costClientFactory, [
        settings.tags.stage,
        settings.tags.clinic,
      ]),
    ]);
    return {
      checkedAt: now.toISOString(),
      detail: true,
      accounts,
      readiness,
      costAllocationTags,
    };
  }
}

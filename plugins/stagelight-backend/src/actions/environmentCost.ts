import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import {
  EnvironmentCostResponse,
  stagelightCostReadPermission,
} from '@stagelight/backstage-plugin-stagelight-common';
import { CostReports } from '../cost/reports/CostReports';
import { isAllowed } from '../permissions/authorize';

/** What an environment costs, as the cost reports have it; nulls with `unavailable` say why, never 0. */
export interface EnvironmentCostRate {
  currency: string | null;
  /** What one awake hour costs (the reports' awake hourly rate). */
  awakeHourlyRate: number | null;
  monthToDate: number | null;
  /** Why a figure is missing; null when both are known. */
  unavailable: string | null;
}

const unavailable = (why: string): EnvironmentCostRate => ({
  currency: null,
  awakeHourlyRate: null,
  monthToDate: null,
  unavailable: why,
});

/** Reads environments' cost rates for one caller: cost needs its own permission, checked once. */
export class EnvironmentCostRates {
  #allowed?: Promise<boolean>;

  constructor(
    private readonly deps: {
      permissions: PermissionsService;
      credentials: BackstageCredentials;
      reports: CostReports;
    },
  ) {}

  async of(env: { clinic: string; stage: string }) {
    const { permissions, credentials, reports } = this.deps;
    this.#allowed ??= isAllowed(
      permissions,
      credentials,
      stagelightCostReadPermission,
    );
    if (!(await this.#allowed)) {
      return unavailable(
        `not allowed to read Stagelight cost (${stagelightCostReadPermission.name})`,
      );
    }
    try {
      return rateOf(await reports.environment(env.clinic, env.stage));
    } catch (error) {
      // The reports answer 404 for an environment with no cost data or power history.
      if (isError(error) && error.name === 'NotFoundError') {
        return unavailable(error.message);
      }
      throw error;
    }
  }
}

export function rateOf(r: EnvironmentCostResponse): EnvironmentCostRate {
  const awakeHourlyRate = r.savings.awakeHourlyRate;
  const monthToDate = r.month.monthToDate;
  const missing = [
    ...(awakeHourlyRate === null ? ['awake hourly rate'] : []),
    ...(monthToDate === null ? ['month to date'] : []),
  ];
  const why = r.diagnostics.map(d => d.message).join(' ');
  return {
    currency: r.data.currency,
    awakeHourlyRate,
    monthToDate,
    unavailable:
      missing.length === 0
        ? null
        : `${missing.join(' and ')} unknown${
            why ? `: ${why}` : ': no cost data for this environment yet'
          }`,
  };
}

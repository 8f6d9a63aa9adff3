import { CostDiagnostic } from '@stagelight/backstage-plugin-stagelight-common';
import { roundMoney } from '../calendar';
import { CostSettings } from '../CostSettings';

/**
 * What the cost pages say about the data itself, in one place: a diagnostic
 * has a code clients branch on, a message a manager can read, and where there
 * is one, the technical detail (AWS's error) the page keeps behind "Details".
 */
export function noCostData(
  settings: Pick<CostSettings, 'tags' | 'appName' | 'lookbackDays'>,
  everRead: boolean,
): CostDiagnostic {
  return everRead
    ? {
        code: 'NO_COST_DATA',
        message: `AWS has reported no cost for the ${settings.appName} stacks in the last ${settings.lookbackDays} days. Newly activated cost allocation tags take up to a day to show cost.`,
        detail: `Cost Explorer returned no cost tagged ${settings.tags.app}=${settings.appName}`,
      }
    : {
        code: 'NO_COST_DATA',
        message: 'AWS Cost Explorer has not been read yet.',
      };
}

export function noEnvironmentCost(
  clinic: string,
  stage: string,
): CostDiagnostic {
  return {
    code: 'NO_COST_DATA',
    message: `Cost Explorer has no cost tagged for clinic '${clinic}' in stage '${stage}' yet.`,
  };
}

export function leftOutOfProjection(
  clinic: string,
  stage: string,
): CostDiagnostic {
  return {
    code: 'NO_COST_DATA',
    message: `No cost data for clinic '${clinic}' in stage '${stage}': it is left out of the projection.`,
  };
}

/** The last refresh's error as stored (`Name: message`). */
export function refreshFailed(
  error: string,
  dailyRequestBudget: number,
): CostDiagnostic {
  const budget = error.startsWith('CostBudgetExhaustedError');
  return budget
    ? {
        code: 'BUDGET_EXHAUSTED',
        message: `Today's budget of ${dailyRequestBudget} Cost Explorer requests is spent; the figures are from the last read.`,
      }
    : {
        code: 'REFRESH_FAILED',
        message:
          'The last read of AWS Cost Explorer failed; the figures are from the read before it.',
        detail: error,
      };
}

export function staleData(ageMs: number, ttlMs: number): CostDiagnostic {
  return {
    code: 'STALE_DATA',
    message: `Cost data is ${Math.round(
      ageMs / 3600_000,
    )} hours old (refreshed every ${Math.round(ttlMs / 3600_000)} hours).`,
  };
}

export function tagsNotActivated(
  inactive: string[],
  tags: CostSettings['tags'],
): CostDiagnostic {
  const keys = inactive.length > 0 ? inactive : [tags.stage, tags.clinic];
  return {
    code: 'TAGS_NOT_ACTIVATED',
    message: `Cost Explorer cannot attribute cost to stages and clinics: activate ${keys.join(
      ' and ',
    )} as cost allocation tags in the Billing console (new keys take up to 24 hours to appear).`,
  };
}

export function untaggedCost(
  untaggedTotal: number,
  lookbackDays: number,
): CostDiagnostic {
  return {
    code: 'UNTAGGED_COST',
    message: `${roundMoney(
      untaggedTotal,
    )} of the app's cost in the last ${lookbackDays} days carries no stage or clinic tag and is not attributed to any environment.`,
  };
}

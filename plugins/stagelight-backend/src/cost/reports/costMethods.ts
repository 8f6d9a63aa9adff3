import { ASLEEP_STATES, HourlyRate } from '../runRate';
import { AWS_FORECAST_METHOD, TREND_DAYS, TREND_METHOD } from '../forecast';

/**
 * How a forecast or a saving was worked out, twice: one plain sentence a
 * manager reads on the page, and the technical detail (the formula, Cost
 * Explorer's answer, an HTTP status) the page keeps behind "Details".
 */
export interface MethodWords {
  description: string;
  detail: string;
}

export function awsForecastMethod(
  forecastStart: string,
  readAtMs: number,
): MethodWords {
  return {
    description:
      "AWS's own forecast for the rest of the month, added to what the month has cost so far.",
    detail: `${AWS_FORECAST_METHOD} (forecast from ${forecastStart}, read ${new Date(
      readAtMs,
    ).toISOString()})`,
  };
}

/** The trend estimate; `forecastFailure` says why AWS's forecast was not used, when it was asked. */
export function trendMethod(forecastFailure?: string): MethodWords {
  const estimate = `the average daily cost of the last ${TREND_DAYS} days, continued to the end of the month`;
  return forecastFailure
    ? {
        description: `AWS's own forecast was not available, so this is ${estimate}.`,
        detail: `${TREND_METHOD}. GetCostForecast is unavailable (${forecastFailure}), so the trend is used.`,
      }
    : {
        description: `Estimated from ${estimate}.`,
        detail: `${TREND_METHOD}.`,
      };
}

export function savingsMethod(rate: HourlyRate | undefined): MethodWords {
  return {
    description: rate
      ? 'The hours it slept this month, times what an hour awake costs.'
      : 'Not known yet: there is no cost data to price an hour awake.',
    detail: `asleep hours (power states ${ASLEEP_STATES.join(
      '/',
    )}) this month from the recorded power history x awake hourly rate; awake rate: ${
      rate?.method ?? 'unknown, no cost data'
    }`,
  };
}

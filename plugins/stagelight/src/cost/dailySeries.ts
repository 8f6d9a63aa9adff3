import type { EnvironmentCostResponse } from '@stagelight/backstage-plugin-stagelight-common';

export interface StageSeries {
  stage: string;
  /** One amount per entry of `dates`; null where the stage has no data that day. */
  amounts: (number | null)[];
  /** True where Cost Explorer still marks the day as estimated. */
  estimated: boolean[];
}

export interface DailyCostByStage {
  /** Every day with data in any stage, ascending (YYYY-MM-DD). */
  dates: string[];
  series: StageSeries[];
  /** The largest amount shown; 0 when there is none. */
  max: number;
}

/** Lines up the daily series of several environments (one per stage) on one date axis. */
export function dailyCostByStage(
  environments: Pick<EnvironmentCostResponse, 'stage' | 'daily'>[],
): DailyCostByStage {
  const dates = [
    ...new Set(environments.flatMap(e => e.daily.map(d => d.date))),
  ].sort();
  let max = 0;
  const series = environments.map(env => {
    const byDate = new Map(env.daily.map(d => [d.date, d]));
    return {
      stage: env.stage,
      amounts: dates.map(date => {
        const day = byDate.get(date);
        if (!day) return null;
        max = Math.max(max, day.amount);
        return day.amount;
      }),
      estimated: dates.map(date => byDate.get(date)?.estimated ?? false),
    };
  });
  return { dates, series, max };
}

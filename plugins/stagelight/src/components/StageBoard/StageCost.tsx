import { LinearProgress, Typography } from '@material-ui/core';
import type {
  ClinicCostResponse,
  ClinicStageCost,
} from '@stagelight/backstage-plugin-stagelight-common';
import { formatMoney } from '../../cost/money';
import { requestErrorText } from '../../power/powerView';
import type { StatusQuery } from '../../hooks';

export type CostQuery = Pick<
  StatusQuery<ClinicCostResponse | null>,
  'value' | 'error' | 'loading'
>;

/**
 * One stage's cost on the board: month to date, and what a day asleep saves
 * at the awake hourly rate. Says briefly when cost is not known or could not
 * be read; a protected stage is never put to sleep, so it saves nothing.
 */
export function StageCost(props: {
  stage: string;
  protected: boolean;
  cost: CostQuery;
}) {
  const { stage, cost } = props;
  if (!cost.value) {
    if (cost.error) {
      return (
        <Typography variant="body2">
          Cost unavailable ({requestErrorText(cost.error)})
        </Typography>
      );
    }
    return cost.loading ? (
      <LinearProgress aria-label={`Loading the cost of ${stage}`} />
    ) : null;
  }
  const { currency } = cost.value.data;
  const entry: ClinicStageCost | undefined = cost.value.stages.find(
    s => s.stage === stage,
  );
  if (
    !entry ||
    (entry.monthToDate === null &&
      entry.last30Days === null &&
      entry.awakeHourlyRate === null)
  ) {
    return <Typography variant="body2">No cost data yet</Typography>;
  }
  return (
    <>
      {entry.monthToDate !== null || entry.last30Days === null ? (
        <Typography variant="body2">
          {formatMoney(entry.monthToDate, currency)} this month
        </Typography>
      ) : (
        // A month's first day: Cost Explorer has billed none of it yet.
        <Typography variant="body2">
          {formatMoney(entry.last30Days, currency)} in the last 30 days (none of
          this month billed yet)
        </Typography>
      )}
      {/* A protected stage is never put to sleep (its Actions say so): it saves nothing. */}
      {!props.protected &&
        entry.asleepDaySavings !== null &&
        entry.awakeHourlyRate !== null && (
          <>
            <Typography variant="body2">
              Asleep saves about {formatMoney(entry.asleepDaySavings, currency)}{' '}
              a day
            </Typography>
            <Typography variant="caption" component="div">
              {formatMoney(entry.awakeHourlyRate, currency)} an awake hour
            </Typography>
          </>
        )}
    </>
  );
}

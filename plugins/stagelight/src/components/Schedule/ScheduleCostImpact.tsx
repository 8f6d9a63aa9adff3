import { useEffect, useState } from 'react';
import { Box, Typography } from '@material-ui/core';
import { useApi } from '@backstage/core-plugin-api';
import {
  Schedule,
  stagelightCostReadPermission,
} from '@stagelight/backstage-plugin-stagelight-common';
import { stagelightApiRef } from '../../api';
import { formatMoney } from '../../cost/money';
import { requestErrorText } from '../../power/powerView';
import { PermittedButton } from '../Permission';

export interface ScheduleCostImpactProps {
  clinic: string;
  stage: string;
  /** The edited schedule, or undefined while it has problems. */
  schedule: Schedule | undefined;
}

/**
 * What the edited schedule would cost per month against the current run
 * rate, from the backend's projection (cost.read permission). Asked on
 * demand: each estimate reads the cost summary for its currency.
 */
export function ScheduleCostImpact(props: ScheduleCostImpactProps) {
  const { clinic, stage, schedule } = props;
  const api = useApi(stagelightApiRef);
  const [text, setText] = useState<string>();
  const [error, setError] = useState<string>();
  const [running, setRunning] = useState(false);
  const key = JSON.stringify(schedule ?? null);

  // An estimate describes the schedule it was made for; an edit makes it stale.
  useEffect(() => {
    setText(undefined);
    setError(undefined);
  }, [key]);

  const estimate = async () => {
    if (!schedule) return;
    setRunning(true);
    setError(undefined);
    try {
      const [summary, projection] = await Promise.all([
        api.getCostSummary(),
        api.projectSchedule({ clinic, stage, schedule }),
      ]);
      const currency = summary.data.currency;
      setText(
        `With this schedule: ${formatMoney(
          projection.projectedMonthlyCost,
          currency,
        )} a month (now ${formatMoney(
          projection.currentMonthlyCost,
          currency,
        )}), savings ${formatMoney(projection.savings, currency)}; awake ${
          Math.round(projection.awakeHours * 10) / 10
        } of ${Math.round(projection.hoursInMonth * 10) / 10} hours`,
      );
    } catch (e) {
      setError(requestErrorText(e));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Box mt={2}>
      <PermittedButton
        id={`stagelight-schedule-${clinic}-${stage}-cost`}
        permission={stagelightCostReadPermission}
        label={running ? 'Estimating…' : 'Estimate cost impact'}
        what="read cost"
        disabled={!schedule || running}
        onClick={estimate}
      />
      {text && (
        <div role="status" aria-live="polite">
          <Typography variant="body2">{text}</Typography>
        </div>
      )}
      {error && (
        <Typography variant="body2" color="error" role="alert">
          The cost impact could not be estimated: {error}
        </Typography>
      )}
    </Box>
  );
}

import { Typography } from '@material-ui/core';
import type { ScheduleResponse } from '@stagelight/backstage-plugin-stagelight-common';
import { leaseText, scheduleText } from '../../schedule/planText';
import { browserTimeZone } from '../../schedule/timeZones';

export interface ScheduleSummaryProps {
  plan: ScheduleResponse;
  /** The current time (ms since epoch), ticking (useNow): "in 2 h 10 min" moves on. */
  nowMs: number;
}

/**
 * The lease and the schedule, each said once: the running lease with its end
 * and holder, then the schedule in force with its next transition in the
 * schedule's own time zone, or only that there is none.
 */
export function ScheduleSummary(props: ScheduleSummaryProps) {
  const { plan, nowMs } = props;
  const lease = leaseText(
    plan.lease,
    nowMs,
    plan.schedule?.timeZone ?? browserTimeZone(),
  );
  return (
    <>
      {lease && <Typography variant="body2">{lease}</Typography>}
      <Typography variant="body2">{scheduleText(plan, nowMs)}</Typography>
    </>
  );
}

import { Typography } from '@material-ui/core';
import type { ScheduleResponse } from '@internal/plugin-stagelight-common';
import { scheduleDetailsText, windowText } from '../../schedule/scheduleText';

const SOURCES: Record<ScheduleResponse['source'], string> = {
  override: 'Own schedule',
  'stage-default': 'Stage default schedule',
  none: 'No schedule',
};

/**
 * What the plan wants now, in words: the lease (shown with its end above) or
 * no schedule at all leave nothing to say but that; otherwise the backend's
 * reason (the window, the exception, pre-warm).
 */
export function desiredNowText(plan: ScheduleResponse): string {
  if (plan.lease) return 'Held awake by the lease';
  if (plan.source === 'none' && !plan.protected) {
    return 'No schedule: Stagelight leaves it as it is';
  }
  return `Should be ${plan.desired.state} now (${plan.desired.reason})`;
}

/** The schedule in force, where it comes from, and what it says now and next. */
export function ScheduleSummary(props: { plan: ScheduleResponse }) {
  const { schedule, source, desired } = props.plan;
  const next = desired.nextTransition;
  return (
    <>
      <Typography variant="body2">{desiredNowText(props.plan)}</Typography>
      <Typography variant="body2">
        {next
          ? `Next: ${next.state === 'awake' ? 'wakes' : 'sleeps'} at ${new Date(
              next.at,
            ).toLocaleString()}`
          : 'Next: no transition scheduled'}
      </Typography>
      <Typography variant="body2">
        {SOURCES[source]}
        {schedule && `: ${scheduleDetailsText(schedule)}`}
      </Typography>
      {schedule && schedule.windows.length === 0 && (
        <Typography variant="caption" component="div">
          No awake windows (asleep unless leased)
        </Typography>
      )}
      {schedule && schedule.windows.length > 0 && (
        <ul style={{ margin: 0, paddingLeft: 16 }}>
          {schedule.windows.map((w, i) => (
            <li key={i}>
              <Typography variant="caption">{windowText(w)}</Typography>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

import { Typography } from '@material-ui/core';
import type { ScheduleResponse } from '@internal/plugin-stagelight-common';
import { scheduleDetailsText, windowText } from '../../schedule/scheduleText';

const SOURCES: Record<ScheduleResponse['source'], string> = {
  override: 'Own schedule',
  'stage-default': 'Stage default schedule',
  none: 'No schedule',
};

/** The schedule in force, where it comes from, and what it says now and next. */
export function ScheduleSummary(props: { plan: ScheduleResponse }) {
  const { schedule, source, desired } = props.plan;
  const next = desired.nextTransition;
  return (
    <>
      <Typography variant="body2">
        Should be {desired.state} now ({desired.reason})
      </Typography>
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

import { LinearProgress, Typography } from '@material-ui/core';
import type { WakeDurationsResponse } from '@stagelight/backstage-plugin-stagelight-common';
import type { StatusQuery } from '../../hooks';
import { usuallyReadyText, wakeSampleText } from '../../power/wakeDurationText';

export type WakeDurationsQuery = Pick<
  StatusQuery<WakeDurationsResponse>,
  'value' | 'error' | 'loading'
>;

/** "Usually ready in about 3 min" for one stage, from its recorded wakes, or that there are none yet. */
export function UsualWakeTime(props: {
  stage: string;
  durations: WakeDurationsQuery;
}) {
  const { stage, durations } = props;
  if (!durations.value) {
    if (durations.error) {
      return <Typography variant="body2">Wake history unavailable</Typography>;
    }
    return durations.loading ? (
      <LinearProgress aria-label={`Loading the wake history of ${stage}`} />
    ) : null;
  }
  const duration = durations.value.items.find(d => d.stage === stage);
  return (
    <>
      <Typography variant="body2">{usuallyReadyText(duration)}</Typography>
      {duration && duration.wakes > 0 && (
        <Typography variant="caption" component="div">
          {wakeSampleText(duration)}
        </Typography>
      )}
    </>
  );
}

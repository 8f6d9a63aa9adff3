import { EmptyState, InfoCard } from '@backstage/core-components';
import { Grid, Typography } from '@material-ui/core';
import { DEFAULT_TIMELINE_DAYS } from '@stagelight/backstage-plugin-stagelight-common';
import { useTimeline } from '../../hooks';
import { StatusQueryView } from '../StatusQueryView';
import { PowerTimelineChartLoader } from '../Charts';
import { periodName } from './timelineText';

/**
 * The power timeline as a full-width card: a clinic's stages, or the whole
 * fleet without `clinic`. Says so when nothing was recorded yet, and when
 * the cost per day is left out because the user may not read cost.
 */
export function PowerTimelineCard(props: { clinic?: string; days?: number }) {
  const { clinic, days } = props;
  const query = useTimeline({ clinic, days });
  const scope = clinic ?? 'the fleet';
  const period = periodName(query.value?.days ?? days ?? DEFAULT_TIMELINE_DAYS);
  const title = `Power ${period}`;
  return (
    <Grid item xs={12}>
      <InfoCard
        title={title}
        subheader="Recorded power state per stage, the schedule's awake windows, leases, and who woke or slept it"
      >
        <StatusQueryView
          query={query}
          errorTitle={`Could not load the power timeline of ${scope}`}
        >
          {value => {
            if (value.environments.length === 0) {
              return (
                <EmptyState
                  missing="data"
                  title="No environments to show"
                  description="Stagelight has found no tagged environments yet."
                />
              );
            }
            const recorded = value.environments.some(e => e.bands.length > 0);
            return (
              <>
                {!recorded && (
                  <Typography paragraph>
                    No power history recorded {period} yet: Stagelight records
                    each environment's power state at every status refresh, so
                    the timeline fills in from now on.
                  </Typography>
                )}
                {!value.costIncluded && (
                  <Typography variant="body2" paragraph>
                    Cost per day is shown to those who may read cost (managers
                    and leads).
                  </Typography>
                )}
                <PowerTimelineChartLoader
                  title={`Power timeline of ${scope}`}
                  timeline={value}
                  withClinic={clinic === undefined}
                />
              </>
            );
          }}
        </StatusQueryView>
      </InfoCard>
    </Grid>
  );
}

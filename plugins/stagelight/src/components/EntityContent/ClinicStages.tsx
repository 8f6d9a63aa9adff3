import { EmptyState, InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Grid, IconButton } from '@material-ui/core';
import { RiRefreshLine } from '@remixicon/react';
import { stagelightApiRef } from '../../api';
import { currentAgeSeconds, isStale } from '../../status/dataAge';
import { useNow, useStatusQuery } from '../../status/useStatusQuery';
import { PipelineTable } from '../Pipeline/PipelineTable';
import { StageBoard } from '../StageBoard/StageBoard';
import { DataAgeLabel } from '../StatusLabels';
import { StaleSnapshotWarning, StatusQueryView } from '../StatusQueryView';

/** The stage board and the pipeline of one clinic. */
export function ClinicStages(props: { clinic: string }) {
  const { clinic } = props;
  const api = useApi(stagelightApiRef);
  const query = useStatusQuery(
    () => api.listEnvironmentDetails({ clinic }),
    [api, clinic],
  );
  const now = useNow();

  return (
    <StatusQueryView
      query={query}
      errorTitle={`Could not load the stages of ${clinic}`}
    >
      {value => {
        const elapsedSeconds = currentAgeSeconds(
          0,
          query.receivedAtMs ?? now,
          now,
        );
        const snapshotAge =
          value.dataAgeSeconds === null
            ? null
            : value.dataAgeSeconds + elapsedSeconds;
        if (value.items.length === 0) {
          return (
            <EmptyState
              missing="data"
              title={`No environments found for clinic ${clinic}`}
              description="Stagelight found no AWS resources tagged with this clinic in the accounts and regions it scans. Deploy the clinic's stack to a stage, or check the tags and the stagelight.aws.targets configuration."
            />
          );
        }
        const refresh = (
          <IconButton aria-label="Refresh" onClick={query.reload} size="small">
            <RiRefreshLine aria-hidden />
          </IconButton>
        );
        return (
          <Grid container spacing={3}>
            {snapshotAge !== null && isStale(snapshotAge) && (
              <Grid item xs={12}>
                <StaleSnapshotWarning ageSeconds={snapshotAge} />
              </Grid>
            )}
            <Grid item xs={12}>
              <InfoCard
                title="Stages"
                subheader={
                  snapshotAge === null ? undefined : (
                    <DataAgeLabel ageSeconds={snapshotAge} />
                  )
                }
                action={refresh}
              >
                <StageBoard
                  clinic={clinic}
                  stages={value.stages}
                  environments={value.items}
                  elapsedSeconds={elapsedSeconds}
                />
              </InfoCard>
            </Grid>
            <Grid item xs={12}>
              <InfoCard title="Pipeline">
                <PipelineTable
                  clinic={clinic}
                  stages={value.stages}
                  environments={value.items}
                />
              </InfoCard>
            </Grid>
          </Grid>
        );
      }}
    </StatusQueryView>
  );
}

import { useCallback, useState } from 'react';
import { EmptyState, InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Grid, IconButton } from '@material-ui/core';
import { RiRefreshLine } from '@remixicon/react';
import { stagelightApiRef } from '../../api';
import { currentAgeSeconds, isStale } from '../../status/dataAge';
import { useNow, useStatusQuery } from '../../status/useStatusQuery';
import { ClinicHistory } from '../History/ClinicHistory';
import { PipelineTable } from '../Pipeline/PipelineTable';
import { StageBoard } from '../StageBoard/StageBoard';
import { DataAgeLabel } from '../StatusLabels';
import { StaleSnapshotWarning, StatusQueryView } from '../StatusQueryView';

/** The stage board (with wake/sleep), the pipeline and the history of one clinic. */
export function ClinicStages(props: {
  clinic: string;
  /** How often a running wake/sleep is read again (default 2 s). */
  operationPollIntervalMs?: number;
}) {
  const { clinic } = props;
  const api = useApi(stagelightApiRef);
  const query = useStatusQuery(
    () => api.listEnvironmentDetails({ clinic }),
    [api, clinic],
  );
  const now = useNow();
  const [historyToken, setHistoryToken] = useState(0);
  const [planToken, setPlanToken] = useState(0);
  const { reload } = query;
  // The operation's own status is final; the board's snapshot catches up on
  // the backend's next refresh, so read both again now.
  const operationEnded = useCallback(() => {
    reload();
    setHistoryToken(t => t + 1);
    setPlanToken(t => t + 1);
  }, [reload]);
  // A lease or schedule change is audited, so the history is read again.
  const planChanged = useCallback(() => setHistoryToken(t => t + 1), []);

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
        const refresh = (
          <IconButton aria-label="Refresh" onClick={query.reload} size="small">
            <RiRefreshLine aria-hidden />
          </IconButton>
        );
        return (
          <Grid container spacing={3}>
            {value.items.length === 0 && (
              <Grid item xs={12}>
                <EmptyState
                  missing="data"
                  title={`${clinic} is not deployed yet`}
                  description="Stagelight found no AWS resources tagged with this clinic in the accounts and regions it scans: every stage below is not deployed. Its pipeline deploys a stage when that stage's branch is pushed; if the stack runs already, check its tags and the stagelight.aws.targets configuration."
                />
              </Grid>
            )}
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
                  onOperationEnd={operationEnded}
                  operationPollIntervalMs={props.operationPollIntervalMs}
                  planRefreshToken={planToken}
                  onPlanChanged={planChanged}
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
            <Grid item xs={12}>
              <InfoCard title="History">
                <ClinicHistory
                  clinic={clinic}
                  stages={orderedStages(value.stages, value.items)}
                  refreshToken={historyToken}
                />
              </InfoCard>
            </Grid>
          </Grid>
        );
      }}
    </StatusQueryView>
  );
}

/** The configured stages the clinic has an environment in, in promotion order. */
function orderedStages(
  stages: { name: string }[],
  items: { stage: string }[],
): string[] {
  const present = new Set(items.map(i => i.stage));
  return stages.map(s => s.name).filter(name => present.has(name));
}

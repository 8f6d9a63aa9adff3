import { ReactNode } from 'react';
import { EmptyState, InfoCard } from '@backstage/core-components';
import { Grid, IconButton } from '@material-ui/core';
import { RiRefreshLine } from '@remixicon/react';
import {
  StagelightRefreshProvider,
  useClinicEnvironments,
  useClinicStageCost,
  useNow,
  useWakeDurations,
} from '../../hooks';
import { isStale, snapshotAges } from '../../status/dataAge';
import { ClinicHistory } from '../History';
import { PipelineTable } from '../Pipeline';
import { StageBoard } from '../StageBoard';
import { DataAgeLabel } from '../StatusLabels';
import { StaleSnapshotWarning, StatusQueryView } from '../StatusQueryView';
import { PowerTimelineCard } from '../Timeline';

/**
 * The stage board (with wake/sleep), the pipeline and the history of one
 * clinic. A change made on the board reads the board, the plans, the wake
 * times and the history again (see StagelightRefreshProvider).
 */
export function ClinicStages(props: { clinic: string }) {
  const query = useClinicEnvironments(props.clinic);
  return (
    <StagelightRefreshProvider
      onOperationEnded={query.reload}
      concerns={signal => signal.clinic === props.clinic}
    >
      <ClinicStagesContent clinic={props.clinic} query={query} />
    </StagelightRefreshProvider>
  );
}

/** Inside the refresh provider, so that the wake times are read again after a wake. */
function ClinicStagesContent(props: {
  clinic: string;
  query: ReturnType<typeof useClinicEnvironments>;
}) {
  const { clinic, query } = props;
  const now = useNow();
  const wakeDurations = useWakeDurations(clinic);
  // One request for the clinic's cost, and none for a user who may not read it.
  const cost = useClinicStageCost(clinic);

  return (
    <>
      <StatusQueryView
        query={query}
        errorTitle={`Could not load the stages of ${clinic}`}
      >
        {value => {
          const { elapsedSeconds, snapshotAgeSeconds } = snapshotAges(
            value.dataAgeSeconds,
            query.receivedAtMs,
            now,
          );
          const refresh = (
            <IconButton
              aria-label="Refresh"
              onClick={query.reload}
              size="small"
            >
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
              {snapshotAgeSeconds !== null && isStale(snapshotAgeSeconds) && (
                <Grid item xs={12}>
                  <StaleSnapshotWarning ageSeconds={snapshotAgeSeconds} />
                </Grid>
              )}
              <Section
                title="Stages"
                subheader={
                  snapshotAgeSeconds === null ? undefined : (
                    <DataAgeLabel ageSeconds={snapshotAgeSeconds} />
                  )
                }
                action={refresh}
              >
                <StageBoard
                  clinic={clinic}
                  stages={value.stages}
                  environments={value.items}
                  elapsedSeconds={elapsedSeconds}
                  wakeDurations={wakeDurations}
                  cost={cost.allowed ? cost.query : undefined}
                />
              </Section>
              <Section title="Pipeline">
                <PipelineTable
                  clinic={clinic}
                  stages={value.stages}
                  environments={value.items}
                />
              </Section>
              <PowerTimelineCard clinic={clinic} />
              <Section title="History">
                <ClinicHistory
                  clinic={clinic}
                  stages={orderedStages(value.stages, value.items)}
                />
              </Section>
            </Grid>
          );
        }}
      </StatusQueryView>
    </>
  );
}

/** One full-width card of the tab. */
function Section(props: {
  title: string;
  subheader?: ReactNode;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Grid item xs={12}>
      <InfoCard
        title={props.title}
        subheader={props.subheader}
        action={props.action}
      >
        {props.children}
      </InfoCard>
    </Grid>
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

import { useEffect, useState } from 'react';
import { EmptyState, InfoCard } from '@backstage/core-components';
import { Box, Button, Grid, IconButton, Typography } from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import { RiRefreshLine } from '@remixicon/react';
import {
  isPowerState,
  POWER_STATES,
  StageInfo,
} from '@stagelight/backstage-plugin-stagelight-common';
import { StagelightBackendMissingError } from '../../api';
import type { EnvironmentFilter } from '../../api';
import {
  StagelightRefreshProvider,
  useFleetClinics,
  useFleetEnvironments,
  useNow,
} from '../../hooks';
import { snapshotAges } from '../../status/dataAge';
import { AuditTrailLink } from '../Audit';
import { BulkPowerActions } from '../BulkPower';
import { OptionSelect } from '../OptionSelect';
import { DataAgeLabel } from '../StatusLabels';
import {
  BackendMissingPanel,
  StaleSnapshotWarning,
  StatusQueryView,
} from '../StatusQueryView';
import { PowerTimelineCard } from '../Timeline';
import { awakeCount } from './fleetRows';
import { FleetTable } from './FleetTable';

const useStyles = makeStyles({
  filter: { minWidth: 180 },
});

/** The fleet filters in the order shown, each with what its empty choice means. */
const FILTERS = [
  { key: 'clinic', label: 'Clinic', emptyLabel: 'All clinics' },
  { key: 'stage', label: 'Stage', emptyLabel: 'All stages' },
  { key: 'power', label: 'Power state', emptyLabel: 'Any power state' },
] as const;

/**
 * Every clinic's environments in every stage, filterable by clinic, stage and
 * power state; bulk wake and sleep, after which the fleet is read again; a
 * link to the fleet's audit trail.
 */
export function FleetView() {
  const [filter, setFilter] = useState<EnvironmentFilter>({});
  // Stage names for the filter; remembered so the options stay while a filtered list loads.
  const [knownStages, setKnownStages] = useState<StageInfo[]>([]);
  const clinics = useFleetClinics();
  const environments = useFleetEnvironments(filter);
  const answeredStages = environments.value?.stages;
  useEffect(() => {
    if (answeredStages) setKnownStages(answeredStages);
  }, [answeredStages]);
  const now = useNow();
  const filtered = Boolean(filter.clinic || filter.stage || filter.power);

  const classes = useStyles();
  const onSelect = (key: keyof EnvironmentFilter) => (value: string) => {
    const valid = key === 'power' ? isPowerState(value) : value !== '';
    setFilter(prev => ({ ...prev, [key]: valid ? value : undefined }));
  };

  // Without the backend plugin, filters, bulk actions and the timeline have nothing to show: one panel says why.
  const backendMissing = [environments.error, clinics.error].find(
    (e): e is StagelightBackendMissingError =>
      e instanceof StagelightBackendMissingError,
  );
  if (backendMissing) return <BackendMissingPanel error={backendMissing} />;

  let awakeText = 'Awake now: counting…';
  if (clinics.value) {
    const { awake, total } = awakeCount(clinics.value);
    awakeText = `Awake now: ${awake} of ${total} environments`;
  } else if (clinics.error) {
    awakeText = `Awake now: unknown (${clinics.error.message})`;
  }

  const filterOptions: Record<keyof EnvironmentFilter, readonly string[]> = {
    clinic: (clinics.value?.items ?? []).map(c => c.clinic).sort(),
    stage: knownStages.map(st => st.name),
    power: POWER_STATES,
  };

  const refresh = () => {
    clinics.reload();
    environments.reload();
  };

  return (
    <StagelightRefreshProvider onOperationEnded={refresh}>
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <Box
            display="flex"
            alignItems="flex-end"
            flexWrap="wrap"
            style={{ gap: 16 }}
          >
            <Typography variant="h6" component="p" aria-live="polite">
              {awakeText}
            </Typography>
            {FILTERS.map(f => (
              <OptionSelect
                key={f.key}
                id={`stagelight-filter-${f.key}`}
                className={classes.filter}
                label={f.label}
                emptyLabel={f.emptyLabel}
                options={filterOptions[f.key]}
                value={filter[f.key] ?? ''}
                onChange={onSelect(f.key)}
              />
            ))}
            <IconButton aria-label="Refresh" onClick={refresh} size="small">
              <RiRefreshLine aria-hidden />
            </IconButton>
            <AuditTrailLink />
          </Box>
        </Grid>
        {clinics.value && knownStages.length > 0 && (
          <Grid item xs={12}>
            <InfoCard title="Bulk wake and sleep">
              <BulkPowerActions clinics={clinics.value} stages={knownStages} />
            </InfoCard>
          </Grid>
        )}
        <Grid item xs={12}>
          <StatusQueryView
            query={environments}
            errorTitle="Could not load the fleet"
          >
            {value => {
              const { elapsedSeconds, snapshotAgeSeconds } = snapshotAges(
                value.dataAgeSeconds,
                environments.receivedAtMs,
                now,
              );
              if (value.items.length === 0) {
                return filtered ? (
                  <EmptyState
                    missing="data"
                    title="No environment matches these filters"
                    action={
                      <Button variant="outlined" onClick={() => setFilter({})}>
                        Clear filters
                      </Button>
                    }
                  />
                ) : (
                  <EmptyState
                    missing="data"
                    title="No environments found"
                    description="Stagelight found no tagged image-review stacks in the accounts and regions it scans."
                  />
                );
              }
              return (
                <>
                  <StaleSnapshotWarning ageSeconds={snapshotAgeSeconds} />
                  <InfoCard
                    title="Fleet"
                    subheader={
                      snapshotAgeSeconds === null ? undefined : (
                        <DataAgeLabel ageSeconds={snapshotAgeSeconds} />
                      )
                    }
                    noPadding
                  >
                    <FleetTable
                      environments={value.items}
                      stages={value.stages}
                      elapsedSeconds={elapsedSeconds}
                    />
                  </InfoCard>
                </>
              );
            }}
          </StatusQueryView>
        </Grid>
        <PowerTimelineCard />
      </Grid>
    </StagelightRefreshProvider>
  );
}

import { useEffect, useState } from 'react';
import { EmptyState, InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Box,
  Button,
  Grid,
  IconButton,
  Typography,
} from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import { RiRefreshLine } from '@remixicon/react';
import {
  isPowerState,
  POWER_STATES,
  StageInfo,
} from '@internal/plugin-stagelight-common';
import { EnvironmentFilter, stagelightApiRef } from '../../api';
import { currentAgeSeconds, isStale } from '../../status/dataAge';
import { useNow, useStatusQuery } from '../../status/useStatusQuery';
import { AuditTrailLink } from '../Audit/AuditTrailLink';
import { BulkPowerActions } from '../BulkPower';
import { OptionSelect } from '../OptionSelect';
import { DataAgeLabel } from '../StatusLabels';
import { StaleSnapshotWarning, StatusQueryView } from '../StatusQueryView';
import { awakeCount } from './fleetRows';
import { FleetTable } from './FleetTable';

const useStyles = makeStyles({
  filter: { minWidth: 180 },
});

/**
 * Every clinic's environments in every stage, filterable by clinic, stage and
 * power state; bulk wake and sleep; a link to the fleet's audit trail.
 */
export function FleetView(props: {
  /** How often a running bulk operation is read again (default 2 s). */
  operationPollIntervalMs?: number;
}) {
  const api = useApi(stagelightApiRef);
  const [filter, setFilter] = useState<EnvironmentFilter>({});
  // Stage names for the filter; remembered so the options stay while a filtered list loads.
  const [knownStages, setKnownStages] = useState<StageInfo[]>([]);
  const clinics = useStatusQuery(() => api.listClinics(), [api]);
  const environments = useStatusQuery(
    () => api.listEnvironments(filter),
    [api, filter.clinic, filter.stage, filter.power],
  );
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

  let awakeText = 'Awake now: counting…';
  if (clinics.value) {
    const { awake, total } = awakeCount(clinics.value);
    awakeText = `Awake now: ${awake} of ${total} environments`;
  } else if (clinics.error) {
    awakeText = `Awake now: unknown (${clinics.error.message})`;
  }

  const clinicNames = (clinics.value?.items ?? []).map(c => c.clinic).sort();

  const refresh = () => {
    clinics.reload();
    environments.reload();
  };

  return (
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
          <OptionSelect
            id="stagelight-filter-clinic"
            className={classes.filter}
            label="Clinic"
            emptyLabel="All clinics"
            options={clinicNames}
            value={filter.clinic ?? ''}
            onChange={onSelect('clinic')}
          />
          <OptionSelect
            id="stagelight-filter-stage"
            className={classes.filter}
            label="Stage"
            emptyLabel="All stages"
            options={knownStages.map(st => st.name)}
            value={filter.stage ?? ''}
            onChange={onSelect('stage')}
          />
          <OptionSelect
            id="stagelight-filter-power"
            className={classes.filter}
            label="Power state"
            emptyLabel="Any power state"
            options={POWER_STATES}
            value={filter.power ?? ''}
            onChange={onSelect('power')}
          />
          <IconButton aria-label="Refresh" onClick={refresh} size="small">
            <RiRefreshLine aria-hidden />
          </IconButton>
          <AuditTrailLink />
        </Box>
      </Grid>
      {clinics.value && knownStages.length > 0 && (
        <Grid item xs={12}>
          <InfoCard title="Bulk wake and sleep">
            <BulkPowerActions
              clinics={clinics.value}
              stages={knownStages}
              onOperationEnd={refresh}
              pollIntervalMs={props.operationPollIntervalMs}
            />
          </InfoCard>
        </Grid>
      )}
      <Grid item xs={12}>
        <StatusQueryView
          query={environments}
          errorTitle="Could not load the fleet"
        >
          {value => {
            const elapsed = currentAgeSeconds(
              0,
              environments.receivedAtMs ?? now,
              now,
            );
            const snapshotAge =
              value.dataAgeSeconds === null
                ? null
                : value.dataAgeSeconds + elapsed;
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
                {snapshotAge !== null && isStale(snapshotAge) && (
                  <StaleSnapshotWarning ageSeconds={snapshotAge} />
                )}
                <InfoCard
                  title="Fleet"
                  subheader={
                    snapshotAge === null ? undefined : (
                      <DataAgeLabel ageSeconds={snapshotAge} />
                    )
                  }
                  noPadding
                >
                  <FleetTable
                    environments={value.items}
                    stages={value.stages}
                    elapsedSeconds={elapsed}
                  />
                </InfoCard>
              </>
            );
          }}
        </StatusQueryView>
      </Grid>
    </Grid>
  );
}

/** One of the fleet filters: a labelled native select whose empty value means "any". */

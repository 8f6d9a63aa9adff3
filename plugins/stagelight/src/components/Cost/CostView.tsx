import { useState } from 'react';
import { Grid, Typography } from '@material-ui/core';
import { InfoCard, Progress, WarningPanel } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';
import { usePermission } from '@backstage/plugin-permission-react';
import { stagelightCostReadPermission } from '@stagelight/backstage-plugin-stagelight-common';
import { dailyCostByStage } from '../../cost/dailySeries';
import { formatMoney } from '../../cost/money';
import { useClinicCost, useCostOverview } from '../../hooks';
import { OptionSelect } from '../OptionSelect';
import { holdersOf } from '../Permission';
import { StatusQueryView } from '../StatusQueryView';
import { CostDataAge, CostDiagnostics } from './CostDataNotes';
import {
  EmptyMonthNote,
  ForecastTable,
  MonthComparisonCard,
  SavingsTable,
} from './CostTables';
import { DailyCostChartLoader } from '../Charts';
import { ProjectionForm } from './ProjectionForm';

/** The cost page's content: only for users holding `stagelight.cost.read`. */
export function CostView(props: { pollIntervalMs?: number }) {
  const permission = usePermission({
    permission: stagelightCostReadPermission,
  });
  if (permission.loading) return <Progress />;
  if (permission.error) {
    return (
      <WarningPanel
        title="Could not check whether you may see cost"
        message={permission.error.message}
      />
    );
  }
  if (!permission.allowed) return <NoCostAccess />;
  return <CostOverview pollIntervalMs={props.pollIntervalMs} />;
}

function NoCostAccess() {
  return (
    <InfoCard title="Cost is not available to you">
      <Typography>
        Cost is visible to {holdersOf(stagelightCostReadPermission)}. Ask one of
        them, or your Backstage administrator, if you need to see what the
        stages cost.
      </Typography>
    </InfoCard>
  );
}

function CostOverview(props: { pollIntervalMs?: number }) {
  const query = useCostOverview(props.pollIntervalMs);
  // The backend's policy has the last word: a 403 despite the frontend check reads the same as no access.
  if (
    query.value === undefined &&
    query.error instanceof ResponseError &&
    query.error.statusCode === 403
  ) {
    return <NoCostAccess />;
  }
  return (
    <StatusQueryView query={query} errorTitle="Could not load Stagelight cost">
      {({ summary, forecasts }) => {
        const currency = summary.data.currency;
        const stages = summary.byStage.map(s => s.stage);
        const clinics = summary.byClinic.map(c => c.clinic);
        const { monthToDateDays } = summary.data;
        return (
          <Grid container spacing={3}>
            <Grid item xs={12}>
              <CostDataAge data={summary.data} />
              <CostDiagnostics diagnostics={summary.diagnostics} />
              <EmptyMonthNote monthToDateDays={monthToDateDays} />
            </Grid>
            <Grid item xs={12} md={6}>
              <MonthComparisonCard
                keyHeader="Stage"
                rows={summary.byStage.map(s => ({ key: s.stage, cost: s }))}
                total={summary.total}
                currency={currency}
                monthToDateDays={monthToDateDays}
              />
            </Grid>
            <Grid item xs={12} md={6}>
              <MonthComparisonCard
                keyHeader="Clinic"
                rows={summary.byClinic.map(c => ({ key: c.clinic, cost: c }))}
                currency={currency}
                monthToDateDays={monthToDateDays}
              >
                {summary.untaggedMonthToDate !== null && (
                  <Typography variant="body2">
                    Untagged spend this month:{' '}
                    {formatMoney(summary.untaggedMonthToDate, currency)}
                  </Typography>
                )}
              </MonthComparisonCard>
            </Grid>
            <Grid item xs={12}>
              <InfoCard title="Forecast of this month">
                {forecasts.length === 0 ? (
                  <Typography>No stage has cost data to forecast.</Typography>
                ) : (
                  <ForecastTable
                    forecasts={forecasts}
                    currency={currency}
                    monthToDateDays={monthToDateDays}
                  />
                )}
              </InfoCard>
            </Grid>
            {clinics.length > 0 && (
              <Grid item xs={12}>
                <ClinicCost
                  clinics={clinics}
                  stages={stages}
                  currency={currency}
                  pollIntervalMs={props.pollIntervalMs}
                />
              </Grid>
            )}
            <Grid item xs={12}>
              <InfoCard title="Project a schedule">
                {stages.length === 0 ? (
                  <Typography>
                    No stage has cost data to project from.
                  </Typography>
                ) : (
                  <ProjectionForm
                    stages={stages}
                    clinics={clinics}
                    currency={currency}
                  />
                )}
              </InfoCard>
            </Grid>
          </Grid>
        );
      }}
    </StatusQueryView>
  );
}

/** One clinic at a time: its daily cost per stage and what sleeping saved. */
function ClinicCost(props: {
  clinics: string[];
  stages: string[];
  currency: string;
  pollIntervalMs?: number;
}) {
  const [clinic, setClinic] = useState(props.clinics[0]);
  const query = useClinicCost(clinic, props.stages, props.pollIntervalMs);
  return (
    <InfoCard title={`Daily cost of ${clinic}`}>
      <OptionSelect
        id="stagelight-cost-clinic"
        label="Clinic"
        value={clinic}
        options={props.clinics}
        onChange={setClinic}
      />
      <StatusQueryView
        query={query}
        errorTitle={`Could not load the cost of ${clinic}`}
      >
        {environments => (
          <>
            <CostDiagnostics
              diagnostics={environments.flatMap(e =>
                e.diagnostics.map(d => ({
                  ...d,
                  message: `${e.stage}: ${d.message}`,
                })),
              )}
            />
            <DailyCostChartLoader
              title={clinic}
              data={dailyCostByStage(environments)}
              currency={props.currency}
            />
            <Typography variant="h6" style={{ marginTop: 16 }}>
              Savings from sleeping
            </Typography>
            <SavingsTable
              clinic={clinic}
              savings={environments.map(e => ({
                stage: e.stage,
                savings: e.savings,
              }))}
              currency={props.currency}
            />
          </>
        )}
      </StatusQueryView>
    </InfoCard>
  );
}

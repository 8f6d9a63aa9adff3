import {
  makeStyles,
  Table as MuiTable,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { InfoCard } from '@backstage/core-components';
import type {
  CostForecast,
  CostMonthComparison,
  SleepSavings,
} from '@internal/plugin-stagelight-common';
import type { ReactNode } from 'react';
import { formatChange, formatMoney } from '../../cost/money';
import type { StageForecastResult } from '../../hooks';

const useStyles = makeStyles({
  // Words and amounts never break inside: headers wrap between words, amounts
  // and row labels stay on one line, and only the explanations take the rest.
  table: {
    '& th, & td': { wordBreak: 'normal', overflowWrap: 'normal' },
    '& tbody th, & tbody td': { whiteSpace: 'nowrap' },
    '& tbody td$text': { whiteSpace: 'normal' },
  },
  text: {},
});

/** A small table of amounts that never break mid-word or mid-number. */
function Table(props: { 'aria-label': string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <MuiTable
      size="small"
      aria-label={props['aria-label']}
      className={classes.table}
    >
      {props.children}
    </MuiTable>
  );
}

/** An amount in its own right-aligned cell, as every cost column shows it. */
function MoneyCell(props: { amount: number | null; currency: string }) {
  return (
    <TableCell align="right">
      {formatMoney(props.amount, props.currency)}
    </TableCell>
  );
}

interface MonthComparisonProps {
  /** What a row is, e.g. "Stage"; it also names the table and its card. */
  keyHeader: string;
  rows: { key: string; cost: CostMonthComparison }[];
  total?: CostMonthComparison;
  currency: string;
}

/** Month to date against last month, one row per stage or clinic, plus the total. */
function MonthComparisonTable(props: MonthComparisonProps) {
  const { currency } = props;
  const row = (key: string, cost: CostMonthComparison, isTotal = false) => (
    <TableRow key={key}>
      <TableCell component="th" scope="row">
        {isTotal ? <strong>{key}</strong> : key}
      </TableCell>
      <MoneyCell amount={cost.monthToDate} currency={currency} />
      <MoneyCell amount={cost.lastMonthToSameDay} currency={currency} />
      <TableCell align="right">
        {formatChange(cost.monthToDate, cost.lastMonthToSameDay)}
      </TableCell>
      <MoneyCell amount={cost.lastMonth} currency={currency} />
    </TableRow>
  );
  const by = props.keyHeader.toLowerCase();
  if (props.rows.length === 0) {
    return <Typography>No cost recorded by {by} yet.</Typography>;
  }
  return (
    <Table aria-label={`Month to date against last month by ${by}`}>
      <TableHead>
        <TableRow>
          <TableCell>{props.keyHeader}</TableCell>
          <TableCell align="right">Month to date</TableCell>
          <TableCell align="right">Last month, same days</TableCell>
          <TableCell align="right">Change</TableCell>
          <TableCell align="right">Last month, whole</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.rows.map(r => row(r.key, r.cost))}
        {props.total && row('Total', props.total, true)}
      </TableBody>
    </Table>
  );
}

/** The month comparison in a card titled after what a row is, with any notes below it. */
export function MonthComparisonCard(
  props: MonthComparisonProps & { children?: ReactNode },
) {
  const { children, ...table } = props;
  return (
    <InfoCard title={`Month to date by ${table.keyHeader.toLowerCase()}`}>
      <MonthComparisonTable {...table} />
      {children}
    </InfoCard>
  );
}

/** This month's forecast per stage: to date, the rest and the total, and how it was made. */
export function ForecastTable(props: {
  forecasts: StageForecastResult[];
  currency: string;
}) {
  const { currency } = props;
  const classes = useStyles();
  return (
    <Table aria-label="Forecast of this month by stage">
      <TableHead>
        <TableRow>
          <TableCell>Stage</TableCell>
          <TableCell align="right">Month to date</TableCell>
          <TableCell align="right">Rest of month</TableCell>
          <TableCell align="right">Month total</TableCell>
          <TableCell>Method</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.forecasts.map(r => (
          <TableRow key={r.stage}>
            <TableCell component="th" scope="row">
              {r.stage}
            </TableCell>
            {'error' in r ? (
              <TableCell colSpan={4} className={classes.text}>
                Could not read the forecast: {r.error}
              </TableCell>
            ) : (
              <>
                <MoneyCell
                  amount={r.forecast.monthToDate}
                  currency={currency}
                />
                <MoneyCell amount={r.forecast.remainder} currency={currency} />
                <MoneyCell amount={r.forecast.monthTotal} currency={currency} />
                <TableCell className={classes.text}>
                  {forecastMethodName(r.forecast.method)}:{' '}
                  {r.forecast.methodDescription}
                  {r.forecast.diagnostics.map(d => (
                    <div key={d.code}>
                      {d.code}: {d.message}
                    </div>
                  ))}
                </TableCell>
              </>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function forecastMethodName(method: CostForecast['method']): string {
  return method === 'aws-cost-forecast'
    ? 'AWS Cost Explorer forecast'
    : 'Trend of the month so far';
}

/** What sleeping saved per environment of one clinic, with how it was worked out. */
export function SavingsTable(props: {
  clinic: string;
  savings: { stage: string; savings: SleepSavings }[];
  currency: string;
}) {
  const { currency } = props;
  const classes = useStyles();
  return (
    <Table aria-label={`Savings from sleeping in ${props.clinic}`}>
      <TableHead>
        <TableRow>
          <TableCell>Stage</TableCell>
          <TableCell align="right">Hours asleep</TableCell>
          <TableCell align="right">Hours recorded</TableCell>
          <TableCell align="right">Awake hourly rate</TableCell>
          <TableCell align="right">Saved</TableCell>
          <TableCell>Method</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.savings.map(({ stage, savings }) => (
          <TableRow key={stage}>
            <TableCell component="th" scope="row">
              {stage}
            </TableCell>
            <TableCell align="right">
              {savings.asleepHours.toFixed(1)}
            </TableCell>
            <TableCell align="right">
              {savings.recordedHours.toFixed(1)}
            </TableCell>
            <MoneyCell amount={savings.awakeHourlyRate} currency={currency} />
            <MoneyCell amount={savings.amount} currency={currency} />
            <TableCell className={classes.text}>
              {savings.method} ({savings.period.start} to {savings.period.end})
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

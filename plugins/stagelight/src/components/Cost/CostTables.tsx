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
  CostMonthComparison,
  SleepSavings,
} from '@stagelight/backstage-plugin-stagelight-common';
import type { ReactNode } from 'react';
import { formatChange, formatMoney } from '../../cost/money';
import type { StageForecastResult } from '../../hooks';
import { TechnicalDetails } from './TechnicalDetails';

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
  /**
   * Days of this month with cost data: at 0 (the first day of a month, or no
   * data yet) there is no month to date to show or compare, so the table shows
   * the last 30 days and last month instead.
   */
  monthToDateDays: number;
}

/**
 * The columns of the month comparison, each a header and its cell's text:
 * this month against last, or, while this month is empty, the last 30 days
 * and last month.
 */
function comparisonColumns(monthStarted: boolean, currency: string) {
  const money =
    (amount: (c: CostMonthComparison) => number | null) =>
    (c: CostMonthComparison) =>
      formatMoney(amount(c), currency);
  return monthStarted
    ? [
        { header: 'Month to date', text: money(c => c.monthToDate) },
        {
          header: 'Last month, same days',
          text: money(c => c.lastMonthToSameDay),
        },
        {
          header: 'Change',
          text: (c: CostMonthComparison) =>
            formatChange(c.monthToDate, c.lastMonthToSameDay),
        },
        { header: 'Last month, whole', text: money(c => c.lastMonth) },
      ]
    : [
        { header: 'Last 30 days', text: money(c => c.last30Days) },
        { header: 'Last month', text: money(c => c.lastMonth) },
      ];
}

/** Month to date against last month, one row per stage or clinic, plus the total. */
function MonthComparisonTable(props: MonthComparisonProps) {
  const monthStarted = props.monthToDateDays > 0;
  const columns = comparisonColumns(monthStarted, props.currency);
  const row = (key: string, cost: CostMonthComparison, isTotal = false) => (
    <TableRow key={key}>
      <TableCell component="th" scope="row">
        {isTotal ? <strong>{key}</strong> : key}
      </TableCell>
      {columns.map(c => (
        <TableCell key={c.header} align="right">
          {c.text(cost)}
        </TableCell>
      ))}
    </TableRow>
  );
  const by = props.keyHeader.toLowerCase();
  if (props.rows.length === 0) {
    return <Typography>No cost recorded by {by} yet.</Typography>;
  }
  return (
    <Table
      aria-label={
        monthStarted
          ? `Month to date against last month by ${by}`
          : `Last 30 days and last month by ${by}`
      }
    >
      <TableHead>
        <TableRow>
          <TableCell>{props.keyHeader}</TableCell>
          {columns.map(c => (
            <TableCell key={c.header} align="right">
              {c.header}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {props.rows.map(r => row(r.key, r.cost))}
        {props.total && row('Total', props.total, true)}
      </TableBody>
    </Table>
  );
}

/** Says that this month has nothing billed yet, and what is shown instead. */
export function EmptyMonthNote(props: { monthToDateDays: number }) {
  if (props.monthToDateDays > 0) return null;
  return (
    <Typography variant="body2" paragraph>
      Nothing is billed for this month yet: AWS reports each day's cost after
      the day ends. Until then this shows the last 30 days and last month.
    </Typography>
  );
}

/** The month comparison in a card titled after what a row is, with any notes below it. */
export function MonthComparisonCard(
  props: MonthComparisonProps & { children?: ReactNode },
) {
  const { children, ...table } = props;
  const by = table.keyHeader.toLowerCase();
  return (
    <InfoCard
      title={
        table.monthToDateDays > 0
          ? `Month to date by ${by}`
          : `Last 30 days by ${by}`
      }
    >
      <MonthComparisonTable {...table} />
      {children}
    </InfoCard>
  );
}

/** This month's forecast per stage: to date, the rest and the total, and how it was made. */
export function ForecastTable(props: {
  forecasts: StageForecastResult[];
  currency: string;
  /** Days of this month with cost data; at 0 the month to date reads "nothing yet", not $0.00. */
  monthToDateDays: number;
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
          <TableCell>How it is worked out</TableCell>
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
                {props.monthToDateDays > 0 ? (
                  <MoneyCell
                    amount={r.forecast.monthToDate}
                    currency={currency}
                  />
                ) : (
                  <TableCell align="right">nothing billed yet</TableCell>
                )}
                <MoneyCell amount={r.forecast.remainder} currency={currency} />
                <MoneyCell amount={r.forecast.monthTotal} currency={currency} />
                <TableCell className={classes.text}>
                  <TechnicalDetails
                    about={`the ${r.stage} forecast`}
                    detail={r.forecast.methodDetail}
                  >
                    {r.forecast.methodDescription}
                  </TechnicalDetails>
                  {r.forecast.diagnostics.map(d => (
                    <div key={d.code}>
                      <TechnicalDetails
                        about={`the ${r.stage} forecast's note`}
                        detail={d.detail}
                      >
                        {d.message}
                      </TechnicalDetails>
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
          <TableCell>How it is worked out</TableCell>
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
              <TechnicalDetails
                about={`the ${stage} savings`}
                detail={`${savings.methodDetail} (${savings.period.start} to ${savings.period.end})`}
              >
                {savings.method}
              </TechnicalDetails>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

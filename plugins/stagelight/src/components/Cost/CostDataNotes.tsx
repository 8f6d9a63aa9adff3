import { Box, Typography } from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import type {
  CostDataInfo,
  CostDiagnostic,
  CostDiagnosticCode,
} from '@stagelight/backstage-plugin-stagelight-common';
import { formatAge } from '../../status/dataAge';
import { TechnicalDetails } from './TechnicalDetails';

/** A short heading per diagnostic; the backend's message gives the detail. */
const DIAGNOSTIC_TITLES: Record<CostDiagnosticCode, string> = {
  NO_COST_DATA: 'No cost data yet',
  TAGS_NOT_ACTIVATED: 'Cost allocation tags are not activated',
  UNTAGGED_COST: 'Some cost carries no stage or clinic tag',
  BUDGET_EXHAUSTED: "Today's Cost Explorer request budget is spent",
  REFRESH_FAILED: 'The last cost refresh failed',
  STALE_DATA: 'Cost data is out of date',
};

const useStyles = makeStyles(theme => ({
  notes: {
    borderLeft: `4px solid ${theme.palette.warning.main}`,
    listStyle: 'none',
  },
}));

/** Why numbers are missing, old or incomplete, as text that is always on screen. */
export function CostDiagnostics(props: { diagnostics: CostDiagnostic[] }) {
  const classes = useStyles();
  if (props.diagnostics.length === 0) return null;
  return (
    <Box
      component="ul"
      aria-label="Cost data notes"
      mb={2}
      pl={2}
      className={classes.notes}
    >
      {props.diagnostics.map(d => {
        const title = DIAGNOSTIC_TITLES[d.code] ?? d.code;
        return (
          <li key={`${d.code}:${d.message}`}>
            <Typography variant="subtitle2" component="p">
              {title}
            </Typography>
            <TechnicalDetails
              about={title.toLowerCase()}
              detail={[d.code, d.detail].filter(Boolean).join(': ')}
            >
              {d.message}
            </TechnicalDetails>
          </li>
        );
      })}
    </Box>
  );
}

/** Where the numbers come from: last refresh, age, days covered and the request budget. */
export function CostDataAge(props: { data: CostDataInfo }) {
  const { data } = props;
  const age =
    data.dataAgeSeconds === null
      ? 'Cost data has never been read from AWS Cost Explorer.'
      : `Cost data read from AWS Cost Explorer ${formatAge(
          data.dataAgeSeconds,
        )} ago${data.refreshedAt ? ` (${data.refreshedAt})` : ''}.`;
  const days =
    data.firstDay && data.lastDay
      ? ` Days covered: ${data.firstDay} to ${data.lastDay}.`
      : ' No days with cost data.';
  return (
    <Typography variant="body2" paragraph>
      {age}
      {days} Amounts in {data.currency}. Cost Explorer requests today:{' '}
      {data.budget.usedToday} of {data.budget.dailyLimit}.
    </Typography>
  );
}

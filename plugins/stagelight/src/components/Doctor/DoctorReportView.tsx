import {
  Box,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { InfoCard } from '@backstage/core-components';
import type {
  DoctorAccount,
  DoctorReport,
} from '@stagelight/backstage-plugin-stagelight-common';
import {
  accountLabel,
  accountSentence,
  costTagsSentence,
  readinessSentence,
  UNASSIGNED_REASON_TEXT,
} from './doctorSentences';

const useStyles = makeStyles(theme => ({
  failed: { color: theme.palette.error.main, fontWeight: 600 },
  sentence: { marginBottom: theme.spacing(1) },
  section: { marginTop: theme.spacing(2) },
}));

const PERMISSION_STATE_TEXT: Record<string, string> = {
  present: 'present',
  missing: 'missing',
  'not-probed': 'not probed',
  'could-not-check': 'could not check',
};

function AccountCard(props: { account: DoctorAccount; detail: boolean }) {
  const { account, detail } = props;
  const classes = useStyles();
  const failed = account.access.state === 'failed';
  return (
    <InfoCard title={accountLabel(account)}>
      <Typography
        className={`${classes.sentence} ${failed ? classes.failed : ''}`}
        data-testid="doctor-account-sentence"
      >
        {accountSentence(account)}
      </Typography>
      {account.access.identity && (
        <Typography variant="body2">
          Calls act as {account.access.identity}
        </Typography>
      )}
      {account.environments.length > 0 && (
        <Table
          size="small"
          aria-label={`Tagged resources in ${accountLabel(
            account,
          )} by clinic and stage`}
        >
          <TableHead>
            <TableRow>
              <TableCell>Clinic</TableCell>
              <TableCell>Stage</TableCell>
              <TableCell align="right">Tagged resources</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {account.environments.map(e => (
              <TableRow key={`${e.clinic}/${e.stage}`}>
                <TableCell>{e.clinic}</TableCell>
                <TableCell>{e.stage}</TableCell>
                <TableCell align="right">{e.resources}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {detail && account.unassigned && account.unassigned.length > 0 && (
        <Box className={classes.section}>
          <Typography variant="subtitle2">
            Tagged resources no environment takes
          </Typography>
          <ul aria-label={`Unassigned resources in ${accountLabel(account)}`}>
            {account.unassigned.map(u => (
              <li key={u.arn}>
                {u.arn}: {UNASSIGNED_REASON_TEXT[u.reason] ?? u.reason}
                {u.stage ? ` (stage "${u.stage}")` : ''}
              </li>
            ))}
          </ul>
        </Box>
      )}
      {detail && account.permissions && account.permissions.length > 0 && (
        <Table
          size="small"
          aria-label={`Permissions in ${accountLabel(account)}`}
          className={classes.section}
        >
          <TableHead>
            <TableRow>
              <TableCell>IAM action</TableCell>
              <TableCell>Purpose</TableCell>
              <TableCell>Answer</TableCell>
              <TableCell>How it was checked</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {account.permissions.map(p => (
              <TableRow key={p.action}>
                <TableCell>{p.action}</TableCell>
                <TableCell>{p.purpose}</TableCell>
                <TableCell
                  className={p.state === 'missing' ? classes.failed : undefined}
                >
                  {PERMISSION_STATE_TEXT[p.state]}
                </TableCell>
                <TableCell>{p.note}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}

/** The doctor's report: a card per account and region, then readiness and cost allocation tags. */
export function DoctorReportView(props: { report: DoctorReport }) {
  const { report } = props;
  const classes = useStyles();
  const unreachable = report.readiness.filter(r => !r.reachable);
  return (
    <Box display="flex" flexDirection="column" style={{ gap: 16 }}>
      <Typography variant="body2">
        Checked at {new Date(report.checkedAt).toLocaleString()}.
        {!report.detail &&
          ' Role ARNs, AWS error messages, each permission and resource ARNs are shown to platform admins.'}
      </Typography>
      {report.accounts.map(a => (
        <AccountCard
          key={`${a.accountId ?? 'main'}|${a.region}`}
          account={a}
          detail={report.detail}
        />
      ))}
      <InfoCard title="Readiness URLs">
        <Typography className={classes.sentence}>
          {report.readiness.length === 0
            ? 'No environments yet: the first status refresh has not finished.'
            : `${report.readiness.length - unreachable.length} of ${
                report.readiness.length
              } environments answer at their readiness URL.`}
        </Typography>
        {unreachable.length > 0 && (
          <ul aria-label="Environments whose readiness URL does not answer">
            {unreachable.map(r => (
              <li key={`${r.clinic}/${r.stage}`}>
                {readinessSentence(r)}
                {r.url ? ` (${r.url})` : ''}
              </li>
            ))}
          </ul>
        )}
      </InfoCard>
      <InfoCard title="Cost allocation tags">
        <Typography>{costTagsSentence(report.costAllocationTags)}</Typography>
      </InfoCard>
    </Box>
  );
}

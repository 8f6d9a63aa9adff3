import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
} from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import type {
  EnvironmentSummary,
  StageInfo,
} from '@internal/plugin-stagelight-common';
import { DeadLetterText, QueueDepthText } from '../StageBoard/QueueDepthText';
import {
  DataAgeLabel,
  PowerStateLabel,
  ProtectedLabel,
  ReadinessLabel,
} from '../StatusLabels';
import { sortForFleet } from './fleetRows';

const useStyles = makeStyles(theme => ({
  // Short status words stay on one line; the table scrolls sideways instead.
  cell: { verticalAlign: 'top', whiteSpace: 'nowrap' },
  marker: { fontFamily: 'monospace' },
  errors: { margin: 0, paddingLeft: theme.spacing(2) },
}));

const COLUMNS = [
  'Clinic',
  'Stage',
  'Power',
  'Readiness',
  'Deployed marker',
  'Queue',
  'Dead-letter queue',
  'Data',
  'Errors',
];

/**
 * One row per environment, by clinic and then promotion order. The clinic
 * links to its System, which the catalog module names after the clinic.
 */
export function FleetTable(props: {
  environments: EnvironmentSummary[];
  stages: StageInfo[];
  /** Seconds since the answer arrived, added to each environment's reported data age. */
  elapsedSeconds: number;
}) {
  const classes = useStyles();
  return (
    <TableContainer>
      <Table size="small" aria-label="Environments of all clinics">
        <TableHead>
          <TableRow>
            {COLUMNS.map(h => (
              <TableCell
                key={h}
                component="th"
                scope="col"
                className={classes.cell}
              >
                {h}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {sortForFleet(props.environments, props.stages).map(env => (
            <TableRow key={`${env.clinic}/${env.stage}`}>
              <TableCell
                component="th"
                scope="row"
                role="rowheader"
                className={classes.cell}
              >
                <EntityRefLink
                  entityRef={{
                    kind: 'system',
                    namespace: 'default',
                    name: env.clinic,
                  }}
                  title={env.clinic}
                />
              </TableCell>
              <TableCell className={classes.cell}>
                {env.stage}
                {env.protected && (
                  <>
                    <br />
                    <ProtectedLabel />
                  </>
                )}
              </TableCell>
              <TableCell className={classes.cell}>
                <PowerStateLabel power={env.power} />
              </TableCell>
              <TableCell className={classes.cell}>
                <ReadinessLabel readiness={env.readiness} />
              </TableCell>
              <TableCell className={`${classes.cell} ${classes.marker}`}>
                {env.expectedMarker ?? 'none'}
              </TableCell>
              <TableCell className={classes.cell}>
                <QueueDepthText queue={env.queue} />
              </TableCell>
              <TableCell className={classes.cell}>
                <DeadLetterText queue={env.queue} />
              </TableCell>
              <TableCell className={classes.cell}>
                <DataAgeLabel
                  ageSeconds={env.dataAgeSeconds + props.elapsedSeconds}
                />
              </TableCell>
              <TableCell className={classes.cell}>
                {env.errors.length === 0 ? (
                  'None'
                ) : (
                  <ul className={classes.errors}>
                    {env.errors.map((e, i) => (
                      <li key={i}>
                        {e.source}: {e.message}
                      </li>
                    ))}
                  </ul>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

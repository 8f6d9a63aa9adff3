import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { TableCell, TableRow } from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import type {
  EnvironmentSummary,
  StageInfo,
} from '@stagelight/backstage-plugin-stagelight-common';
import {
  DataAgeLabel,
  DeadLetterText,
  PowerStateLabel,
  ProtectedLabel,
  QueueDepthText,
  ReadinessLabel,
} from '../StatusLabels';
import { LabelledTable, RowHeaderCell } from '../Table';
import { sortForFleet } from './fleetRows';

const useStyles = makeStyles(theme => ({
  // Fits a 1280 px laptop without sideways scrolling: power and readiness
  // share a column, as do the queue and its dead-letter queue; names stay on
  // one line, other cells wrap between words (never inside one, which the
  // theme's table cells would), and markers and error texts (ARNs) anywhere.
  table: {
    '& th, & td': {
      verticalAlign: 'top',
      paddingLeft: theme.spacing(1.5),
      paddingRight: theme.spacing(1.5),
      wordBreak: 'normal',
      overflowWrap: 'normal',
    },
    '& tbody th': { whiteSpace: 'nowrap' },
  },
  nowrap: { whiteSpace: 'nowrap' },
  marker: { fontFamily: 'monospace', overflowWrap: 'anywhere', minWidth: 96 },
  errors: {
    margin: 0,
    paddingLeft: theme.spacing(2),
    overflowWrap: 'anywhere',
    minWidth: 160,
  },
  stacked: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
  },
}));

const COLUMNS = [
  'Clinic',
  'Stage',
  'Power and readiness',
  'Deployed marker',
  'Queue and dead letters',
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
    <LabelledTable
      label="Environments of all clinics"
      columns={COLUMNS}
      className={classes.table}
    >
      {sortForFleet(props.environments, props.stages).map(env => (
        <TableRow key={`${env.clinic}/${env.stage}`}>
          <RowHeaderCell>
            <EntityRefLink
              entityRef={{
                kind: 'system',
                namespace: 'default',
                name: env.clinic,
              }}
              title={env.clinic}
            />
          </RowHeaderCell>
          <TableCell className={classes.nowrap}>
            <div className={classes.stacked}>
              <span>{env.stage}</span>
              {env.protected && <ProtectedLabel />}
            </div>
          </TableCell>
          <TableCell>
            <div className={classes.stacked}>
              <PowerStateLabel power={env.power} />
              <ReadinessLabel readiness={env.readiness} />
            </div>
          </TableCell>
          <TableCell className={classes.marker}>
            {env.expectedMarker ?? 'none'}
          </TableCell>
          <TableCell>
            <div className={classes.stacked}>
              <span>
                <QueueDepthText queue={env.queue} />
              </span>
              <span>
                Dead letters: <DeadLetterText queue={env.queue} />
              </span>
            </div>
          </TableCell>
          <TableCell className={classes.nowrap}>
            <DataAgeLabel
              ageSeconds={env.dataAgeSeconds + props.elapsedSeconds}
            />
          </TableCell>
          <TableCell>
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
    </LabelledTable>
  );
}

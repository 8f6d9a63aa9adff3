import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { TableCell, TableRow } from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import type {
  EnvironmentSummary,
  StageInfo,
} from '@internal/plugin-stagelight-common';
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
  // Short status words stay on one line; the table scrolls sideways instead.
  table: { '& th, & td': { verticalAlign: 'top', whiteSpace: 'nowrap' } },
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
          <TableCell>
            {env.stage}
            {env.protected && (
              <>
                <br />
                <ProtectedLabel />
              </>
            )}
          </TableCell>
          <TableCell>
            <PowerStateLabel power={env.power} />
          </TableCell>
          <TableCell>
            <ReadinessLabel readiness={env.readiness} />
          </TableCell>
          <TableCell className={classes.marker}>
            {env.expectedMarker ?? 'none'}
          </TableCell>
          <TableCell>
            <QueueDepthText queue={env.queue} />
          </TableCell>
          <TableCell>
            <DeadLetterText queue={env.queue} />
          </TableCell>
          <TableCell>
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

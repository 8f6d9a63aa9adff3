import { useEffect } from 'react';
import { Typography } from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import { RiForbidLine } from '@remixicon/react';
import type {
  BulkPowerResponse,
  PowerOperation,
  PowerOperationKind,
} from '@stagelight/backstage-plugin-stagelight-common';
import { useOperation } from '../../hooks';
import { environmentCount } from '../../power/bulkTargets';
import { OperationProgress } from '../Power';
import { StatusLabel } from '../StatusLabels';

const useStyles = makeStyles(theme => ({
  list: { margin: 0, paddingLeft: theme.spacing(2) },
}));

export interface BulkPowerResultProps {
  kind: PowerOperationKind;
  /** The target in words, e.g. "every stage of north-clinic". */
  label: string;
  response: BulkPowerResponse;
}

/** One started operation of a bulk request, followed until it ends. */
function StartedLine(props: { operation: PowerOperation }) {
  const tracking = useOperation();
  const { track } = tracking;
  const first = props.operation;
  useEffect(() => {
    track(first);
    // Track once per operation id; later answers come from polling.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [first.id]);
  const op = tracking.operation ?? first;
  return (
    <li>
      {op.clinic}/{op.stage}:{' '}
      <OperationProgress
        operation={op}
        startedAtMs={tracking.startedAtMs ?? Date.now()}
        pollError={tracking.pollError}
      />
    </li>
  );
}

/**
 * What a bulk wake or sleep did, environment by environment: each started
 * operation with its live progress, and each skipped environment with why.
 */
export function BulkPowerResult(props: BulkPowerResultProps) {
  const classes = useStyles();
  const { response } = props;
  const noun = props.kind === 'wake' ? 'wake' : 'sleep';
  return (
    <section aria-label={`Result of the bulk ${noun}`}>
      <Typography variant="subtitle1" component="h3">
        Bulk {noun} of {props.label}: {response.started.length} started,{' '}
        {response.skipped.length} skipped
      </Typography>
      {response.started.length + response.skipped.length === 0 && (
        <Typography>
          {environmentCount(0)} matched; nothing was done.
        </Typography>
      )}
      <ul className={classes.list}>
        {response.started.map(r => (
          <StartedLine key={r.operation.id} operation={r.operation} />
        ))}
        {response.skipped.map(s => (
          <li key={`${s.clinic}/${s.stage}`}>
            {s.clinic}/{s.stage}:{' '}
            <StatusLabel tone="warning" icon={RiForbidLine}>
              Skipped: {s.reason}
            </StatusLabel>
          </li>
        ))}
      </ul>
    </section>
  );
}

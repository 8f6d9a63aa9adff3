import {
  RiCheckboxCircleLine,
  RiErrorWarningLine,
  RiLoader4Line,
} from '@remixicon/react';
import type { PowerOperation } from '@stagelight/backstage-plugin-stagelight-common';
import { Typography } from '@material-ui/core';
import {
  failureText,
  formatDuration,
  isFinished,
  kindNoun,
  operationDurationMs,
  progressText,
} from '../../power/powerView';
import { useNow } from '../../hooks';
import { StatusLabel } from '../StatusLabels';

/**
 * A running operation's current step and elapsed time, or its result once it
 * has ended. Announced politely to screen readers as it changes.
 */
export function OperationProgress(props: {
  operation: PowerOperation;
  /** Browser time (ms since epoch) when the operation was started from this page. */
  startedAtMs: number;
  pollError?: Error;
}) {
  const { operation: op } = props;
  const now = useNow(1_000);
  const elapsedMs = Math.max(0, now - props.startedAtMs);
  let line;
  if (!isFinished(op)) {
    line = (
      <StatusLabel tone="progress" icon={RiLoader4Line}>
        {progressText(op)}, {formatDuration(elapsedMs)} elapsed
      </StatusLabel>
    );
  } else {
    const took = operationDurationMs(op);
    const after = took === undefined ? '' : ` after ${formatDuration(took)}`;
    line =
      op.status === 'succeeded' ? (
        <StatusLabel tone="ok" icon={RiCheckboxCircleLine}>
          {kindNoun(op.kind)} succeeded{after}
        </StatusLabel>
      ) : (
        <StatusLabel tone="error" icon={RiErrorWarningLine}>
          {kindNoun(op.kind)} failed{after}: {failureText(op)}
          {op.outcome === 'partial' &&
            ' (the environment is left partly awake)'}
        </StatusLabel>
      );
  }
  return (
    <div role="status" aria-live="polite">
      {line}
      {props.pollError && !isFinished(op) && (
        <Typography variant="caption" component="div">
          Could not read the progress ({props.pollError.message}); retrying
        </Typography>
      )}
    </div>
  );
}

import { useState } from 'react';
import { Typography } from '@material-ui/core';
import {
  PowerLease,
  PowerOperationResponse,
  PowerState,
  stagelightEnvironmentSleepPermission,
  stagelightEnvironmentWakePermission,
} from '@internal/plugin-stagelight-common';
import { useOperation } from '../../hooks';
import { availableActions, isFinished } from '../../power/powerView';
import { PermittedButton } from '../Permission';
import { OperationProgress } from './OperationProgress';
import { SleepDialog } from './SleepDialog';
import { WakeDialog } from './WakeDialog';

export interface PowerActionsProps {
  clinic: string;
  stage: string;
  power: PowerState;
  protected: boolean;
}

/**
 * The Wake and Sleep actions of one stage column, and the progress of the
 * operation started from here; when it ends, the page reads its status
 * again (see useStagelightRefresh). Wake shows while the environment is not
 * awake, Sleep while it is; protected stages never offer Sleep.
 */
export function PowerActions(props: PowerActionsProps) {
  const { clinic, stage } = props;
  const [dialog, setDialog] = useState<'wake' | 'sleep'>();
  const [lease, setLease] = useState<PowerLease | null>(null);
  // The board's power state when the operation began: until the board's
  // (slower) snapshot moves on from it, the operation's outcome is newer.
  const [powerAtStart, setPowerAtStart] = useState<PowerState>();
  const tracking = useOperation();
  const running = tracking.operation && !isFinished(tracking.operation);

  const started = (response: PowerOperationResponse) => {
    setDialog(undefined);
    setLease(response.lease);
    setPowerAtStart(props.power);
    tracking.track(response.operation);
  };

  const op = tracking.operation;
  const power: PowerState =
    op && isFinished(op) && op.outcome && props.power === powerAtStart
      ? op.outcome
      : props.power;
  const actions = availableActions(power, props.protected);

  return (
    <>
      {tracking.operation && (
        <OperationProgress
          operation={tracking.operation}
          startedAtMs={tracking.startedAtMs ?? Date.now()}
          pollError={tracking.pollError}
        />
      )}
      {lease && tracking.operation?.kind === 'wake' && (
        <Typography variant="caption" component="div">
          Held awake until {new Date(lease.endsAt).toLocaleString()}
        </Typography>
      )}
      {!running && (
        <>
          {actions.wake && (
            <PermittedButton
              id={`stagelight-wake-${clinic}-${stage}`}
              permission={stagelightEnvironmentWakePermission}
              label="Wake"
              what="wake environments"
              onClick={() => setDialog('wake')}
            />
          )}
          {actions.sleep && (
            <PermittedButton
              id={`stagelight-sleep-${clinic}-${stage}`}
              permission={stagelightEnvironmentSleepPermission}
              label="Sleep"
              what="put environments to sleep"
              onClick={() => setDialog('sleep')}
            />
          )}
          {props.protected && power === 'awake' && (
            <Typography variant="caption" component="div">
              Protected: never put to sleep
            </Typography>
          )}
          {(power === 'waking' || power === 'sleeping') &&
            !tracking.operation && (
              <Typography variant="caption" component="div">
                {power === 'waking' ? 'Waking' : 'Going to sleep'} (no action
                until it settles)
              </Typography>
            )}
        </>
      )}
      <WakeDialog
        open={dialog === 'wake'}
        clinic={clinic}
        stage={stage}
        protected={props.protected}
        onClose={() => setDialog(undefined)}
        onStarted={started}
      />
      {actions.sleep && (
        <SleepDialog
          open={dialog === 'sleep'}
          clinic={clinic}
          stage={stage}
          onClose={() => setDialog(undefined)}
          onStarted={started}
        />
      )}
    </>
  );
}

import { useState } from 'react';
import { Typography } from '@material-ui/core';
import {
  PowerOperationResponse,
  PowerState,
} from '@stagelight/backstage-plugin-stagelight-common';
import { useOperation } from '../../hooks';
import { availableActions, isFinished } from '../../power/powerView';
import { OperationProgress } from './OperationProgress';
import { PowerButton } from './PowerButton';
import { SleepDialog } from './SleepDialog';
import { WakeDialog } from './WakeDialog';

export interface PowerActionsProps {
  clinic: string;
  stage: string;
  /** Who owns the clinic (its owner tag): wake and sleep are decided per environment. */
  owner?: string | null;
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
  const environment = { clinic, stage, owner: props.owner ?? null };
  const [dialog, setDialog] = useState<'wake' | 'sleep'>();
  // The board's power state when the operation began: until the board's
  // (slower) snapshot moves on from it, the operation's outcome is newer.
  const [powerAtStart, setPowerAtStart] = useState<PowerState>();
  const tracking = useOperation();
  const running = tracking.operation && !isFinished(tracking.operation);

  const started = (response: PowerOperationResponse) => {
    setDialog(undefined);
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
      {!running && (
        <>
          {actions.wake && (
            <PowerButton
              environment={environment}
              kind="wake"
              id={`stagelight-wake-${clinic}-${stage}`}
              label="Wake"
              onClick={() => setDialog('wake')}
            />
          )}
          {actions.sleep && (
            <PowerButton
              environment={environment}
              kind="sleep"
              id={`stagelight-sleep-${clinic}-${stage}`}
              label="Sleep"
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

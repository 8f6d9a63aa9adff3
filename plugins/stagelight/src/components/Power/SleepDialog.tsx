import { DialogContentText } from '@material-ui/core';
import type { PowerOperationResponse } from '@stagelight/backstage-plugin-stagelight-common';
import { useApi } from '@backstage/core-plugin-api';
import { stagelightApiRef } from '../../api';
import { EnvironmentDialogProps, PowerDialog } from './PowerDialog';

export interface SleepDialogProps extends EnvironmentDialogProps {
  /** Called with the backend's answer once the sleep has been accepted. */
  onStarted(response: PowerOperationResponse): void;
}

/** Put one environment to sleep, after saying plainly what that does. */
export function SleepDialog(props: SleepDialogProps) {
  const { clinic, stage } = props;
  const api = useApi(stagelightApiRef);

  return (
    <PowerDialog
      open={props.open}
      idPrefix={`stagelight-sleep-${clinic}-${stage}`}
      title={`Put ${clinic}/${stage} to sleep`}
      submitLabel="Sleep"
      description={
        <DialogContentText>
          This puts {clinic}/{stage} to sleep: its services scale to 0 and its
          database stops, so nobody can use {stage} until it is woken again. Its
          desired counts are remembered for the next wake.
        </DialogContentText>
      }
      onClose={props.onClose}
      onSubmit={async reason => {
        const response = await api.sleep(clinic, stage, { reason });
        props.onStarted(response);
      }}
    />
  );
}

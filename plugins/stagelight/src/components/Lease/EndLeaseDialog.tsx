import { DialogContentText } from '@material-ui/core';
import type { PowerLease } from '@stagelight/backstage-plugin-stagelight-common';
import { useApi } from '@backstage/core-plugin-api';
import { stagelightApiRef } from '../../api';
import { EnvironmentDialogProps, PowerDialog } from '../Power';

export interface EndLeaseDialogProps extends EnvironmentDialogProps {
  onEnded(lease: PowerLease): void;
}

/** Ends a lease early, handing the environment back to its schedule. */
export function EndLeaseDialog(props: EndLeaseDialogProps) {
  const { clinic, stage } = props;
  const api = useApi(stagelightApiRef);
  return (
    <PowerDialog
      open={props.open}
      idPrefix={`stagelight-end-lease-${clinic}-${stage}`}
      title={`End the lease of ${clinic}/${stage}`}
      submitLabel="End lease"
      description={
        <DialogContentText>
          Ends the lease now: {clinic}/{stage} is no longer held awake and its
          schedule decides again. If the schedule says asleep, the scheduler
          puts it to sleep on its next run.
        </DialogContentText>
      }
      onClose={props.onClose}
      onSubmit={async reason => {
        const { lease } = await api.endLease(clinic, stage, reason);
        props.onEnded(lease);
      }}
    />
  );
}

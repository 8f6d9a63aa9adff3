import { useState } from 'react';
import { DialogContentText } from '@material-ui/core';
import type { PowerOperationResponse } from '@stagelight/backstage-plugin-stagelight-common';
import { useApi } from '@backstage/core-plugin-api';
import { stagelightApiRef } from '../../api';
import { DEFAULT_LEASE_HOURS } from '../../power/powerView';
import { KeepAwakeField } from './LeaseHoursField';
import { EnvironmentDialogProps, PowerDialog } from './PowerDialog';

export interface WakeDialogProps extends EnvironmentDialogProps {
  /** Called with the backend's answer once the wake has been accepted. */
  onStarted(response: PowerOperationResponse): void;
  /** A protected stage stays awake whatever happens: it takes no lease. */
  protected?: boolean;
}

/** Wake one environment, held awake by a lease of the chosen length. */
export function WakeDialog(props: WakeDialogProps) {
  const { clinic, stage } = props;
  const api = useApi(stagelightApiRef);
  const [leaseHours, setLeaseHours] = useState<number>(DEFAULT_LEASE_HOURS);
  const idPrefix = `stagelight-wake-${clinic}-${stage}`;

  return (
    <PowerDialog
      open={props.open}
      idPrefix={idPrefix}
      title={`Wake ${clinic}/${stage}`}
      submitLabel="Wake"
      description={
        <DialogContentText>
          Starts the database, restores the services' desired counts and waits
          until the deployed version is served.{' '}
          {props.protected
            ? `${stage} is protected: it stays awake, so it takes no lease.`
            : 'The environment stays awake for the lease, then its schedule decides again.'}
        </DialogContentText>
      }
      onClose={props.onClose}
      onSubmit={async reason => {
        const response = await api.wake(
          clinic,
          stage,
          props.protected ? { reason } : { reason, leaseHours },
        );
        props.onStarted(response);
      }}
    >
      {!props.protected && (
        <KeepAwakeField
          id={`${idPrefix}-lease`}
          value={leaseHours}
          onChange={setLeaseHours}
        />
      )}
    </PowerDialog>
  );
}

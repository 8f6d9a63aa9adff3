import { useEffect, useState } from 'react';
import { DialogContentText } from '@material-ui/core';
import type { PowerLease } from '@stagelight/backstage-plugin-stagelight-common';
import { useApi } from '@backstage/core-plugin-api';
import { stagelightApiRef } from '../../api';
import { EnvironmentDialogProps, LeaseHoursField, PowerDialog } from '../Power';

export interface ExtendLeaseDialogProps extends EnvironmentDialogProps {
  lease: PowerLease;
  /** The hours the lease may still be extended by (see extendableHours). */
  hourOptions: number[];
  /** The hours chosen when the dialog opens; 1 unless given. */
  initialHours?: number;
  onExtended(lease: PowerLease): void;
}

/** Keeps an environment awake longer: moves its lease's end later by whole hours. */
export function ExtendLeaseDialog(props: ExtendLeaseDialogProps) {
  const { clinic, stage } = props;
  const api = useApi(stagelightApiRef);
  const [hours, setHours] = useState(props.initialHours ?? 1);
  // Each opening starts from the hours it was opened with.
  useEffect(() => {
    if (props.open) setHours(props.initialHours ?? 1);
  }, [props.open, props.initialHours]);
  const idPrefix = `stagelight-extend-${clinic}-${stage}`;
  const chosen = props.hourOptions.includes(hours)
    ? hours
    : props.hourOptions[0] ?? 1;

  return (
    <PowerDialog
      open={props.open}
      idPrefix={idPrefix}
      title={`Extend the lease of ${clinic}/${stage}`}
      submitLabel="Extend lease"
      description={
        <DialogContentText>
          {clinic}/{stage} is held awake until{' '}
          {new Date(props.lease.endsAt).toLocaleString()}. Extending moves that
          end later; a lease may reach at most the configured number of hours
          ahead.
        </DialogContentText>
      }
      onClose={props.onClose}
      onSubmit={async reason => {
        const { lease } = await api.extendLease(clinic, stage, {
          hours: chosen,
          reason,
        });
        props.onExtended(lease);
      }}
    >
      <LeaseHoursField
        id={`${idPrefix}-hours`}
        label="Extend by"
        value={chosen}
        options={props.hourOptions}
        onChange={setHours}
      />
    </PowerDialog>
  );
}

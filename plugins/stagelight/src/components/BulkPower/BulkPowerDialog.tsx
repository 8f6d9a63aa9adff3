import { useState } from 'react';
import { DialogContentText } from '@material-ui/core';
import { useApi } from '@backstage/core-plugin-api';
import type {
  BulkPowerResponse,
  PowerOperationKind,
} from '@stagelight/backstage-plugin-stagelight-common';
import { stagelightApiRef } from '../../api';
import {
  BulkTarget,
  bulkEffect,
  environmentCount,
} from '../../power/bulkTargets';
import { DEFAULT_LEASE_HOURS } from '../../power/powerView';
import { KeepAwakeField, PowerDialog } from '../Power';

export interface BulkPowerDialogProps {
  open: boolean;
  kind: PowerOperationKind;
  target: BulkTarget;
  onClose(): void;
  /** Called with the backend's answer once the bulk request has been accepted. */
  onStarted(response: BulkPowerResponse): void;
}

const names = (envs: { clinic: string; stage: string }[]) =>
  envs.map(e => `${e.clinic}/${e.stage}`).join(', ');

/** Bulk dialog titles, shared with the result so both name the target the same way. */
export function bulkTitle(kind: PowerOperationKind, target: BulkTarget) {
  return kind === 'wake'
    ? `Wake ${target.label}`
    : `Put ${target.label} to sleep`;
}

/**
 * Confirms a wake or sleep of a whole clinic or stage: says how many
 * environments it touches and which protected ones a sleep skips, asks for
 * the reason (and the lease for a wake).
 */
export function BulkPowerDialog(props: BulkPowerDialogProps) {
  const { kind, target } = props;
  const api = useApi(stagelightApiRef);
  const [leaseHours, setLeaseHours] = useState<number>(DEFAULT_LEASE_HOURS);
  const { acted, skippedProtected } = bulkEffect(target, kind);
  const idPrefix = `stagelight-bulk-${kind}`;

  const description =
    kind === 'wake' ? (
      <DialogContentText>
        This wakes {environmentCount(acted.length)}: {names(acted)}. Each starts
        its own wake operation and stays awake for the lease, then its schedule
        decides again.
      </DialogContentText>
    ) : (
      <DialogContentText>
        This puts {environmentCount(acted.length)} to sleep
        {acted.length > 0 && `: ${names(acted)}`}. Their services scale to 0 and
        their databases stop. Protected stages are skipped (never put to sleep)
        {skippedProtected.length > 0
          ? `: ${names(skippedProtected)}.`
          : '; none is in this selection.'}
      </DialogContentText>
    );

  return (
    <PowerDialog
      open={props.open}
      idPrefix={idPrefix}
      title={bulkTitle(kind, target)}
      submitLabel={kind === 'wake' ? 'Wake all' : 'Sleep all'}
      description={description}
      onClose={props.onClose}
      onSubmit={async reason => {
        const response =
          kind === 'wake'
            ? await api.bulkWake(target.scope, { reason, leaseHours })
            : await api.bulkSleep(target.scope, { reason });
        props.onStarted(response);
      }}
    >
      {kind === 'wake' && (
        <KeepAwakeField
          id={`${idPrefix}-lease`}
          value={leaseHours}
          onChange={setLeaseHours}
        />
      )}
    </PowerDialog>
  );
}

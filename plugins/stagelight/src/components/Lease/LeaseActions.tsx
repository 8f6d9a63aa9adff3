import { useEffect, useState } from 'react';
import { Box, Typography } from '@material-ui/core';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  PowerLease,
  stagelightEnvironmentSleepPermission,
  stagelightEnvironmentWakePermission,
} from '@stagelight/backstage-plugin-stagelight-common';
import { useExtendRequest } from '../../hooks/useExtendRequest';
import { extendableHours, isLeaseRunning } from '../../power/lease';
import { environmentAccess, PermittedButton } from '../Permission';
import { EndLeaseDialog } from './EndLeaseDialog';
import { ExtendLeaseDialog } from './ExtendLeaseDialog';

export interface LeaseActionsProps {
  clinic: string;
  stage: string;
  /** Who owns the clinic (its owner tag): leases are decided per environment. */
  owner?: string | null;
  lease: PowerLease | null;
  /** How far ahead of now a lease may reach, as the backend allows. */
  maxLeaseHours: number;
  /** The current time (ms since epoch); leases are judged against it. */
  nowMs: number;
  /** Called after the lease was extended or ended, to read the plan again. */
  onChanged?(lease: PowerLease): void;
}

/** The hours a lease warning's link (`?extend=<stage>`) preselects. */
const REQUESTED_EXTENSION_HOURS = 1;

/**
 * The running lease of one environment, and its Extend lease (wake
 * permission) and End lease (sleep permission) actions with their results.
 * Opened from a lease warning (`?extend=<stage>`), it opens the extend
 * dialog with 1 hour chosen when the user may extend the lease, and clears
 * the parameter.
 */
export function LeaseActions(props: LeaseActionsProps) {
  const { clinic, stage, lease, nowMs } = props;
  const [dialog, setDialog] = useState<'extend' | 'end'>();
  const [result, setResult] = useState<string>();
  const idPrefix = `stagelight-lease-${clinic}-${stage}`;
  const environment = { clinic, stage, owner: props.owner ?? null };

  const changed = (text: string, changedLease: PowerLease) => {
    setDialog(undefined);
    setResult(text);
    props.onChanged?.(changedLease);
  };

  const running = isLeaseRunning(lease, nowMs);
  const hours = running
    ? extendableHours(lease, nowMs, props.maxLeaseHours)
    : [];

  const extendAccess = environmentAccess(
    stagelightEnvironmentWakePermission,
    environment,
    { any: 'extend leases', one: ref => `extend the lease of ${ref}` },
  );
  const mayExtend = usePermission({
    permission: stagelightEnvironmentWakePermission,
    resourceRef: extendAccess.resourceRef!,
  });
  const { requested: extendRequested, clear: clearExtendRequest } =
    useExtendRequest(stage);
  const [initialHours, setInitialHours] = useState<number>();
  const canExtend = running && hours.includes(REQUESTED_EXTENSION_HOURS);
  useEffect(() => {
    if (!extendRequested || mayExtend.loading) return;
    if (canExtend && mayExtend.allowed) {
      setInitialHours(REQUESTED_EXTENSION_HOURS);
      setDialog('extend');
    } else if (!running) {
      setResult('The lease has already ended: wake it with a lease instead');
    }
    // A denied or capped extension shows on the button itself.
    clearExtendRequest();
  }, [
    extendRequested,
    clearExtendRequest,
    mayExtend.loading,
    mayExtend.allowed,
    canExtend,
    running,
  ]);

  return (
    <>
      {running && (
        <>
          <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
            <PermittedButton
              id={`${idPrefix}-extend`}
              permission={stagelightEnvironmentWakePermission}
              {...extendAccess}
              label="Extend lease"
              disabled={hours.length === 0}
              onClick={() => {
                setInitialHours(undefined);
                setDialog('extend');
              }}
            />
            <PermittedButton
              id={`${idPrefix}-end`}
              permission={stagelightEnvironmentSleepPermission}
              {...environmentAccess(
                stagelightEnvironmentSleepPermission,
                environment,
                { any: 'end leases', one: ref => `end the lease of ${ref}` },
              )}
              label="End lease"
              onClick={() => setDialog('end')}
            />
          </Box>
          {hours.length === 0 && (
            <Typography variant="caption" component="div">
              The lease already reaches {props.maxLeaseHours} hours ahead, the
              most allowed.
            </Typography>
          )}
        </>
      )}
      {result && (
        <div role="status" aria-live="polite">
          <Typography variant="caption">{result}</Typography>
        </div>
      )}
      {running && (
        <>
          <ExtendLeaseDialog
            open={dialog === 'extend'}
            clinic={clinic}
            stage={stage}
            lease={lease}
            hourOptions={hours}
            initialHours={initialHours}
            onClose={() => setDialog(undefined)}
            onExtended={l =>
              changed(
                `Lease extended until ${new Date(l.endsAt).toLocaleString()}`,
                l,
              )
            }
          />
          <EndLeaseDialog
            open={dialog === 'end'}
            clinic={clinic}
            stage={stage}
            onClose={() => setDialog(undefined)}
            onEnded={l => changed('Lease ended; the schedule decides again', l)}
          />
        </>
      )}
    </>
  );
}

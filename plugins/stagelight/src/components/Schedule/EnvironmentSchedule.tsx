import { useState } from 'react';
import { Box, LinearProgress, Typography } from '@material-ui/core';
import { stagelightScheduleEditPermission } from '@stagelight/backstage-plugin-stagelight-common';
import { useEnvironmentPlan, useNow, useStagelightRefresh } from '../../hooks';
import { useApi } from '@backstage/core-plugin-api';
import { stagelightApiRef } from '../../api';
import { requestErrorText } from '../../power/powerView';
import { LeaseActions } from '../Lease';
import { environmentAccess, PermittedButton } from '../Permission';
import { ScheduleEditorDialog } from './ScheduleEditorDialog';
import { ScheduleSummary } from './ScheduleSummary';

export interface EnvironmentScheduleProps {
  clinic: string;
  stage: string;
  /** Who owns the clinic (its owner tag): leases and schedules are decided per environment. */
  owner?: string | null;
}

/**
 * One stage column's lease and schedule: the lease and the schedule with its
 * next transition, said once (ScheduleSummary), then Extend/End for a running
 * lease and Edit for the schedule.
 * Protected stages are always on, so they offer neither. A change made here
 * is told to the page (`planChanged`), whose history then reads it.
 */
export function EnvironmentSchedule(props: EnvironmentScheduleProps) {
  const { clinic, stage } = props;
  const query = useEnvironmentPlan(clinic, stage);
  const { planChanged } = useStagelightRefresh();
  const now = useNow();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const [removeError, setRemoveError] = useState<string>();
  const api = useApi(stagelightApiRef);

  if (query.loading) {
    return <LinearProgress aria-label={`Loading the schedule of ${stage}`} />;
  }
  const plan = query.value;
  if (!plan) {
    return query.error ? (
      <Typography variant="body2" role="alert">
        Could not load the schedule: {requestErrorText(query.error)}
      </Typography>
    ) : null;
  }
  if (plan.protected) {
    return (
      <Typography variant="body2">
        Protected: always on, whatever the schedule
      </Typography>
    );
  }

  const changed = () => {
    query.reload();
    planChanged();
  };
  const access = (one: (ref: string) => string) =>
    environmentAccess(
      stagelightScheduleEditPermission,
      { clinic, stage, owner: props.owner ?? null },
      { any: 'edit schedules', one },
    );

  return (
    <>
      {query.error && (
        <Typography variant="caption" component="div" role="alert">
          Could not refresh; showing the last answer (
          {requestErrorText(query.error)})
        </Typography>
      )}
      <ScheduleSummary plan={plan} nowMs={now} />
      <LeaseActions
        clinic={clinic}
        stage={stage}
        owner={props.owner}
        lease={plan.lease}
        maxLeaseHours={plan.maxLeaseHours}
        nowMs={now}
        onChanged={changed}
      />
      <Box mt={1}>
        <PermittedButton
          id={`stagelight-schedule-${clinic}-${stage}-edit`}
          permission={stagelightScheduleEditPermission}
          {...access(ref => `edit the schedule of ${ref}`)}
          label="Edit schedule"
          onClick={() => {
            setSaved(false);
            setEditing(true);
          }}
        />
        {plan.source === 'override' && (
          <PermittedButton
            id={`stagelight-schedule-${clinic}-${stage}-remove`}
            permission={stagelightScheduleEditPermission}
            {...access(ref => `remove the schedule override of ${ref}`)}
            label="Remove override"
            onClick={async () => {
              setSaved(false);
              setRemoveError(undefined);
              try {
                await api.deleteSchedule(clinic, stage);
                changed();
              } catch (error) {
                setRemoveError(requestErrorText(error));
              }
            }}
          />
        )}
      </Box>
      {removeError && (
        <Typography variant="caption" component="div" role="alert">
          Could not remove the schedule: {removeError}
        </Typography>
      )}
      {saved && (
        <div role="status" aria-live="polite">
          <Typography variant="caption">Schedule saved</Typography>
        </div>
      )}
      <ScheduleEditorDialog
        open={editing}
        plan={plan}
        nowMs={now}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          setSaved(true);
          changed();
        }}
      />
    </>
  );
}

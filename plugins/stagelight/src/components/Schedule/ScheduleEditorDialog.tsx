import { FormEvent, useEffect, useState } from 'react';
import { DialogContentText, TextField, Typography } from '@material-ui/core';
import { useApi } from '@backstage/core-plugin-api';
import type { ScheduleResponse } from '@stagelight/backstage-plugin-stagelight-common';
import { stagelightApiRef } from '../../api';
import { requestErrorText } from '../../power/powerView';
import {
  draftOf,
  draftProblems,
  MAX_PRE_WARM_MINUTES,
  ScheduleDraft,
  scheduleOf,
} from '../../schedule/scheduleDraft';
import {
  browserTimeZone,
  isValidTimeZone,
  knownTimeZones,
} from '../../schedule/timeZones';
import { FormDialog } from '../Dialog';
import { ExceptionsEditor } from './ExceptionsEditor';
import { ScheduleCostImpact } from './ScheduleCostImpact';
import { WindowsEditor } from './WindowsEditor';

export interface ScheduleEditorDialogProps {
  open: boolean;
  /** The environment's plan as last read: its schedule is the form's start. */
  plan: ScheduleResponse;
  onClose(): void;
  onSaved(plan: ScheduleResponse): void;
  /** The current time (ms since epoch), for a new exception's date. */
  nowMs: number;
}

/**
 * Edits an environment's schedule override: time zone, weekly windows,
 * pre-warm lead and dated exceptions. Problems are listed before saving;
 * the backend's refusal (400) is shown as it says it.
 */
export function ScheduleEditorDialog(props: ScheduleEditorDialogProps) {
  const { open, plan } = props;
  const { clinic, stage } = plan;
  const api = useApi(stagelightApiRef);
  const [draft, setDraft] = useState<ScheduleDraft>(() =>
    draftOf(plan.schedule, browserTimeZone()),
  );
  const [problems, setProblems] = useState<string[]>([]);
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const idPrefix = `stagelight-schedule-${clinic}-${stage}`;
  const titleId = `${idPrefix}-title`;

  // Each opening starts from the schedule in force, not from an abandoned edit.
  useEffect(() => {
    if (open) {
      setDraft(draftOf(plan.schedule, browserTimeZone()));
      setProblems([]);
      setError(undefined);
    }
  }, [open, plan.schedule]);

  const close = () => {
    if (!saving) props.onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = draftProblems(draft);
    setProblems(found);
    setError(undefined);
    if (found.length > 0 || saving) return;
    setSaving(true);
    try {
      props.onSaved(await api.putSchedule(clinic, stage, scheduleOf(draft)));
    } catch (e) {
      setError(requestErrorText(e));
    } finally {
      setSaving(false);
    }
  };

  const zoneInvalid = !isValidTimeZone(draft.timeZone);
  const today = new Date(props.nowMs).toISOString().slice(0, 10);

  return (
    <FormDialog
      open={open}
      titleId={titleId}
      title={`Schedule of ${clinic}/${stage}`}
      maxWidth="md"
      error={error}
      submitLabel="Save schedule"
      busyLabel="Saving…"
      busy={saving}
      onClose={close}
      onSubmit={submit}
    >
      <DialogContentText>
        {plan.source === 'override'
          ? `${clinic}/${stage} has its own schedule; saving replaces it.`
          : `${clinic}/${stage} follows ${
              plan.source === 'stage-default'
                ? `the ${stage} stage's default schedule`
                : 'no schedule'
            }; saving gives it its own.`}{' '}
        Outside every window it should sleep; a lease keeps it awake regardless.
      </DialogContentText>
      <TextField
        id={`${idPrefix}-zone`}
        label="Time zone"
        value={draft.timeZone}
        onChange={e => setDraft({ ...draft, timeZone: e.target.value })}
        // The dialog's first field takes focus when it opens (WAI-ARIA dialog pattern).
        // eslint-disable-next-line jsx-a11y/no-autofocus
        autoFocus
        error={zoneInvalid}
        helperText={
          zoneInvalid
            ? 'Not an IANA time zone; e.g. Europe/Berlin or America/New_York'
            : 'IANA time zone the windows and dates are in'
        }
        inputProps={{ list: `${idPrefix}-zones` }}
        margin="normal"
      />
      <datalist id={`${idPrefix}-zones`}>
        {knownTimeZones().map(z => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <TextField
        id={`${idPrefix}-prewarm`}
        type="number"
        label="Pre-warm minutes"
        value={draft.preWarmMinutes}
        onChange={e => setDraft({ ...draft, preWarmMinutes: e.target.value })}
        helperText="Wake this long before each window starts"
        inputProps={{ min: 0, max: MAX_PRE_WARM_MINUTES, step: 1 }}
        margin="normal"
        style={{ marginLeft: 16 }}
      />
      <WindowsEditor
        idPrefix={idPrefix}
        items={draft.windows}
        onChange={windows => setDraft({ ...draft, windows })}
      />
      <ExceptionsEditor
        idPrefix={idPrefix}
        items={draft.exceptions}
        today={today}
        onChange={exceptions => setDraft({ ...draft, exceptions })}
      />
      <ScheduleCostImpact
        clinic={clinic}
        stage={stage}
        schedule={
          draftProblems(draft).length === 0 ? scheduleOf(draft) : undefined
        }
      />
      {problems.length > 0 && (
        <div role="alert">
          <Typography color="error">Fix these before saving:</Typography>
          <ul>
            {problems.map(p => (
              <li key={p}>
                <Typography color="error" variant="body2">
                  {p}
                </Typography>
              </li>
            ))}
          </ul>
        </div>
      )}
    </FormDialog>
  );
}

import { FormEvent, ReactNode, useState } from 'react';
import { TextField } from '@material-ui/core';
import { requestErrorText } from '../../power/powerView';
import { FormDialog } from '../Dialog';

/** What every dialog acting on one environment is given. */
export interface EnvironmentDialogProps {
  open: boolean;
  clinic: string;
  stage: string;
  onClose(): void;
}

export interface PowerDialogProps {
  open: boolean;
  /** Distinguishes the ids of this dialog's fields from other columns' dialogs. */
  idPrefix: string;
  title: string;
  /** The button that submits, e.g. "Wake". */
  submitLabel: string;
  /** What will happen, shown above the fields. */
  description: ReactNode;
  /** Extra fields below the reason. */
  children?: ReactNode;
  onClose(): void;
  /** Sends the request; a rejection is shown in the dialog, which stays open. */
  onSubmit(reason: string): Promise<void>;
}

/**
 * The form both power actions share: a required reason (it goes into the
 * audit history), the request's errors in words, keyboard submit with Enter
 * and focus on the reason when it opens.
 */
export function PowerDialog(props: PowerDialogProps) {
  const { open, idPrefix, title, onClose } = props;
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();

  const missing = reason.trim() === '';
  const titleId = `${idPrefix}-title`;
  const reasonId = `${idPrefix}-reason`;

  const close = () => {
    if (sending) return;
    setReason('');
    setTouched(false);
    setError(undefined);
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (missing || sending) return;
    setSending(true);
    setError(undefined);
    try {
      await props.onSubmit(reason.trim());
      setReason('');
      setTouched(false);
    } catch (e) {
      setError(requestErrorText(e));
    } finally {
      setSending(false);
    }
  };

  return (
    <FormDialog
      open={open}
      titleId={titleId}
      title={title}
      error={error}
      submitLabel={props.submitLabel}
      busyLabel={`${props.submitLabel}…`}
      busy={sending}
      onClose={close}
      onSubmit={submit}
    >
      {props.description}
      <TextField
        id={reasonId}
        label="Reason"
        value={reason}
        onChange={e => setReason(e.target.value)}
        required
        // A modal dialog the user just opened moves focus to its first field (WAI-ARIA dialog pattern).
        // eslint-disable-next-line jsx-a11y/no-autofocus
        autoFocus
        fullWidth
        margin="normal"
        error={touched && missing}
        helperText={
          touched && missing
            ? 'A reason is required; it is recorded in the history'
            : 'Recorded in the history with your name'
        }
        inputProps={{ maxLength: 500 }}
      />
      {props.children}
    </FormDialog>
  );
}

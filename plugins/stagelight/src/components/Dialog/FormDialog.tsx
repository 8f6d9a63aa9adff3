import { FormEvent, ReactNode } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogProps,
  DialogTitle,
  Typography,
} from '@material-ui/core';

export interface FormDialogProps {
  open: boolean;
  /** The title's id; the dialog is labelled by it. */
  titleId: string;
  title: ReactNode;
  maxWidth?: DialogProps['maxWidth'];
  /** The request's failure in words, shown below the fields. */
  error?: string;
  /** The submit button's label, e.g. "Wake". */
  submitLabel: string;
  /** Its label while the request runs, e.g. "Wake…". */
  busyLabel: string;
  /** While true both buttons are disabled: the request is not sent twice. */
  busy: boolean;
  /** Cancel, Escape and a click outside; the caller decides whether a busy dialog may close. */
  onClose(): void;
  onSubmit(event: FormEvent): void;
  /** The fields. */
  children: ReactNode;
}

/**
 * The frame of a dialog that sends one request: a form (Enter submits) with
 * a title, the fields, the request's error and Cancel / submit buttons.
 */
export function FormDialog(props: FormDialogProps) {
  return (
    <Dialog
      open={props.open}
      onClose={props.onClose}
      aria-labelledby={props.titleId}
      fullWidth
      maxWidth={props.maxWidth}
    >
      <form onSubmit={props.onSubmit} noValidate>
        <DialogTitle id={props.titleId}>{props.title}</DialogTitle>
        <DialogContent>
          {props.children}
          {props.error && (
            <Typography color="error" role="alert">
              {props.error}
            </Typography>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose} disabled={props.busy}>
            Cancel
          </Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={props.busy}
          >
            {props.busy ? props.busyLabel : props.submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

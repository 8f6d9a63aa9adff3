import { TextField } from '@material-ui/core';

export interface TimeFieldProps {
  id: string;
  label: string;
  /** The time of day, HH:MM. */
  value: string;
  onChange(value: string): void;
  helperText?: string;
}

/**
 * A native time-of-day input (HH:MM, as schedules hold it). The label stays
 * above the field, also while it is empty.
 */
export function TimeField(props: TimeFieldProps) {
  return (
    <TextField
      id={props.id}
      label={props.label}
      type="time"
      value={props.value}
      onChange={e => props.onChange(e.target.value)}
      InputLabelProps={{ shrink: true }}
      helperText={props.helperText}
    />
  );
}

import { TextField } from '@material-ui/core';
import { LEASE_HOUR_OPTIONS } from '../../power/powerView';

export interface LeaseHoursFieldProps {
  id: string;
  /** e.g. "Keep awake for" or "Extend by". */
  label: string;
  value: number;
  /** The whole hours offered, in order. */
  options: readonly number[];
  onChange(hours: number): void;
}

/** A choice of whole hours for a lease: how long to keep awake, or how much longer. */
export function LeaseHoursField(props: LeaseHoursFieldProps) {
  return (
    <TextField
      id={props.id}
      select
      label={props.label}
      value={props.value}
      onChange={e => props.onChange(Number(e.target.value))}
      SelectProps={{ native: true }}
      fullWidth
      margin="normal"
    >
      {props.options.map(h => (
        <option key={h} value={h}>
          {h} {h === 1 ? 'hour' : 'hours'}
        </option>
      ))}
    </TextField>
  );
}

/** How long a wake holds environments awake: one of the lease lengths a wake offers. */
export function KeepAwakeField(props: {
  id: string;
  value: number;
  onChange(hours: number): void;
}) {
  return (
    <LeaseHoursField
      {...props}
      label="Keep awake for"
      options={LEASE_HOUR_OPTIONS}
    />
  );
}

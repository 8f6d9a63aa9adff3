import { TextField } from '@material-ui/core';

export interface OptionSelectProps {
  id: string;
  label: string;
  /** The chosen option, or '' for the empty choice. */
  value: string;
  options: readonly string[];
  onChange(value: string): void;
  /** Offers an empty choice first with this text, e.g. "All clinics". */
  emptyLabel?: string;
  className?: string;
}

/**
 * A native select of plain names (clinics, stages, states, time zones): each
 * option shows its value. The label stays above the field, also over the
 * empty choice.
 */
export function OptionSelect(props: OptionSelectProps) {
  return (
    <TextField
      select
      id={props.id}
      className={props.className}
      label={props.label}
      value={props.value}
      onChange={e => props.onChange(e.target.value)}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
    >
      {props.emptyLabel !== undefined && (
        <option value="">{props.emptyLabel}</option>
      )}
      {props.options.map(o => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </TextField>
  );
}

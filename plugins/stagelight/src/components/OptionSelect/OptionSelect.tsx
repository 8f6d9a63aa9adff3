import { TextField } from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  // The theme's secondary text (#717171) on the page's grey (#f5f5f5) is
  // 4.47:1, under WCAG AA's 4.5:1 for the small raised label: use the
  // primary text colour; focused, the label still takes the primary colour.
  label: { color: theme.palette.text.primary },
}));

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
  const classes = useStyles();
  return (
    <TextField
      select
      id={props.id}
      className={props.className}
      label={props.label}
      value={props.value}
      onChange={e => props.onChange(e.target.value)}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true, className: classes.label }}
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

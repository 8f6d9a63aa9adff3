import {
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  TextField,
  Typography,
} from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import { Weekday, WEEKDAYS } from '@internal/plugin-stagelight-common';
import { newWindow, WindowDraft } from '../../schedule/scheduleDraft';
import { dayName } from '../../schedule/scheduleText';

const useStyles = makeStyles(theme => ({
  fieldset: {
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    margin: theme.spacing(1, 0),
    padding: theme.spacing(1, 2),
  },
  times: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(2) },
}));

/**
 * The weekly awake windows: days, start and end of each. Several windows may
 * cover the same day (an EU and a US shift); an end at or before the start
 * runs past midnight.
 */
export function WindowsEditor(props: {
  idPrefix: string;
  windows: WindowDraft[];
  onChange(windows: WindowDraft[]): void;
}) {
  const classes = useStyles();
  const { windows, onChange } = props;
  const update = (i: number, patch: Partial<WindowDraft>) =>
    onChange(windows.map((w, j) => (j === i ? { ...w, ...patch } : w)));
  const toggle = (i: number, day: Weekday, on: boolean) =>
    update(i, {
      days: on
        ? WEEKDAYS.filter(d => d === day || windows[i].days.includes(d))
        : windows[i].days.filter(d => d !== day),
    });

  return (
    <>
      <Typography variant="subtitle2" component="h3">
        Awake windows
      </Typography>
      {windows.length === 0 && (
        <Typography variant="body2">
          No windows: the environment sleeps unless a lease or an exception
          keeps it awake.
        </Typography>
      )}
      {windows.map((w, i) => {
        const id = `${props.idPrefix}-window-${i}`;
        return (
          <fieldset key={i} className={classes.fieldset}>
            <legend>Window {i + 1}</legend>
            <Box>
              {WEEKDAYS.map(day => (
                <FormControlLabel
                  key={day}
                  label={dayName(day)}
                  control={
                    <Checkbox
                      size="small"
                      checked={w.days.includes(day)}
                      onChange={e => toggle(i, day, e.target.checked)}
                    />
                  }
                />
              ))}
            </Box>
            <div className={classes.times}>
              <TextField
                id={`${id}-start`}
                type="time"
                label="Start"
                value={w.start}
                onChange={e => update(i, { start: e.target.value })}
                InputLabelProps={{ shrink: true }}
              />
              <TextField
                id={`${id}-end`}
                type="time"
                label="End"
                value={w.end}
                onChange={e => update(i, { end: e.target.value })}
                InputLabelProps={{ shrink: true }}
                helperText={
                  w.end && w.end <= w.start ? 'Ends the next day' : undefined
                }
              />
              <Button
                size="small"
                onClick={() => onChange(windows.filter((_, j) => j !== i))}
              >
                Remove window {i + 1}
              </Button>
            </div>
          </fieldset>
        );
      })}
      <Button
        size="small"
        variant="outlined"
        onClick={() => onChange([...windows, newWindow()])}
      >
        Add window
      </Button>
    </>
  );
}

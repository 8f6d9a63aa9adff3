import {
  Box,
  Checkbox,
  FormControlLabel,
  TextField,
  Typography,
} from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import { WEEKDAYS } from '@internal/plugin-stagelight-common';
import { newWindow, WindowDraft, withDay } from '../../schedule/scheduleDraft';
import { dayName } from '../../schedule/scheduleText';
import { DraftList } from './DraftList';

const useStyles = makeStyles(theme => ({
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

  return (
    <DraftList
      idPrefix={props.idPrefix}
      heading="Awake windows"
      noun="window"
      items={props.windows}
      onChange={props.onChange}
      newItem={newWindow}
      empty={
        <Typography variant="body2">
          No windows: the environment sleeps unless a lease or an exception
          keeps it awake.
        </Typography>
      }
    >
      {({ value: w, id, update, removeButton }) => (
        <>
          <Box>
            {WEEKDAYS.map(day => (
              <FormControlLabel
                key={day}
                label={dayName(day)}
                control={
                  <Checkbox
                    size="small"
                    checked={w.days.includes(day)}
                    onChange={e =>
                      update({ days: withDay(w.days, day, e.target.checked) })
                    }
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
              onChange={e => update({ start: e.target.value })}
              InputLabelProps={{ shrink: true }}
            />
            <TextField
              id={`${id}-end`}
              type="time"
              label="End"
              value={w.end}
              onChange={e => update({ end: e.target.value })}
              InputLabelProps={{ shrink: true }}
              helperText={
                w.end && w.end <= w.start ? 'Ends the next day' : undefined
              }
            />
            {removeButton}
          </div>
        </>
      )}
    </DraftList>
  );
}

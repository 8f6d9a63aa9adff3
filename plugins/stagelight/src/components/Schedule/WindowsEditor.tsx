import { Box, Checkbox, FormControlLabel, Typography } from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import { WEEKDAYS } from '@stagelight/backstage-plugin-stagelight-common';
import { newWindow, WindowDraft, withDay } from '../../schedule/scheduleDraft';
import { dayName } from '../../schedule/scheduleText';
import { TimeField } from '../TimeField';
import { DraftEditorProps, DraftList } from './DraftList';

const useStyles = makeStyles(theme => ({
  times: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(2) },
}));

/**
 * The weekly awake windows: days, start and end of each. Several windows may
 * cover the same day (an EU and a US shift); an end at or before the start
 * runs past midnight.
 */
export function WindowsEditor(props: DraftEditorProps<WindowDraft>) {
  const classes = useStyles();

  return (
    <DraftList
      {...props}
      heading="Awake windows"
      noun="window"
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
            <TimeField
              id={`${id}-start`}
              label="Start"
              value={w.start}
              onChange={start => update({ start })}
            />
            <TimeField
              id={`${id}-end`}
              label="End"
              value={w.end}
              onChange={end => update({ end })}
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

import { TextField } from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import { ExceptionDraft, newException } from '../../schedule/scheduleDraft';
import { DraftEditorProps, DraftList } from './DraftList';

const useStyles = makeStyles(theme => ({
  fields: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: theme.spacing(2),
  },
}));

/** Dated exceptions: whole local days forced awake or asleep (holidays, release days). */
export function ExceptionsEditor(
  props: DraftEditorProps<ExceptionDraft> & {
    /** The date a new exception starts with, YYYY-MM-DD. */
    today: string;
  },
) {
  const { today, ...list } = props;
  const classes = useStyles();

  return (
    <DraftList
      {...list}
      heading="Dated exceptions"
      noun="exception"
      newItem={() => newException(today)}
    >
      {({ value: e, id, update, removeButton }) => (
        <div className={classes.fields}>
          <TextField
            id={`${id}-date`}
            type="date"
            label="Date"
            value={e.date}
            onChange={ev => update({ date: ev.target.value })}
            InputLabelProps={{ shrink: true }}
          />
          <TextField
            id={`${id}-state`}
            select
            label="All day"
            value={e.state}
            onChange={ev =>
              update({
                state: ev.target.value === 'awake' ? 'awake' : 'asleep',
              })
            }
            SelectProps={{ native: true }}
          >
            <option value="asleep">asleep</option>
            <option value="awake">awake</option>
          </TextField>
          <TextField
            id={`${id}-note`}
            label="Note"
            value={e.note}
            onChange={ev => update({ note: ev.target.value })}
          />
          {removeButton}
        </div>
      )}
    </DraftList>
  );
}

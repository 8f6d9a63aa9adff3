import { Button, TextField, Typography } from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import { ExceptionDraft, newException } from '../../schedule/scheduleDraft';

const useStyles = makeStyles(theme => ({
  fieldset: {
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    margin: theme.spacing(1, 0),
    padding: theme.spacing(1, 2),
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: theme.spacing(2),
  },
}));

/** Dated exceptions: whole local days forced awake or asleep (holidays, release days). */
export function ExceptionsEditor(props: {
  idPrefix: string;
  exceptions: ExceptionDraft[];
  /** The date a new exception starts with, YYYY-MM-DD. */
  today: string;
  onChange(exceptions: ExceptionDraft[]): void;
}) {
  const classes = useStyles();
  const { exceptions, onChange } = props;
  const update = (i: number, patch: Partial<ExceptionDraft>) =>
    onChange(exceptions.map((e, j) => (j === i ? { ...e, ...patch } : e)));

  return (
    <>
      <Typography variant="subtitle2" component="h3">
        Dated exceptions
      </Typography>
      {exceptions.map((e, i) => {
        const id = `${props.idPrefix}-exception-${i}`;
        return (
          <fieldset key={i} className={classes.fieldset}>
            <legend>Exception {i + 1}</legend>
            <TextField
              id={`${id}-date`}
              type="date"
              label="Date"
              value={e.date}
              onChange={ev => update(i, { date: ev.target.value })}
              InputLabelProps={{ shrink: true }}
            />
            <TextField
              id={`${id}-state`}
              select
              label="All day"
              value={e.state}
              onChange={ev =>
                update(i, {
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
              onChange={ev => update(i, { note: ev.target.value })}
            />
            <Button
              size="small"
              onClick={() => onChange(exceptions.filter((_, j) => j !== i))}
            >
              Remove exception {i + 1}
            </Button>
          </fieldset>
        );
      })}
      <Button
        size="small"
        variant="outlined"
        onClick={() => onChange([...exceptions, newException(props.today)])}
      >
        Add exception
      </Button>
    </>
  );
}

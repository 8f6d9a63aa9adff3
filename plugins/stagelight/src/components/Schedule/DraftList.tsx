import { ReactElement, ReactNode } from 'react';
import { Button, Typography } from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  fieldset: {
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    margin: theme.spacing(1, 0),
    padding: theme.spacing(1, 2),
  },
}));

/** What the fields of one item get from the list. */
export interface DraftItem<T> {
  value: T;
  /** Distinguishes the ids of this item's fields, e.g. `…-window-0`. */
  id: string;
  update(patch: Partial<T>): void;
  /** The item's Remove button, for the fields to place. */
  removeButton: ReactElement;
}

export interface DraftListProps<T> {
  idPrefix: string;
  heading: string;
  /** One item in words, lower case: "window" gives "Window 1", "Remove window 1", "Add window". */
  noun: string;
  items: T[];
  onChange(items: T[]): void;
  newItem(): T;
  /** Shown when there is no item. */
  empty?: ReactNode;
  children(item: DraftItem<T>): ReactNode;
}

/** What the schedule form hands the editor of one of its lists. */
export type DraftEditorProps<T> = Pick<
  DraftListProps<T>,
  'idPrefix' | 'items' | 'onChange'
>;

/**
 * A schedule form's list of like items (awake windows, dated exceptions):
 * each in its own numbered fieldset with a Remove button, an Add button below.
 */
export function DraftList<T>(props: DraftListProps<T>) {
  const classes = useStyles();
  const { items, onChange, noun } = props;
  const title = noun.charAt(0).toUpperCase() + noun.slice(1);

  return (
    <>
      <Typography variant="subtitle2" component="h3">
        {props.heading}
      </Typography>
      {items.length === 0 && props.empty}
      {items.map((value, i) => (
        <fieldset key={i} className={classes.fieldset}>
          <legend>
            {title} {i + 1}
          </legend>
          {props.children({
            value,
            id: `${props.idPrefix}-${noun}-${i}`,
            update: patch =>
              onChange(
                items.map((item, j) =>
                  j === i ? { ...item, ...patch } : item,
                ),
              ),
            removeButton: (
              <Button
                size="small"
                onClick={() => onChange(items.filter((_, j) => j !== i))}
              >
                Remove {noun} {i + 1}
              </Button>
            ),
          })}
        </fieldset>
      ))}
      <Button
        size="small"
        variant="outlined"
        onClick={() => onChange([...items, props.newItem()])}
      >
        Add {noun}
      </Button>
    </>
  );
}

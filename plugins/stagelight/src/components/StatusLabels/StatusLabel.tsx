import { ReactNode } from 'react';
import type { RemixiconComponentType } from '@remixicon/react';
import { makeStyles } from '@material-ui/core/styles';

/** The colour family of a status; the text beside it always says the same thing in words. */
export type StatusTone = 'ok' | 'warning' | 'error' | 'neutral' | 'progress';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    fontWeight: theme.typography.fontWeightMedium as number,
  },
  ok: { color: theme.palette.success.main },
  warning: { color: theme.palette.warning.dark },
  error: { color: theme.palette.error.main },
  neutral: { color: theme.palette.text.secondary },
  progress: { color: theme.palette.info.main },
}));

/**
 * An icon plus words. Unlike core-components' Status* (which hides its text
 * from screen readers), the words stay readable by assistive technology.
 */
export function StatusLabel(props: {
  tone: StatusTone;
  icon: RemixiconComponentType;
  children: ReactNode;
}) {
  const classes = useStyles();
  const Icon = props.icon;
  return (
    <span className={classes.root}>
      <Icon size="1.1em" className={classes[props.tone]} aria-hidden />
      <span>{props.children}</span>
    </span>
  );
}

import { CopyTextButton } from '@backstage/core-components';
import { Typography } from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import { shortMarker } from '../../status/deployMarker';

const useStyles = makeStyles({
  root: {
    display: 'inline-flex',
    alignItems: 'center',
    whiteSpace: 'nowrap',
    // The copy icon at the size of the text beside it, not a 24 px toolbar icon.
    '& svg': { width: '1em', height: '1em' },
  },
  // Never wrapped mid-token: shortened instead, the whole value on hover.
  marker: { fontFamily: 'monospace', whiteSpace: 'nowrap' },
});

/**
 * A deploy marker as tables show it: the first characters and "…" when it is
 * long, the whole marker on hover and to screen readers, and a button that
 * copies the whole marker.
 */
export function DeployMarker(props: { marker: string }) {
  const classes = useStyles();
  const { marker } = props;
  const short = shortMarker(marker);
  return (
    <span className={classes.root}>
      {short === marker ? (
        <span className={classes.marker}>{marker}</span>
      ) : (
        <>
          <span className={classes.marker} title={marker} aria-hidden>
            {short}
          </span>
          <Typography variant="srOnly">{marker}</Typography>
        </>
      )}
      <CopyTextButton
        text={marker}
        aria-label={`Copy deploy marker ${marker}`}
        tooltipText="Deploy marker copied"
        variant="tertiary"
      />
    </span>
  );
}

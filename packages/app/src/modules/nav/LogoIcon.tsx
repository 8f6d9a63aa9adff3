import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  svg: { width: 'auto', height: 28 },
  beam: { fill: '#ffd166' },
});

/** The Stagelight mark for the collapsed sidebar. */
export const LogoIcon = () => {
  const classes = useStyles();
  return (
    <svg className={classes.svg} xmlns="http://www.w3.org/2000/svg" viewBox="0 0 80 80" role="img" aria-label="Stagelight">
      <path className={classes.beam} d="M10 70 L40 10 L70 70 Z" />
    </svg>
  );
};

import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  svg: { width: 'auto', height: 30 },
  beam: { fill: '#ffd166' },
  text: { fill: '#f5f5f5', fontFamily: 'Helvetica, Arial, sans-serif', fontWeight: 700 },
});

/** The Stagelight word mark: a light beam over the stages. */
export const LogoFull = () => {
  const classes = useStyles();
  return (
    <svg className={classes.svg} xmlns="http://www.w3.org/2000/svg" viewBox="0 0 420 80" role="img" aria-label="Stagelight">
      <path className={classes.beam} d="M10 70 L40 10 L70 70 Z" opacity={0.9} />
      <text className={classes.text} x="88" y="58" fontSize="52">
        Stagelight
      </text>
    </svg>
  );
};

import { Typography, makeStyles } from '@material-ui/core';
import { EnvironmentDetail } from '@stagelight/backstage-plugin-stagelight-common';
import {
  capacityText,
  databaseText,
  scalingText,
} from './environmentResources';

const useStyles = makeStyles(theme => ({
  list: { margin: 0, paddingLeft: theme.spacing(2) },
  item: { overflowWrap: 'anywhere' },
}));

/**
 * What one environment runs, as discovered: every ECS service (whatever its
 * component tag) with its counts, capacity and auto scaling, and its
 * database with its instances. What Stagelight wakes and sleeps, said plainly.
 */
export function EnvironmentResources(props: {
  environment: Pick<
    EnvironmentDetail,
    'clinic' | 'stage' | 'services' | 'database'
  >;
}) {
  const classes = useStyles();
  const { services, database, clinic, stage } = props.environment;
  return (
    <section aria-label={`What ${clinic}/${stage} runs`}>
      <ul className={classes.list}>
        {services.map(s => {
          const scaling = scalingText(s);
          return (
            <li key={s.arn} className={classes.item}>
              <Typography variant="body2" component="span">
                Service <strong>{s.name}</strong>: {s.running} of {s.desired}{' '}
                running, {capacityText(s)}
                {scaling ? `, ${scaling}` : ''}
              </Typography>
            </li>
          );
        })}
        <li className={classes.item}>
          <Typography variant="body2" component="span">
            {database ? (
              <>
                {databaseText(database)}: {database.status}
                {database.kind === 'cluster' && database.instances.length > 0
                  ? ` (${database.instances
                      .map(
                        i =>
                          `${i.identifier}${i.writer ? ' writer' : ''} ${
                            i.status
                          }`,
                      )
                      .join(', ')})`
                  : ''}
              </>
            ) : (
              'No database'
            )}
          </Typography>
        </li>
      </ul>
    </section>
  );
}

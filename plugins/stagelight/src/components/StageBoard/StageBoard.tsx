import { ReactNode } from 'react';
import { TableCell, TableRow, Typography } from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import { RiErrorWarningLine } from '@remixicon/react';
import type {
  EnvironmentDetail,
  StageInfo,
} from '@stagelight/backstage-plugin-stagelight-common';
import { pipelineOf, PipelineStage } from '../../status/pipeline';
import { DeployMarker } from '../Pipeline';
import { PowerActions } from '../Power';
import { EnvironmentSchedule } from '../Schedule';
import {
  DataAgeLabel,
  DeadLetterText,
  PowerStateLabel,
  ProtectedLabel,
  QueueDepthText,
  ReadinessLabel,
  StatusLabel,
} from '../StatusLabels';
import { EnvironmentResources } from '../Resources';
import { LabelledTable, RowHeaderCell } from '../Table';
import { CostQuery, StageCost } from './StageCost';
import { UsualWakeTime, WakeDurationsQuery } from './UsualWakeTime';

const useStyles = makeStyles(theme => ({
  protectedColumn: { backgroundColor: theme.palette.action.hover },
  rowHeader: { whiteSpace: 'nowrap', verticalAlign: 'top' },
  cell: { verticalAlign: 'top', minWidth: 160 },
  errors: { margin: 0, paddingLeft: theme.spacing(2) },
}));

export interface StageBoardProps {
  clinic: string;
  stages: StageInfo[];
  environments: EnvironmentDetail[];
  /** Seconds since the answer arrived, added to each environment's reported data age. */
  elapsedSeconds: number;
  /** How long waking each stage usually takes (one request for the clinic). */
  wakeDurations?: WakeDurationsQuery;
  /**
   * The clinic's cost by stage (one request for the clinic); left out for a
   * user who may not read cost, and then the board has no Cost row.
   */
  cost?: CostQuery;
}

type Step = PipelineStage<EnvironmentDetail>;

/**
 * One column per stage, in promotion order: power, the wake/sleep actions and
 * how long a wake usually takes, lease and schedule, cost, readiness, queue,
 * DLQ, data age and errors of the clinic's environment in that stage.
 */
export function StageBoard(props: StageBoardProps) {
  const classes = useStyles();
  const steps = pipelineOf(props.stages, props.environments);

  const row = (
    label: string,
    render: (env: EnvironmentDetail, step: Step) => ReactNode,
  ) => (
    <TableRow key={label}>
      <RowHeaderCell className={classes.rowHeader}>{label}</RowHeaderCell>
      {steps.map(step => (
        <TableCell
          key={step.stage.name}
          className={`${classes.cell} ${
            step.stage.protected ? classes.protectedColumn : ''
          }`}
        >
          {step.environment ? (
            render(step.environment, step)
          ) : (
            <NotDeployed step={step} first={label === 'Power'} />
          )}
        </TableCell>
      ))}
    </TableRow>
  );

  const columns = [
    {
      key: 'property',
      header: <Typography variant="srOnly">Property</Typography>,
    },
    ...steps.map(step => ({
      key: step.stage.name,
      className: step.stage.protected ? classes.protectedColumn : undefined,
      header: (
        <>
          <Typography variant="subtitle1" component="span">
            {step.stage.name}
          </Typography>
          {step.stage.protected && (
            <>
              {' '}
              <ProtectedLabel />
            </>
          )}
        </>
      ),
    })),
  ];

  return (
    <LabelledTable label={`Stages of ${props.clinic}`} columns={columns}>
      {row('Power', env => (
        <PowerStateLabel power={env.power} />
      ))}
      {row('Actions', (env, step) => (
        <PowerActions
          clinic={env.clinic}
          stage={env.stage}
          owner={env.owner}
          power={env.power}
          protected={env.protected || step.stage.protected}
        />
      ))}
      {props.wakeDurations &&
        row('Wake time', (env, step) =>
          // A protected stage is never put to sleep (its Actions say so): nothing to wake.
          env.protected || step.stage.protected ? (
            <>–</>
          ) : (
            <UsualWakeTime stage={env.stage} durations={props.wakeDurations!} />
          ),
        )}
      {row('Lease and schedule', env => (
        <EnvironmentSchedule
          clinic={env.clinic}
          stage={env.stage}
          owner={env.owner}
        />
      ))}
      {props.cost &&
        row('Cost', (env, step) => (
          <StageCost
            stage={env.stage}
            protected={env.protected || step.stage.protected}
            cost={props.cost!}
          />
        ))}
      {row('Readiness', env => (
        <>
          <ReadinessLabel readiness={env.readiness} />
          <br />
          expected{' '}
          {env.expectedMarker ? (
            <DeployMarker marker={env.expectedMarker} />
          ) : (
            'none'
          )}
          <br />
          served{' '}
          {env.servedMarker ? (
            <DeployMarker marker={env.servedMarker} />
          ) : (
            'nothing'
          )}
          {env.readinessDetail.reason && (
            <>
              <br />
              <Typography variant="caption">
                {env.readinessDetail.reason}
              </Typography>
            </>
          )}
        </>
      ))}
      {row('Runs', env => (
        <EnvironmentResources environment={env} />
      ))}
      {row('Queue', env => (
        <QueueDepthText queue={env.queue} />
      ))}
      {row('Dead-letter queue', env => (
        <DeadLetterText queue={env.queue} />
      ))}
      {row('Data', env => (
        <DataAgeLabel ageSeconds={env.dataAgeSeconds + props.elapsedSeconds} />
      ))}
      {row('Errors', env =>
        env.errors.length === 0 ? (
          <>None</>
        ) : (
          <ul className={classes.errors}>
            {env.errors.map((e, i) => (
              <li key={i}>
                <StatusLabel tone="error" icon={RiErrorWarningLine}>
                  {e.source}: {e.message}
                </StatusLabel>
              </li>
            ))}
          </ul>
        ),
      )}
    </LabelledTable>
  );
}

function NotDeployed(props: { step: Step; first: boolean }) {
  return props.first ? <>Not deployed</> : <>–</>;
}

import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
} from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import { RiArrowRightLine, RiCheckboxCircleLine } from '@remixicon/react';
import type {
  EnvironmentSummary,
  StageInfo,
} from '@internal/plugin-stagelight-common';
import { pipelineOf, PipelineStage } from '../../status/pipeline';
import { ProtectedLabel, ReadinessLabel, StatusLabel } from '../StatusLabels';

const useStyles = makeStyles({
  marker: { fontFamily: 'monospace', wordBreak: 'break-all' },
});

export interface PipelineTableProps {
  clinic: string;
  stages: StageInfo[];
  environments: EnvironmentSummary[];
}

/**
 * What each stage has deployed, whether it is served, and which marker is
 * waiting to be promoted to the next stage.
 */
export function PipelineTable(props: PipelineTableProps) {
  const classes = useStyles();
  const steps = pipelineOf(props.stages, props.environments);
  const last = steps[steps.length - 1]?.stage.name;

  const marker = (value: string) => (
    <span className={classes.marker}>{value}</span>
  );

  const deployed = (step: PipelineStage) => {
    if (!step.environment) return 'Not deployed';
    return step.deployedMarker ? marker(step.deployedMarker) : 'No marker';
  };

  const served = (step: PipelineStage) => {
    const env = step.environment;
    if (!env) return <>–</>;
    if (step.served) return <ReadinessLabel readiness="ready" />;
    return (
      <>
        <ReadinessLabel readiness={env.readiness} />
        {env.servedMarker && env.servedMarker !== step.deployedMarker && (
          <>
            <br />
            serving {marker(env.servedMarker)}
          </>
        )}
      </>
    );
  };

  const next = (step: PipelineStage) => {
    if (step.promotion) {
      return (
        <StatusLabel tone="progress" icon={RiArrowRightLine}>
          {marker(step.promotion.marker)} waiting to go to{' '}
          {step.promotion.toStage}
        </StatusLabel>
      );
    }
    if (!step.environment || !step.deployedMarker || step.stage.name === last)
      return <>–</>;
    return (
      <StatusLabel tone="ok" icon={RiCheckboxCircleLine}>
        Nothing to promote
      </StatusLabel>
    );
  };

  return (
    <TableContainer>
      <Table size="small" aria-label={`Deploy pipeline of ${props.clinic}`}>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              Stage
            </TableCell>
            <TableCell component="th" scope="col">
              Deployed marker
            </TableCell>
            <TableCell component="th" scope="col">
              Served
            </TableCell>
            <TableCell component="th" scope="col">
              Next promotion
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {steps.map(step => (
            <TableRow key={step.stage.name}>
              <TableCell component="th" scope="row" role="rowheader">
                {step.stage.name}
                {step.stage.protected && (
                  <>
                    {' '}
                    <ProtectedLabel />
                  </>
                )}
              </TableCell>
              <TableCell>{deployed(step)}</TableCell>
              <TableCell>{served(step)}</TableCell>
              <TableCell>{next(step)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

import { TableCell, TableRow } from '@material-ui/core';
import { RiArrowRightLine, RiCheckboxCircleLine } from '@remixicon/react';
import type {
  EnvironmentSummary,
  StageInfo,
} from '@stagelight/backstage-plugin-stagelight-common';
import { pipelineOf, PipelineStage } from '../../status/pipeline';
import { ProtectedLabel, ReadinessLabel, StatusLabel } from '../StatusLabels';
import { LabelledTable, RowHeaderCell } from '../Table';
import { DeployMarker } from './DeployMarker';

const COLUMNS = ['Stage', 'Deployed marker', 'Served', 'Next promotion'];

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
  const steps = pipelineOf(props.stages, props.environments);
  const last = steps[steps.length - 1]?.stage.name;

  const marker = (value: string) => <DeployMarker marker={value} />;

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
    <LabelledTable
      label={`Deploy pipeline of ${props.clinic}`}
      columns={COLUMNS}
    >
      {steps.map(step => (
        <TableRow key={step.stage.name}>
          <RowHeaderCell>
            {step.stage.name}
            {step.stage.protected && (
              <>
                {' '}
                <ProtectedLabel />
              </>
            )}
          </RowHeaderCell>
          <TableCell>{deployed(step)}</TableCell>
          <TableCell>{served(step)}</TableCell>
          <TableCell>{next(step)}</TableCell>
        </TableRow>
      ))}
    </LabelledTable>
  );
}

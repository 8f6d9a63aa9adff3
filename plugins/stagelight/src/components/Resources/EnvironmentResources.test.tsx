import { render, screen } from '@testing-library/react';
import {
  DatabaseStatus,
  EcsServiceStatus,
} from '@stagelight/backstage-plugin-stagelight-common';
import { EnvironmentResources } from './EnvironmentResources';

const service = (over: Partial<EcsServiceStatus>): EcsServiceStatus => ({
  arn: `arn:aws:ecs:us-east-1:1:service/c/${over.name}`,
  cluster: 'c',
  name: 'api',
  desired: 2,
  running: 2,
  pending: 0,
  deployments: 1,
  primaryRollout: 'COMPLETED',
  taskDefinition: null,
  deployMarker: null,
  capacity: ['FARGATE'],
  scaling: null,
  ...over,
});

const aurora: DatabaseStatus = {
  arn: 'arn:aws:rds:us-east-1:1:cluster:ir-a-dev-db',
  kind: 'cluster',
  identifier: 'ir-a-dev-db',
  engine: 'aurora-postgresql',
  status: 'available',
  instances: [
    {
      identifier: 'ir-a-dev-db-1',
      status: 'available',
      instanceClass: 'db.serverless',
      writer: true,
    },
    {
      identifier: 'ir-a-dev-db-2',
      status: 'starting',
      instanceClass: 'db.serverless',
      writer: false,
    },
  ],
  serverlessV2: { minCapacity: 0.5, maxCapacity: 4 },
  autoPause: false,
  capacityAcu: null,
};

describe('EnvironmentResources', () => {
  it('lists every service with its capacity and auto scaling, and an Aurora cluster with its instances', () => {
    render(
      <EnvironmentResources
        environment={{
          clinic: 'a',
          stage: 'dev',
          services: [
            service({
              name: 'api',
              scaling: { min: 2, max: 6, suspended: false },
            }),
            service({
              name: 'worker',
              desired: 0,
              running: 0,
              capacity: ['FARGATE_SPOT', 'FARGATE'],
            }),
            service({
              name: 'batch',
              scaling: { min: 0, max: 0, suspended: true },
              desired: 0,
              running: 0,
            }),
          ],
          database: aurora,
        }}
      />,
    );
    const section = screen.getByRole('region', { name: 'What a/dev runs' });
    expect(section).toHaveTextContent(
      'Service api: 2 of 2 running, Fargate, auto scaling 2–6',
    );
    expect(section).toHaveTextContent(
      'Service worker: 0 of 0 running, Fargate Spot, Fargate',
    );
    expect(section).toHaveTextContent('auto scaling held at 0 while asleep');
    expect(section).toHaveTextContent(
      'Aurora cluster ir-a-dev-db, 2 instances: available (ir-a-dev-db-1 writer available, ir-a-dev-db-2 starting)',
    );
  });

  it('names a provisioned instance, and says when there is no database', () => {
    const { rerender } = render(
      <EnvironmentResources
        environment={{
          clinic: 'a',
          stage: 'dev',
          services: [],
          database: {
            ...aurora,
            kind: 'instance',
            identifier: 'ir-a-dev-db',
            engine: 'postgres',
            status: 'stopped',
            instances: [],
          },
        }}
      />,
    );
    expect(screen.getByRole('region')).toHaveTextContent(
      'RDS instance ir-a-dev-db (postgres): stopped',
    );
    rerender(
      <EnvironmentResources
        environment={{
          clinic: 'a',
          stage: 'dev',
          services: [],
          database: null,
        }}
      />,
    );
    expect(screen.getByRole('region')).toHaveTextContent('No database');
  });
});

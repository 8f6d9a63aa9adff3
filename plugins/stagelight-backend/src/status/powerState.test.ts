import {
  DatabaseStatus,
  EcsServiceStatus,
} from '@stagelight/backstage-plugin-stagelight-common';
import { derivePowerState } from './powerState';

const svc = (
  desired: number,
  running: number,
  pending = 0,
): EcsServiceStatus => ({
  arn: `arn:${desired}:${running}`,
  cluster: 'c',
  name: 'api',
  desired,
  running,
  pending,
  deployments: 1,
  primaryRollout: 'COMPLETED',
  taskDefinition: null,
  deployMarker: null,
  capacity: ['FARGATE'],
  scaling: null,
});

const db = (
  status: string,
  minCapacity = 0.5,
  instances: string[] = [status],
): DatabaseStatus => ({
  arn: 'arn:db',
  kind: 'cluster',
  identifier: 'db',
  engine: 'aurora-postgresql',
  status,
  instances: instances.map((s, i) => ({
    identifier: `db-${i + 1}`,
    status: s,
    instanceClass: 'db.serverless',
    writer: i === 0,
  })),
  serverlessV2: { minCapacity, maxCapacity: 4 },
  autoPause: minCapacity === 0,
  capacityAcu: null,
});

describe('derivePowerState', () => {
  it.each([
    ['awake', [svc(2, 2)], db('available')],
    ['awake', [svc(1, 1)], null],
    ['asleep', [svc(0, 0)], db('stopped')],
    ['asleep', [svc(0, 0)], null],
    ['paused', [svc(0, 0)], db('available', 0)],
    ['partial', [svc(0, 0)], db('available', 0.5)],
    ['partial', [svc(2, 2)], db('stopped')],
    ['partial', [svc(2, 2), svc(0, 0)], db('available')],
    ['waking', [svc(2, 0)], db('available')],
    ['waking', [svc(0, 0)], db('starting')],
    ['waking', [svc(2, 1, 1)], db('starting')],
    ['sleeping', [svc(0, 2)], db('available')],
    ['sleeping', [svc(0, 0)], db('stopping')],
    ['unknown', [], null],
    // Aurora with readers: available while a reader is still starting is not awake yet.
    ['waking', [svc(2, 2)], db('available', 0.5, ['available', 'starting'])],
    ['awake', [svc(2, 2)], db('available', 0.5, ['available', 'available'])],
    ['asleep', [svc(0, 0)], db('stopped', 0.5, ['stopped', 'stopped'])],
  ] as const)('is %s', (expected, services, database) => {
    expect(derivePowerState([...services], database)).toBe(expected);
  });

  it('is unknown when a read failed', () => {
    expect(derivePowerState([svc(2, 2)], null, true)).toBe('unknown');
  });
});

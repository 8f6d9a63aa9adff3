import { EcsServiceStatus } from '@stagelight/backstage-plugin-stagelight-common';
import { deriveReadiness } from './readinessState';

const service = (over: Partial<EcsServiceStatus> = {}): EcsServiceStatus => ({
  arn: 'arn:aws:ecs:us-east-1:1:service/c/api',
  cluster: 'c',
  name: 'api',
  desired: 2,
  running: 2,
  pending: 0,
  deployments: 1,
  primaryRollout: 'COMPLETED',
  taskDefinition: 'td:2',
  deployMarker: 'm2',
  capacity: ['FARGATE'],
  scaling: null,
  ...over,
});

describe('deriveReadiness', () => {
  it('is ready when the expected marker is served', () => {
    expect(
      deriveReadiness({
        power: 'awake',
        services: [service()],
        expectedMarker: 'm2',
        probe: { ok: true, marker: 'm2' },
      }).state,
    ).toBe('ready');
  });

  it('is stale when an old marker is served and nothing rolls out', () => {
    expect(
      deriveReadiness({
        power: 'awake',
        services: [service()],
        expectedMarker: 'm2',
        probe: { ok: true, marker: 'm1' },
      }),
    ).toEqual({ state: 'stale', reason: 'old marker m1 served' });
  });

  it('is deploying while ECS replaces tasks', () => {
    const rolling = service({ deployments: 2, primaryRollout: 'IN_PROGRESS' });
    expect(
      deriveReadiness({
        power: 'awake',
        services: [rolling],
        expectedMarker: 'm2',
        probe: { ok: true, marker: 'm1' },
      }).state,
    ).toBe('deploying');
    expect(
      deriveReadiness({
        power: 'awake',
        services: [rolling],
        expectedMarker: 'm2',
        probe: { ok: false, reason: '503' },
      }).state,
    ).toBe('deploying');
  });

  it('treats a single full-strength IN_PROGRESS deployment as finished', () => {
    const steady = service({ primaryRollout: 'IN_PROGRESS' });
    expect(
      deriveReadiness({
        power: 'awake',
        services: [steady],
        expectedMarker: 'm2',
        probe: { ok: true, marker: 'm1' },
      }).state,
    ).toBe('stale');
  });

  it('is down when the API does not answer outside a rollout', () => {
    expect(
      deriveReadiness({
        power: 'partial',
        services: [service()],
        expectedMarker: 'm2',
        probe: { ok: false, reason: 'version endpoint answered 503' },
      }),
    ).toEqual({ state: 'down', reason: 'version endpoint answered 503' });
  });

  it('is asleep for asleep and paused environments without probing', () => {
    expect(
      deriveReadiness({ power: 'asleep', services: [], expectedMarker: null })
        .state,
    ).toBe('asleep');
    expect(
      deriveReadiness({ power: 'paused', services: [], expectedMarker: null })
        .state,
    ).toBe('asleep');
  });

  it('judges by ECS alone when not probed', () => {
    expect(
      deriveReadiness({
        power: 'awake',
        services: [service()],
        expectedMarker: 'm2',
      }).state,
    ).toBe('ready');
    expect(
      deriveReadiness({
        power: 'partial',
        services: [service({ desired: 0, running: 0 })],
        expectedMarker: 'm2',
      }).state,
    ).toBe('down');
  });
});

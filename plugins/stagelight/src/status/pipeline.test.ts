import type {
  EnvironmentSummary,
  StageInfo,
} from '@stagelight/backstage-plugin-stagelight-common';
import { pipelineOf } from './pipeline';

const STAGES: StageInfo[] = [
  { name: 'dev', protected: false },
  { name: 'test', protected: false },
  { name: 'staging', protected: false },
  { name: 'prod', protected: true },
];

function env(
  stage: string,
  expectedMarker: string | null,
  ready = true,
): EnvironmentSummary {
  return {
    clinic: 'north-clinic',
    stage,
    protected: stage === 'prod',
    owner: null,
    power: 'awake',
    readiness: ready ? 'ready' : 'deploying',
    expectedMarker,
    servedMarker: ready ? expectedMarker : 'older',
    queue: null,
    errors: [],
    refreshedAt: '2026-11-26T10:00:00.000Z',
    dataAgeSeconds: 10,
  };
}

describe('pipelineOf', () => {
  it('follows the configured stage order, not the order of the environments', () => {
    const result = pipelineOf(STAGES, [
      env('prod', 'a'),
      env('dev', 'a'),
      env('test', 'a'),
      env('staging', 'a'),
    ]);
    expect(result.map(s => s.stage.name)).toEqual([
      'dev',
      'test',
      'staging',
      'prod',
    ]);
    expect(result.every(s => s.waiting === null)).toBe(true);
  });

  it('marks a stage whose marker differs from the previous stage as waiting for promotion', () => {
    const result = pipelineOf(STAGES, [
      env('dev', 'c3'),
      env('test', 'c2'),
      env('staging', 'c2'),
      env('prod', 'c1'),
    ]);
    expect(result.map(s => s.waiting)).toEqual([
      null,
      { marker: 'c3', fromStage: 'dev' },
      null,
      { marker: 'c2', fromStage: 'staging' },
    ]);
    expect(result.map(s => s.promotion)).toEqual([
      { marker: 'c3', toStage: 'test' },
      null,
      { marker: 'c2', toStage: 'prod' },
      null,
    ]);
  });

  it('reports whether each deployed marker is served', () => {
    const result = pipelineOf(STAGES, [
      env('dev', 'c3', false),
      env('test', 'c2'),
    ]);
    expect(result.map(s => [s.deployedMarker, s.served])).toEqual([
      ['c3', false],
      ['c2', true],
      [null, false],
      [null, false],
    ]);
  });

  it('compares across a stage the clinic has no environment in', () => {
    const result = pipelineOf(STAGES, [env('dev', 'c3'), env('staging', 'c2')]);
    expect(result[1].environment).toBeNull();
    expect(result[1].waiting).toBeNull();
    expect(result[2].waiting).toEqual({ marker: 'c3', fromStage: 'dev' });
  });

  it('offers a marker to a stage that has none deployed yet', () => {
    const result = pipelineOf(STAGES, [env('dev', 'c3'), env('test', null)]);
    expect(result[1].waiting).toEqual({ marker: 'c3', fromStage: 'dev' });
  });
});

import type { EnvironmentSummary } from '@stagelight/backstage-plugin-stagelight-common';
import { awakeCount, sortForFleet } from './fleetRows';

const env = (clinic: string, stage: string) =>
  ({ clinic, stage } as EnvironmentSummary);

describe('sortForFleet', () => {
  it('sorts by clinic, then by promotion order, unknown stages last', () => {
    const stages = [
      { name: 'dev', protected: false },
      { name: 'prod', protected: true },
    ];
    const sorted = sortForFleet(
      [
        env('b', 'prod'),
        env('a', 'other'),
        env('a', 'prod'),
        env('b', 'dev'),
        env('a', 'dev'),
      ],
      stages,
    );
    expect(sorted.map(e => `${e.clinic}/${e.stage}`)).toEqual([
      'a/dev',
      'a/prod',
      'a/other',
      'b/dev',
      'b/prod',
    ]);
  });
});

describe('awakeCount', () => {
  it('counts awake environments across clinics; waking and partial are not awake', () => {
    expect(
      awakeCount({
        items: [
          {
            clinic: 'a',
            owner: null,
            stages: [
              { stage: 'dev', power: 'awake', readiness: 'ready' },
              { stage: 'prod', power: 'partial', readiness: 'down' },
            ],
          },
          {
            clinic: 'b',
            owner: null,
            stages: [
              { stage: 'dev', power: 'waking', readiness: 'asleep' },
              { stage: 'prod', power: 'awake', readiness: 'ready' },
            ],
          },
        ],
      }),
    ).toEqual({ awake: 2, total: 4 });
    expect(awakeCount({ items: [] })).toEqual({ awake: 0, total: 0 });
  });
});

import { environmentRecord } from '../power/__testUtils__/powerFixture';
import { EnvironmentRecord } from '../snapshot/EnvironmentRecord';
import { filterEnvironments } from './environmentFilter';

const fleet: EnvironmentRecord[] = (
  [
    ['northside', 'dev', 'awake'],
    ['northside', 'test', 'asleep'],
    ['northside', 'staging', 'partial'],
    ['harbor-view', 'dev', 'waking'],
    ['harbor-view', 'test', 'paused'],
    ['harbor-view', 'staging', 'sleeping'],
    ['harbor-view', 'prod', 'unknown'],
    ['lakeshore', 'prod', 'awake'],
  ] as const
).map(([clinic, stage, power]) =>
  environmentRecord(clinic, stage, stage === 'prod', { power }),
);

const refs = (records: EnvironmentRecord[]) =>
  records.map(r => `${r.clinic}/${r.stage}`);

describe('filterEnvironments', () => {
  it('keeps everything without a filter, in snapshot order', () => {
    expect(refs(filterEnvironments(fleet, {}))).toEqual(refs(fleet));
  });

  it('keeps only environments running compute now with awake', () => {
    expect(refs(filterEnvironments(fleet, { awake: true }))).toEqual([
      'northside/dev',
      'northside/staging',
      'lakeshore/prod',
    ]);
    expect(filterEnvironments(fleet, { awake: false })).toHaveLength(
      fleet.length,
    );
  });

  it('filters by clinic and stage, combined with awake', () => {
    expect(refs(filterEnvironments(fleet, { clinic: 'harbor-view' }))).toEqual([
      'harbor-view/dev',
      'harbor-view/test',
      'harbor-view/staging',
      'harbor-view/prod',
    ]);
    expect(refs(filterEnvironments(fleet, { stage: 'prod' }))).toEqual([
      'harbor-view/prod',
      'lakeshore/prod',
    ]);
    expect(
      refs(filterEnvironments(fleet, { stage: 'prod', awake: true })),
    ).toEqual(['lakeshore/prod']);
    expect(
      filterEnvironments(fleet, { clinic: 'harbor-view', awake: true }),
    ).toEqual([]);
  });
});

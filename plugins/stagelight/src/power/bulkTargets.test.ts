import { clinicsOf, STAGES } from '../__testUtils__/fixtures';
import { bulkEffect, bulkTargets, environmentCount } from './bulkTargets';

const clinics = clinicsOf({
  'south-clinic': { dev: 'asleep', prod: 'awake' },
  'north-clinic': { dev: 'awake', test: 'awake', prod: 'awake', qa: 'awake' },
});

describe('bulkTargets', () => {
  it('lists each clinic by name, then each stage present in promotion order', () => {
    const targets = bulkTargets(clinics, STAGES);

    expect(targets.map(t => t.key)).toEqual([
      'clinic:north-clinic',
      'clinic:south-clinic',
      'stage:dev',
      'stage:test',
      'stage:prod',
      'stage:qa',
    ]);
    expect(targets[0]).toMatchObject({
      scope: { clinic: 'north-clinic' },
      label: 'every stage of north-clinic',
    });
    expect(targets[0].environments.map(e => e.stage)).toEqual([
      'dev',
      'test',
      'prod',
      'qa',
    ]);
    expect(targets[2]).toMatchObject({
      scope: { stage: 'dev' },
      label: 'dev in every clinic',
    });
    expect(targets[2].environments.map(e => e.clinic)).toEqual([
      'south-clinic',
      'north-clinic',
    ]);
  });

  it('marks environments of protected stages', () => {
    const prod = bulkTargets(clinics, STAGES).find(
      t => t.key === 'stage:prod',
    )!;
    expect(prod.environments.every(e => e.protected)).toBe(true);
  });

  it('has no targets for an empty fleet', () => {
    expect(bulkTargets({ items: [] }, STAGES)).toEqual([]);
  });
});

describe('bulkEffect', () => {
  const north = bulkTargets(clinics, STAGES)[0];

  it('wakes every environment, protected or not', () => {
    const effect = bulkEffect(north, 'wake');
    expect(effect.acted).toHaveLength(4);
    expect(effect.skippedProtected).toEqual([]);
  });

  it('skips protected stages when putting to sleep', () => {
    const effect = bulkEffect(north, 'sleep');
    expect(effect.acted.map(e => e.stage)).toEqual(['dev', 'test', 'qa']);
    expect(effect.skippedProtected.map(e => e.stage)).toEqual(['prod']);
  });

  it('counts environments in words', () => {
    expect(environmentCount(1)).toBe('1 environment');
    expect(environmentCount(0)).toBe('0 environments');
    expect(environmentCount(3)).toBe('3 environments');
  });
});

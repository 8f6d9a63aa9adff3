import { clinicsOf, STAGES } from '../__testUtils__/fixtures';
import { bulkEffect, bulkTargets, environmentCount } from './bulkTargets';

const clinics = clinicsOf({
  'south-clinic': { dev: 'asleep', prod: 'awake' },
  'north-clinic': { dev: 'awake', test: 'awake', prod: 'awake', qa: 'awake' },
});

describe('bulkTargets', () => {
  it('lists each clinic by name, then each stage present in promotion order', () => {
    expect(bulkTargets(clinics, STAGES).map(t => t.key)).toEqual([
      'clinic:north-clinic',
      'clinic:south-clinic',
      'stage:dev',
      'stage:test',
      'stage:prod',
      'stage:qa',
    ]);
  });

  it.each([
    {
      index: 0,
      scope: { clinic: 'north-clinic' },
      label: 'every stage of north-clinic',
      environments: [
        'north-clinic/dev',
        'north-clinic/test',
        'north-clinic/prod',
        'north-clinic/qa',
      ],
    },
    {
      index: 2,
      scope: { stage: 'dev' },
      label: 'dev in every clinic',
      environments: ['south-clinic/dev', 'north-clinic/dev'],
    },
  ])(
    'describes "$label" with its scope and environments',
    ({ index, scope, label, environments }) => {
      const target = bulkTargets(clinics, STAGES)[index];
      expect(target).toMatchObject({ scope, label });
      expect(target.environments.map(e => `${e.clinic}/${e.stage}`)).toEqual(
        environments,
      );
    },
  );

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

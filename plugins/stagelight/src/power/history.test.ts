import { auditRecord } from '../__testUtils__/fixtures';
import { actionLabel, actorLabel, mergeHistory } from './history';

describe('history', () => {
  it('merges the stages newest first, breaking ties by id', () => {
    const merged = mergeHistory([
      [
        auditRecord({ id: 3, at: '2026-11-26T10:00:00.000Z', stage: 'dev' }),
        auditRecord({ id: 1, at: '2026-11-25T10:00:00.000Z', stage: 'dev' }),
      ],
      [
        auditRecord({ id: 4, at: '2026-11-26T10:00:00.000Z', stage: 'test' }),
        auditRecord({ id: 2, at: '2026-11-26T09:00:00.000Z', stage: 'test' }),
      ],
    ]);
    expect(merged.map(r => r.id)).toEqual([4, 3, 2, 1]);
  });

  it('names actions and actors in words', () => {
    expect(actionLabel('environment-wake')).toBe('Wake');
    expect(actionLabel('environment-sleep')).toBe('Sleep');
    expect(actionLabel('lease-extend')).toBe('Extend lease');
    expect(actionLabel('something-new')).toBe('something-new');
    expect(actorLabel('user:default/jane')).toBe('jane');
    expect(actorLabel('user:clinics/jane')).toBe('user:clinics/jane');
    expect(actorLabel('plugin:scheduler')).toBe('plugin:scheduler');
  });
});

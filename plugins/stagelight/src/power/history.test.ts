import { auditRecord } from '../__testUtils__/fixtures';
import {
  actionLabel,
  actorLabel,
  auditTarget,
  mergeHistory,
  startedOperation,
} from './history';

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
    expect(actionLabel('clinic-wake')).toBe('Wake clinic');
    expect(actionLabel('stage-sleep')).toBe('Sleep stage');
    expect(actionLabel('environment-wake-ended')).toBe('Wake finished');
  });

  it('tells a request that started an operation from the operation ended', () => {
    const request = auditRecord({ operationId: 'op-1' });
    expect(startedOperation(request)).toBe(true);
    expect(
      startedOperation({ ...request, action: 'environment-wake-ended' }),
    ).toBe(false);
    expect(startedOperation({ ...request, result: 'failed' })).toBe(false);
    expect(startedOperation(auditRecord({ action: 'schedule-edit' }))).toBe(
      false,
    );
  });

  it('names the environment or the bulk scope a record is about', () => {
    expect(auditTarget({ clinic: 'north-clinic', stage: 'dev' })).toBe(
      'north-clinic/dev',
    );
    expect(auditTarget({ clinic: 'north-clinic', stage: null })).toBe(
      'north-clinic (every stage)',
    );
    expect(auditTarget({ clinic: null, stage: 'dev' })).toBe(
      'dev (every clinic)',
    );
    expect(auditTarget({ clinic: null, stage: null })).toBe('–');
  });
});

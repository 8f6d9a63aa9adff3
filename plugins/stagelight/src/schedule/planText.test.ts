import { leaseText, NO_SCHEDULE_TEXT, scheduleText } from './planText';
import { schedulePlan } from '../__testUtils__/fixtures';

// 2026-11-26 is a Thursday; Berlin is UTC+1 in winter: 14:50 there.
const NOW = Date.parse('2026-11-26T13:50:00Z');

const LEASE = {
  clinic: 'north-clinic',
  stage: 'dev',
  startsAt: '2026-11-26T12:00:00.000Z',
  endsAt: '2026-11-26T15:30:00.000Z',
  requestedBy: 'user:default/lee.lead',
  reason: 'demo for the clinic',
};

describe('plan text', () => {
  it('says the schedule and its next transition in one sentence', () => {
    expect(scheduleText(schedulePlan('north-clinic', 'dev'), NOW)).toBe(
      'Stage default schedule, Mon–Fri 08:00–18:00 (Europe/Berlin): sleeps at 18:00 Berlin time, in 3 h 10 min.',
    );
  });

  it('names an own schedule, its pre-warm and a schedule that stays as it is', () => {
    const plan = schedulePlan('north-clinic', 'dev', {
      source: 'override',
      desired: { state: 'asleep', reason: 'exception', nextTransition: null },
    });
    plan.schedule!.preWarmMinutes = 5;
    expect(scheduleText(plan, NOW)).toBe(
      'Own schedule, Mon–Fri 08:00–18:00 (Europe/Berlin, wakes 5 min early): stays asleep, no transition ahead.',
    );
  });

  it('says only that there is no schedule when there is none', () => {
    const plan = schedulePlan('north-clinic', 'dev', {
      source: 'none',
      schedule: null,
      desired: { state: 'awake', reason: 'no schedule', nextTransition: null },
    });
    expect(scheduleText(plan, NOW)).toBe(NO_SCHEDULE_TEXT);
  });

  it('says until when a lease holds the environment awake, and whose it is', () => {
    expect(leaseText(LEASE, NOW, 'Europe/Berlin')).toBe(
      'Awake until 16:30 Berlin time, in 1 h 40 min (lease by lee.lead: demo for the clinic)',
    );
    expect(leaseText(null, NOW, 'Europe/Berlin')).toBeUndefined();
    expect(
      leaseText({ ...LEASE, endsAt: '2026-11-26T13:00:00Z' }, NOW, 'UTC'),
    ).toBeUndefined();
  });
});

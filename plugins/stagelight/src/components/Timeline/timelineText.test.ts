import type {
  EnvironmentTimeline,
  TimelineResponse,
} from '@stagelight/backstage-plugin-stagelight-common';
import {
  actorName,
  environmentSummary,
  formatHours,
  formatInstant,
  markerVerb,
  periodCost,
  scheduledHours,
} from './timelineText';

const timeline: Pick<TimelineResponse, 'from' | 'to' | 'days' | 'currency'> = {
  from: '2026-06-03T12:00:00.000Z',
  to: '2026-06-10T12:00:00.000Z',
  days: 7,
  currency: 'USD',
};

const env = (over: Partial<EnvironmentTimeline> = {}): EnvironmentTimeline => ({
  clinic: 'alder',
  stage: 'dev',
  protected: false,
  bands: [],
  hours: { awake: 31, asleep: 120 },
  scheduleSource: 'stage-default',
  scheduleWindows: [
    { from: '2026-06-04T06:00:00.000Z', to: '2026-06-04T16:00:00.000Z' },
    { from: '2026-06-05T06:00:00.000Z', to: '2026-06-05T16:30:00.000Z' },
  ],
  leases: [],
  markers: [],
  dailyCost: null,
  ...over,
});

describe('environmentSummary', () => {
  it('says how long the stage was awake of the week, and what was not recorded', () => {
    expect(environmentSummary(env(), timeline)).toBe(
      'dev: awake 31 h of 168 h this week, asleep 120 h, not recorded 17 h; the schedule wants 20.5 h',
    );
  });

  it('names wakes, sleeps, the lease and the cost when there are any', () => {
    const marker = {
      at: '2026-06-09T07:00:00.000Z',
      actor: 'user:default/lee.lead',
      reason: 'demo',
      result: 'succeeded' as const,
      detail: null,
    };
    expect(
      environmentSummary(
        env({
          hours: { awake: 168 },
          markers: [
            { ...marker, kind: 'wake' },
            { ...marker, kind: 'sleep' },
            { ...marker, kind: 'wake' },
          ],
          leases: [
            {
              from: '2026-06-10T11:00:00.000Z',
              to: '2026-06-10T13:00:00.000Z',
              requestedBy: 'user:default/lee.lead',
              reason: 'demo',
            },
          ],
          dailyCost: [
            { day: '2026-06-09', amount: 1.5, estimated: false },
            { day: '2026-06-10', amount: null, estimated: false },
          ],
        }),
        { ...timeline, days: 7 },
      ),
    ).toBe(
      `dev: awake 168 h of 168 h this week; the schedule wants 20.5 h; woken 2 times, put to sleep once; leased by lee.lead until ${formatInstant(
        '2026-06-10T13:00:00.000Z',
      )}; cost $1.50`,
    );
  });

  it('says a protected stage is never put to sleep, and cost without data is no data', () => {
    expect(
      environmentSummary(
        env({
          stage: 'prod',
          protected: true,
          hours: {},
          dailyCost: [{ day: '2026-06-10', amount: null, estimated: false }],
        }),
        { ...timeline, days: 7 },
      ),
    ).toBe(
      'prod: awake 0 h of 168 h this week, not recorded 168 h; protected, never put to sleep; cost: no data',
    );
  });
});

describe('timeline words', () => {
  it('formats hours, actors, markers, schedule hours and cost', () => {
    expect(formatHours(2.54)).toBe('2.5 h');
    expect(actorName('user:default/lee.lead')).toBe('lee.lead');
    expect(actorName('stagelight:scheduler')).toBe('the schedule');
    expect(markerVerb({ kind: 'sleep', result: 'failed' })).toBe(
      'put to sleep (failed)',
    );
    expect(scheduledHours(env())).toBe(20.5);
    expect(periodCost(env())).toBeNull();
  });
});

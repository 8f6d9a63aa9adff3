import type {
  EnvironmentTimeline,
  TimelineResponse,
} from '@stagelight/backstage-plugin-stagelight-common';

/** The period every timeline fixture covers: Wednesday noon to Wednesday noon (UTC). */
export const TIMELINE_FROM = '2026-06-03T12:00:00.000Z';
export const TIMELINE_TO = '2026-06-10T12:00:00.000Z';
export const TIMELINE_COST_DAYS = [
  '2026-06-04',
  '2026-06-05',
  '2026-06-06',
  '2026-06-07',
  '2026-06-08',
  '2026-06-09',
  '2026-06-10',
];

/** An environment's timeline with nothing recorded, no schedule, no markers. */
export function environmentTimeline(
  clinic: string,
  stage: string,
  overrides: Partial<EnvironmentTimeline> = {},
): EnvironmentTimeline {
  return {
    clinic,
    stage,
    protected: stage === 'prod',
    bands: [],
    hours: {},
    scheduleSource: 'none',
    scheduleWindows: [],
    leases: [],
    markers: [],
    dailyCost: null,
    ...overrides,
  };
}

/** The timeline answer for the given environments, without cost unless `overrides` say so. */
export function timelineResponse(
  environments: EnvironmentTimeline[],
  overrides: Partial<TimelineResponse> = {},
): TimelineResponse {
  return {
    from: TIMELINE_FROM,
    to: TIMELINE_TO,
    days: 7,
    costDays: TIMELINE_COST_DAYS,
    costIncluded: false,
    currency: null,
    environments,
    ...overrides,
  };
}

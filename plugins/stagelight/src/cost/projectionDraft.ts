import type { CostProjectionRequest } from '@stagelight/backstage-plugin-stagelight-common';
import { newWindow, WindowDraft } from '../schedule/scheduleDraft';

/** A few common zones; the backend accepts any IANA zone. */
export const PROJECTION_TIME_ZONES = [
  'Europe/Berlin',
  'Europe/London',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'Asia/Tokyo',
  'UTC',
];

/**
 * "What would office hours cost?" as the form edits it: one weekly window for
 * a stage, optionally one clinic; the pre-warm stays text until sent.
 */
export interface ProjectionDraft {
  stage: string;
  /** One clinic, or '' for every clinic that has the stage. */
  clinic: string;
  window: WindowDraft;
  timeZone: string;
  preWarmMinutes: string;
}

/** The form's starting point: office hours on workdays in the first zone offered, a 15-minute pre-warm. */
export function newProjectionDraft(stage: string): ProjectionDraft {
  return {
    stage,
    clinic: '',
    window: newWindow(),
    timeZone: PROJECTION_TIME_ZONES[0],
    preWarmMinutes: '15',
  };
}

/** The request for the backend, which validates it and answers what is wrong. */
export function projectionRequest(
  draft: ProjectionDraft,
): CostProjectionRequest {
  return {
    ...(draft.clinic ? { clinic: draft.clinic } : {}),
    stage: draft.stage,
    schedule: {
      timeZone: draft.timeZone,
      windows: [draft.window],
      // An empty field means no pre-warm; any other text goes to the backend to validate.
      preWarmMinutes:
        draft.preWarmMinutes.trim() === '' ? 0 : Number(draft.preWarmMinutes),
      exceptions: [],
    },
  };
}

import { InputError } from '@backstage/errors';
import {
  CostProjectionRequest,
  Schedule,
} from '@stagelight/backstage-plugin-stagelight-common';
import { validateSchedule } from '../../schedule';

/**
 * A proposed schedule, checked by the schedule module's own validator; a
 * projection also needs at least one window (no window means never awake,
 * which is what sleeping indefinitely costs, not a schedule).
 */
export function parseSchedule(input: unknown): Schedule {
  const schedule = validateSchedule(input);
  if (schedule.windows.length === 0) {
    throw new InputError(
      'Invalid schedule: schedule.windows must list at least one window',
    );
  }
  return schedule;
}

/** The body of `POST /cost/projection`, checked before anything is read. */
export function parseProjectionRequest(body: unknown): CostProjectionRequest {
  if (typeof body !== 'object' || body === null) {
    throw new InputError('Body must be { clinic?, stage, schedule }');
  }
  const { clinic, stage, schedule } = body as Record<string, unknown>;
  if (typeof stage !== 'string') throw new InputError('stage is required');
  if (clinic !== undefined && typeof clinic !== 'string') {
    throw new InputError('clinic must be a string');
  }
  return {
    ...(clinic !== undefined ? { clinic } : {}),
    stage,
    schedule: parseSchedule(schedule),
  };
}

import { WEEKDAYS } from '@stagelight/backstage-plugin-stagelight-common';
import {
  MAX_LEASE_HOURS_REQUEST,
  MAX_NOTE_LENGTH,
  MAX_REASON_LENGTH,
  MAX_SCHEDULE_EXCEPTIONS,
  MAX_SCHEDULE_WINDOWS,
  MAX_TIME_ZONE_LENGTH,
} from './bounds';

/*
 * The shapes of request bodies. They bound types, lengths and sizes; what
 * depends on config or on meaning (the lease cap, a real time zone, HH:MM,
 * a non-blank reason) is checked by the handler, which audits a refusal.
 */

const reason = { type: 'string', maxLength: MAX_REASON_LENGTH } as const;
const hours = {
  type: 'number',
  minimum: 0,
  maximum: MAX_LEASE_HOURS_REQUEST,
} as const;

export const requestSchemas = {
  WakeRequest: {
    type: 'object',
    additionalProperties: false,
    properties: { reason, leaseHours: hours },
  },
  SleepRequest: {
    type: 'object',
    additionalProperties: false,
    properties: { reason },
  },
  ExtendLeaseRequest: {
    type: 'object',
    additionalProperties: false,
    properties: { reason, hours },
  },
  EndLeaseRequest: {
    type: 'object',
    additionalProperties: false,
    properties: { reason },
  },
  Schedule: {
    type: 'object',
    additionalProperties: false,
    properties: {
      timeZone: { type: 'string', maxLength: MAX_TIME_ZONE_LENGTH },
      windows: {
        type: 'array',
        maxItems: MAX_SCHEDULE_WINDOWS,
        items: {
          type: 'object',
          additionalProperties: false,
          properties: {
            days: {
              type: 'array',
              maxItems: WEEKDAYS.length,
              items: { type: 'string', maxLength: 3 },
            },
            start: { type: 'string', maxLength: 5 },
            end: { type: 'string', maxLength: 5 },
          },
        },
      },
      preWarmMinutes: { type: 'number' },
      exceptions: {
        type: 'array',
        maxItems: MAX_SCHEDULE_EXCEPTIONS,
        items: {
          type: 'object',
          additionalProperties: false,
          properties: {
            date: { type: 'string', maxLength: 10 },
            state: { type: 'string', maxLength: 6 },
            note: { type: 'string', maxLength: MAX_NOTE_LENGTH },
          },
        },
      },
    },
  },
  CostProjectionRequest: {
    type: 'object',
    additionalProperties: false,
    properties: {
      clinic: { type: 'string', maxLength: 64 },
      stage: { type: 'string', maxLength: 64 },
      schedule: { $ref: '#/components/schemas/Schedule' },
    },
  },
} as const;

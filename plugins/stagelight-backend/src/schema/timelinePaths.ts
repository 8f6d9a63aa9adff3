import { MAX_TIMELINE_DAYS } from './bounds';
import { errorResponse, jsonResponse } from './responses';

const days = {
  name: 'days',
  in: 'query',
  required: false,
  description:
    'How many days (24 h each) up to now the timeline covers; 7 when left out.',
  schema: { type: 'integer', minimum: 1, maximum: MAX_TIMELINE_DAYS },
} as const;

const timelineErrors = {
  '400': errorResponse('days out of range'),
  '403': errorResponse('Not allowed to read environments'),
  '503': errorResponse('The first status refresh has not finished'),
} as const;

/** The power timeline: recorded bands, schedule windows, leases, markers, cost per day. */
export const timelinePaths = {
  '/clinics/{clinic}/timeline': {
    get: {
      operationId: 'GetClinicTimeline',
      description:
        "Each stage of the clinic over the last days: recorded power bands, the schedule's awake windows, leases, wakes and sleeps (who, when), and cost per day when the caller may read cost.",
      parameters: [{ $ref: '#/components/parameters/clinic' }, days],
      responses: {
        '200': jsonResponse("The clinic's power timeline", 'TimelineResponse'),
        ...timelineErrors,
        '404': errorResponse('No environments for the clinic'),
      },
    },
  },
  '/timeline': {
    get: {
      operationId: 'GetFleetTimeline',
      description:
        'The power timeline of every environment of the fleet, as for one clinic.',
      parameters: [days],
      responses: {
        '200': jsonResponse("The fleet's power timeline", 'TimelineResponse'),
        ...timelineErrors,
      },
    },
  },
} as const;

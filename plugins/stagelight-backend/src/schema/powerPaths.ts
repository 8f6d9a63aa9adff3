import { errorResponse, jsonBody, jsonResponse } from './responses';

const environment = [
  { $ref: '#/components/parameters/clinic' },
  { $ref: '#/components/parameters/stage' },
] as const;

const limit = {
  name: 'limit',
  in: 'query',
  required: false,
  schema: { type: 'integer', minimum: 1, maximum: 500 },
} as const;

/** Answers every mutation shares: its checks are audited, allowed or not. */
const mutationErrors = {
  '400': errorResponse('Malformed or invalid body'),
  '403': errorResponse('Not allowed'),
  '404': errorResponse('Unknown stage or environment'),
  '409': errorResponse(
    'Refused: a protected stage, or another operation holds the environment',
  ),
  '413': errorResponse('Body over the limit of the route'),
} as const;

function powerChange<O extends string, D extends string, B extends string>(
  operationId: O,
  description: D,
  body: B,
) {
  return {
    operationId,
    description,
    requestBody: jsonBody(body),
    responses: {
      '202': jsonResponse('Accepted', 'PowerOperationResponse'),
      ...mutationErrors,
    },
  } as const;
}

function bulkChange<O extends string, D extends string, B extends string>(
  operationId: O,
  description: D,
  body: B,
  scope: 'clinic' | 'stage',
) {
  return {
    operationId,
    description,
    parameters: [{ $ref: `#/components/parameters/${scope}` }],
    requestBody: jsonBody(body),
    responses: {
      '202': jsonResponse(
        'Started and skipped environments',
        'BulkPowerResponse',
      ),
      ...mutationErrors,
    },
  } as const;
}

/** Wake, sleep, leases, schedules, operations and the audit history. */
export const powerPaths = {
  '/environments/{clinic}/{stage}/wake': {
    post: {
      ...powerChange(
        'WakeEnvironment',
        'Starts the database, restores the desired counts, waits for the deploy marker; optionally a lease.',
        'WakeRequest',
      ),
      parameters: environment,
    },
  },
  '/environments/{clinic}/{stage}/sleep': {
    post: {
      ...powerChange(
        'SleepEnvironment',
        'Remembers the desired counts, scales to 0, stops the database. Protected stages are refused.',
        'SleepRequest',
      ),
      parameters: environment,
    },
  },
  '/clinics/{clinic}/wake': {
    post: bulkChange(
      'WakeClinic',
      'Wakes every stage of a clinic.',
      'WakeRequest',
      'clinic',
    ),
  },
  '/clinics/{clinic}/sleep': {
    post: bulkChange(
      'SleepClinic',
      'Puts every stage of a clinic to sleep; protected stages are skipped.',
      'SleepRequest',
      'clinic',
    ),
  },
  '/clinics/{clinic}/wake-durations': {
    get: {
      operationId: 'GetClinicWakeDurations',
      description:
        'How long waking each environment of the clinic usually takes: the median of its recent succeeded wakes.',
      parameters: [{ $ref: '#/components/parameters/clinic' }],
      responses: {
        '200': jsonResponse(
          'Each environment of the clinic',
          'WakeDurationsResponse',
        ),
        '403': errorResponse('Not allowed'),
        '404': errorResponse('Unknown clinic'),
      },
    },
  },
  '/stages/{stage}/wake': {
    post: bulkChange(
      'WakeStage',
      'Wakes a stage in every clinic.',
      'WakeRequest',
      'stage',
    ),
  },
  '/stages/{stage}/sleep': {
    post: bulkChange(
      'SleepStage',
      'Puts a stage to sleep in every clinic; refused for a protected stage.',
      'SleepRequest',
      'stage',
    ),
  },
  '/environments/{clinic}/{stage}/lease/extend': {
    post: {
      operationId: 'ExtendLease',
      parameters: environment,
      requestBody: jsonBody('ExtendLeaseRequest'),
      responses: {
        '200': jsonResponse('The extended lease', '{ lease: PowerLease }'),
        ...mutationErrors,
      },
    },
  },
  '/environments/{clinic}/{stage}/lease': {
    delete: {
      operationId: 'EndLease',
      parameters: environment,
      requestBody: jsonBody('EndLeaseRequest', false),
      responses: {
        '200': jsonResponse('The ended lease', '{ lease: PowerLease }'),
        ...mutationErrors,
      },
    },
  },
  '/environments/{clinic}/{stage}/schedule': {
    get: {
      operationId: 'GetSchedule',
      parameters: environment,
      responses: {
        '200': jsonResponse(
          'The schedule in force, the lease and the desired state',
          'ScheduleResponse',
        ),
        '403': errorResponse('Not allowed'),
        '404': errorResponse('Unknown stage or environment'),
      },
    },
    put: {
      operationId: 'PutSchedule',
      parameters: environment,
      requestBody: jsonBody('Schedule'),
      responses: {
        '200': jsonResponse('The schedule now in force', 'ScheduleResponse'),
        ...mutationErrors,
      },
    },
    delete: {
      operationId: 'DeleteSchedule',
      description:
        "Removes the environment's override: the stage default applies again.",
      parameters: environment,
      responses: {
        '200': jsonResponse('The schedule now in force', 'ScheduleResponse'),
        ...mutationErrors,
      },
    },
  },
  '/environments/{clinic}/{stage}/operations': {
    get: {
      operationId: 'ListOperations',
      parameters: [...environment, limit],
      responses: {
        '200': jsonResponse('Newest first', 'OperationListResponse'),
        '400': errorResponse('Malformed query'),
        '404': errorResponse('Unknown stage or environment'),
      },
    },
  },
  '/operations/{id}': {
    get: {
      operationId: 'GetOperation',
      parameters: [
        {
          name: 'id',
          in: 'path',
          required: true,
          schema: { type: 'string', pattern: '^[A-Za-z0-9-]{1,64}$' },
        },
      ],
      responses: {
        '200': jsonResponse('The operation and its steps', 'PowerOperation'),
        '404': errorResponse('No such operation'),
      },
    },
  },
  '/environments/{clinic}/{stage}/history': {
    get: {
      operationId: 'ListEnvironmentHistory',
      parameters: [...environment, limit],
      responses: {
        '200': jsonResponse(
          "The environment's audit records, newest first",
          'AuditListResponse',
        ),
        '400': errorResponse('Malformed query'),
        '404': errorResponse('Unknown stage or environment'),
      },
    },
  },
  '/audit': {
    get: {
      operationId: 'ListAudit',
      parameters: [limit],
      responses: {
        '200': jsonResponse(
          'Every attempted change, newest first',
          'AuditListResponse',
        ),
        '400': errorResponse('Malformed query'),
      },
    },
  },
} as const;

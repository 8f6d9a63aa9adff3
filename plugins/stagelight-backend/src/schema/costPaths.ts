import { errorResponse, jsonBody, jsonResponse } from './responses';

const costErrors = {
  '403': errorResponse('Not allowed to read cost'),
  '404': errorResponse('Unknown stage or environment'),
} as const;

/** Cost reports and projections, all served from the database. */
export const costPaths = {
  '/cost/summary': {
    get: {
      operationId: 'GetCostSummary',
      responses: {
        '200': jsonResponse(
          'Month to date against last month by stage and clinic',
          'CostSummaryResponse',
        ),
        '403': errorResponse('Not allowed to read cost'),
      },
    },
  },
  '/cost/environments/{clinic}/{stage}': {
    get: {
      operationId: 'GetEnvironmentCost',
      parameters: [
        { $ref: '#/components/parameters/clinic' },
        { $ref: '#/components/parameters/stage' },
      ],
      responses: {
        '200': jsonResponse(
          "One environment's month, daily cost, trend and savings",
          'EnvironmentCostResponse',
        ),
        ...costErrors,
      },
    },
  },
  '/cost/clinics/{clinic}': {
    get: {
      operationId: 'GetClinicCost',
      description:
        'Every configured stage of one clinic: month to date, the awake hourly rate and what a day asleep saves.',
      parameters: [{ $ref: '#/components/parameters/clinic' }],
      responses: {
        '200': jsonResponse("The clinic's cost by stage", 'ClinicCostResponse'),
        '400': errorResponse('Malformed clinic id'),
        '403': errorResponse('Not allowed to read cost'),
      },
    },
  },
  '/cost/stages/{stage}/forecast': {
    get: {
      operationId: 'GetStageForecast',
      parameters: [{ $ref: '#/components/parameters/stage' }],
      responses: {
        '200': jsonResponse(
          "The stage's forecast for this month",
          'StageForecastResponse',
        ),
        ...costErrors,
      },
    },
  },
  '/cost/projection': {
    post: {
      operationId: 'ProjectScheduleCost',
      description:
        'What a proposed schedule would cost this month, for one environment or a whole stage.',
      requestBody: jsonBody('CostProjectionRequest'),
      responses: {
        '200': jsonResponse('The projection', 'CostProjectionResponse'),
        '400': errorResponse('Malformed or invalid body'),
        '413': errorResponse('Body over the limit of the route'),
        ...costErrors,
      },
    },
  },
} as const;

/**
 * The OpenAPI 3.1 contract of every route of /api/stagelight: request validation comes from it
 * (`@backstage/backend-openapi-utils`), and it is served at /openapi.json for
 * pipelines and clients. Response shapes mirror `@stagelight/backstage-plugin-stagelight-common`.
 */
import {
  POWER_STATES,
  READINESS_STATES,
  WAIT_OUTCOMES,
} from '@stagelight/backstage-plugin-stagelight-common';
import { costPaths } from './costPaths';
import { doctorPaths } from './doctorPaths';
import { powerPaths } from './powerPaths';
import { requestSchemas } from './requestSchemas';
import { timelinePaths } from './timelinePaths';
import { errorResponse, jsonSchemaResponse } from './responses';

const CLINIC_PATTERN = '^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){0,31}$';
const STAGE_PATTERN = '^[a-z0-9][a-z0-9-]{0,31}$';

const nullableString = { type: ['string', 'null'] } as const;
const nullableNumber = { type: ['number', 'null'] } as const;

const summaryProperties = {
  clinic: { type: 'string' },
  stage: { type: 'string' },
  protected: { type: 'boolean' },
  owner: nullableString,
  power: { $ref: '#/components/schemas/PowerState' },
  readiness: { $ref: '#/components/schemas/ReadinessState' },
  expectedMarker: nullableString,
  servedMarker: nullableString,
  queue: { $ref: '#/components/schemas/QueueDepth' },
  errors: {
    type: 'array',
    items: { $ref: '#/components/schemas/EnvironmentError' },
  },
  refreshedAt: { type: 'string', format: 'date-time' },
  dataAgeSeconds: { type: 'number' },
} as const;

const summaryRequired = [
  'clinic',
  'stage',
  'protected',
  'owner',
  'power',
  'readiness',
  'expectedMarker',
  'servedMarker',
  'queue',
  'errors',
  'refreshedAt',
  'dataAgeSeconds',
] as const;

export const spec = {
  openapi: '3.1.0',
  info: {
    title: 'stagelight',
    version: '1',
    description:
      'Inventory, power state, queue depth and deploy readiness of every clinic x stage environment.',
    license: { name: 'UNLICENSED' },
  },
  servers: [{ url: '/' }],
  components: {
    parameters: {
      clinic: {
        name: 'clinic',
        in: 'path',
        required: true,
        schema: { type: 'string', pattern: CLINIC_PATTERN },
      },
      stage: {
        name: 'stage',
        in: 'path',
        required: true,
        schema: { type: 'string', pattern: STAGE_PATTERN },
      },
    },
    schemas: {
      ...requestSchemas,
      Error: {
        type: 'object',
        additionalProperties: false,
        properties: {
          error: {
            type: 'object',
            additionalProperties: false,
            properties: {
              name: { type: 'string' },
              message: { type: 'string' },
            },
            required: ['name', 'message'],
          },
        },
        required: ['error'],
      },
      PowerState: {
        type: 'string',
        enum: POWER_STATES,
      },
      ReadinessState: {
        type: 'string',
        enum: READINESS_STATES,
      },
      QueueDepth: {
        type: ['object', 'null'],
        additionalProperties: false,
        properties: {
          visible: { type: 'number' },
          inFlight: { type: 'number' },
          delayed: { type: 'number' },
          dlq: { type: 'number' },
          oldestAgeSeconds: nullableNumber,
        },
        required: ['visible', 'inFlight', 'delayed', 'dlq', 'oldestAgeSeconds'],
      },
      EnvironmentError: {
        type: 'object',
        additionalProperties: false,
        properties: { source: { type: 'string' }, message: { type: 'string' } },
        required: ['source', 'message'],
      },
      EnvironmentSummary: {
        type: 'object',
        additionalProperties: false,
        properties: summaryProperties,
        required: summaryRequired,
      },
      EnvironmentDetail: {
        description:
          'EnvironmentSummary plus resources, services, database, queues, functions and readinessDetail (typed in @stagelight/backstage-plugin-stagelight-common).',
        type: 'object',
        additionalProperties: false,
        properties: {
          ...summaryProperties,
          resources: {
            type: 'array',
            items: { description: 'EnvironmentResource' },
          },
          services: {
            type: 'array',
            items: { description: 'EcsServiceStatus' },
          },
          database: { description: 'DatabaseStatus or null' },
          queues: { type: 'array', items: { description: 'QueueStatus' } },
          functions: {
            type: 'array',
            items: { description: 'FunctionStatus' },
          },
          readinessDetail: { description: 'ReadinessStatus' },
        },
        required: [
          ...summaryRequired,
          'resources',
          'services',
          'database',
          'queues',
          'functions',
          'readinessDetail',
        ],
      },
    },
  },
  paths: {
    '/environments': {
      get: {
        operationId: 'ListEnvironments',
        description: 'Environments from the last refresh; never calls AWS.',
        parameters: [
          {
            name: 'clinic',
            in: 'query',
            required: false,
            schema: { type: 'string', pattern: CLINIC_PATTERN },
          },
          {
            name: 'stage',
            in: 'query',
            required: false,
            schema: { type: 'string', pattern: STAGE_PATTERN },
          },
          {
            name: 'power',
            in: 'query',
            required: false,
            schema: { $ref: '#/components/schemas/PowerState' },
          },
          {
            name: 'include',
            in: 'query',
            required: false,
            description:
              '`resources` returns full details, as the catalog module needs.',
            schema: { type: 'string', enum: ['resources'] },
          },
        ],
        responses: {
          '200': jsonSchemaResponse('The environments', {
            type: 'object',
            additionalProperties: false,
            properties: {
              items: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/EnvironmentSummary',
                },
              },
              stages: {
                type: 'array',
                items: {
                  type: 'object',
                  additionalProperties: false,
                  properties: {
                    name: { type: 'string' },
                    protected: { type: 'boolean' },
                  },
                  required: ['name', 'protected'],
                },
              },
              refreshedAt: nullableString,
              dataAgeSeconds: nullableNumber,
            },
            required: ['items', 'stages', 'refreshedAt', 'dataAgeSeconds'],
          }),
          '400': errorResponse('Malformed query'),
          '503': errorResponse('No refresh has finished yet'),
        },
      },
    },
    '/environments/{clinic}/{stage}': {
      get: {
        operationId: 'GetEnvironment',
        parameters: [
          { $ref: '#/components/parameters/clinic' },
          { $ref: '#/components/parameters/stage' },
        ],
        responses: {
          '200': jsonSchemaResponse('One environment in detail', {
            $ref: '#/components/schemas/EnvironmentDetail',
          }),
          '400': errorResponse('Malformed clinic or stage'),
          '404': errorResponse('Unknown stage or environment'),
        },
      },
    },
    '/environments/{clinic}/{stage}/readiness': {
      get: {
        operationId: 'WaitForMarker',
        description:
          'Long-poll: waits (bounded by stagelight.readiness.maxWaitSeconds) until the environment serves the marker, then says how long it took.',
        parameters: [
          { $ref: '#/components/parameters/clinic' },
          { $ref: '#/components/parameters/stage' },
          {
            name: 'marker',
            in: 'query',
            required: false,
            description:
              "Defaults to the marker of the primary deployment's task definition.",
            schema: { type: 'string', pattern: '^[A-Za-z0-9._:+\\-/]{1,128}$' },
          },
          {
            name: 'timeoutSeconds',
            in: 'query',
            required: false,
            schema: { type: 'integer', minimum: 0 },
          },
        ],
        responses: {
          '200': jsonSchemaResponse('How the wait ended', {
            type: 'object',
            additionalProperties: false,
            properties: {
              outcome: {
                type: 'string',
                enum: WAIT_OUTCOMES,
              },
              clinic: { type: 'string' },
              stage: { type: 'string' },
              marker: { type: 'string' },
              servedMarker: nullableString,
              waitedMs: { type: 'number' },
              probes: { type: 'number' },
            },
            required: [
              'outcome',
              'clinic',
              'stage',
              'marker',
              'servedMarker',
              'waitedMs',
              'probes',
            ],
          }),
          '400': errorResponse('Malformed query'),
          '404': errorResponse('Unknown stage or environment'),
        },
      },
    },
    '/clinics': {
      get: {
        operationId: 'ListClinics',
        responses: {
          '200': jsonSchemaResponse(
            "Clinics with each stage's power and readiness",
            {
              type: 'object',
              additionalProperties: false,
              properties: {
                items: {
                  type: 'array',
                  items: {
                    type: 'object',
                    additionalProperties: false,
                    properties: {
                      clinic: { type: 'string' },
                      owner: nullableString,
                      stages: {
                        type: 'array',
                        items: {
                          type: 'object',
                          additionalProperties: false,
                          properties: {
                            stage: { type: 'string' },
                            power: {
                              $ref: '#/components/schemas/PowerState',
                            },
                            readiness: {
                              $ref: '#/components/schemas/ReadinessState',
                            },
                          },
                          required: ['stage', 'power', 'readiness'],
                        },
                      },
                    },
                    required: ['clinic', 'owner', 'stages'],
                  },
                },
              },
              required: ['items'],
            },
          ),
        },
      },
    },
    ...powerPaths,
    ...costPaths,
    ...doctorPaths,
    ...timelinePaths,
  },
} as const;

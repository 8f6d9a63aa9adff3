import {
  EnvironmentDetail,
  EnvironmentResource,
} from '@stagelight/backstage-plugin-stagelight-common';

const res = (
  component: string,
  type: string,
  name: string,
): EnvironmentResource => ({
  arn:
    type === 's3'
      ? `arn:aws:s3:::${name}`
      : `arn:aws:${type.split(':')[0]}:us-east-1:123456789012:${name}`,
  component,
  type,
  name,
  accountId: '123456789012',
  region: 'us-east-1',
});

/** An environment as GET /environments?include=resources returns it. */
export function environment(
  clinic: string,
  stage: string,
  over: Partial<EnvironmentDetail> = {},
): EnvironmentDetail {
  const p = `ir-${clinic}-${stage}`;
  return {
    clinic,
    stage,
    protected: stage === 'prod',
    owner: null,
    power: 'awake',
    readiness: 'ready',
    expectedMarker: 'm1',
    servedMarker: 'm1',
    queue: null,
    errors: [],
    refreshedAt: '2026-11-26T10:00:00.000Z',
    dataAgeSeconds: 5,
    resources: [
      res('api', 'ecs:service', 'api'),
      res('db', 'rds:cluster', `${p}-db`),
      res('uploads', 's3', `${p}-uploads`),
      res('archive', 's3', `${p}-archive`),
      res('queue', 'sqs', `${p}-ingest`),
      res('dlq', 'sqs', `${p}-ingest-dlq`),
      res('ingest', 'lambda:function', `${p}-ingest`),
    ],
    services: [],
    database: null,
    queues: [],
    functions: [],
    readinessDetail: {
      state: 'ready',
      expectedMarker: 'm1',
      servedMarker: 'm1',
      reason: null,
      probeUrl: null,
      checkedAt: null,
    },
    ...over,
  };
}

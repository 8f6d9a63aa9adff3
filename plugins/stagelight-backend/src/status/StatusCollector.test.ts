import { mockServices } from '@backstage/backend-test-utils';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { MotoServer, startMotoServer } from '@internal/stagelight-local-aws';
import { awsClientFactoryFromSettings } from '../aws/AwsClientFactory';
import { CallCounter } from '../aws/CallCounter';
import { readStagelightSettings } from '../config/StagelightConfig';
import { HttpDeployMarkerProbe } from '../readiness/DeployMarkerProbe';
import { FaultInjector } from '../__testUtils__/faults';
import {
  ALDER_PROD,
  BIRCH_DEV_ASLEEP,
  createFleetFixture,
  FixtureEnvironment,
} from '../__testUtils__/fleetFixture';
import { testConfig } from '../__testUtils__/testSettings';
import {
  startVersionServer,
  VersionServer,
} from '../__testUtils__/versionServer';
import { createStatusAdapters } from './StatusAdapters';
import { StatusCollector } from './StatusCollector';
import { EnvironmentRecord } from '../snapshot/EnvironmentRecord';

const FLEET: FixtureEnvironment[] = [
  {
    clinic: 'alder',
    stage: 'dev',
    desiredCount: 2,
    marker: 'm-alder-dev',
    queued: 3,
    deadLetters: 1,
  },
  ALDER_PROD,
  BIRCH_DEV_ASLEEP,
  { clinic: 'birch', stage: 'test', desiredCount: 0, marker: 'm-birch-test' },
];

jest.setTimeout(60_000);

describe('StatusCollector against moto_server', () => {
  let moto: MotoServer;
  let api: VersionServer;

  beforeAll(async () => {
    moto = await startMotoServer();
    api = await startVersionServer();
    await createFleetFixture(moto.endpoint, FLEET);
    api.served.set('alder/dev', 'm-alder-dev');
    api.served.set('alder/prod', 'm-alder-prod-1');
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await moto?.stop();
  });

  function makeCollector(
    options: { maxAttempts?: number; useAlb?: boolean } = {},
  ) {
    const counter = new CallCounter();
    const faults = new FaultInjector();
    const config = testConfig(moto.endpoint, {
      readiness: options.useAlb
        ? { probeOnRefresh: false }
        : { baseUrlTemplate: api.baseUrlTemplate, probeTimeoutSeconds: 2 },
      aws: { maxAttempts: options.maxAttempts ?? 3 },
    });
    const settings = readStagelightSettings(config);
    const factory = awsClientFactoryFromSettings(
      DefaultAwsCredentialsManager.fromConfig(config),
      settings.aws,
      [counter.customizer, faults.customizer],
    );
    const collector = new StatusCollector({
      adapters: createStatusAdapters(factory, settings.aws.endpoint),
      settings,
      probe: new HttpDeployMarkerProbe(2000),
      clock: { now: () => new Date('2026-11-26T10:00:00Z') },
      logger: mockServices.logger.mock(),
    });
    return { collector, counter, faults };
  }

  const byKey = (records: EnvironmentRecord[]) =>
    new Map(records.map(r => [`${r.clinic}/${r.stage}`, r]));

  it('discovers every environment with its resources, status and readiness', async () => {
    const { collector, counter } = makeCollector();
    const { records, failedTargets } = await collector.collect();
    expect(failedTargets).toEqual([]);
    expect(records.map(r => `${r.clinic}/${r.stage}`)).toEqual([
      'alder/dev',
      'alder/prod',
      'birch/dev',
      'birch/test',
    ]);
    const envs = byKey(records);

    const alderDev = envs.get('alder/dev')!;
    expect(alderDev.errors).toEqual([]);
    expect(alderDev.power).toBe('awake');
    expect(alderDev.readiness).toBe('ready');
    expect(alderDev.expectedMarker).toBe('m-alder-dev');
    expect(alderDev.servedMarker).toBe('m-alder-dev');
    expect(alderDev.services).toEqual([
      expect.objectContaining({
        cluster: 'ir-alder-dev',
        name: 'api',
        desired: 2,
        running: 2,
        deployMarker: 'm-alder-dev',
      }),
    ]);
    expect(alderDev.database).toEqual(
      expect.objectContaining({
        identifier: 'ir-alder-dev-db',
        engine: 'aurora-postgresql',
        status: 'available',
        serverlessV2: { minCapacity: 0, maxCapacity: 4 },
        autoPause: true,
        capacityAcu: null,
      }),
    );
    expect(alderDev.queue).toEqual({
      visible: 3,
      inFlight: 0,
      delayed: 0,
      dlq: 1,
      oldestAgeSeconds: null,
    });
    expect(alderDev.functions.map(f => [f.name, f.component]).sort()).toEqual([
      ['ir-alder-dev-ingest', 'ingest'],
      ['ir-alder-dev-notify', 'notify'],
    ]);
    expect(
      alderDev.resources.map(r => `${r.type}:${r.component}`).sort(),
    ).toEqual([
      'ecs:service:api',
      'elasticloadbalancing:loadbalancer:api',
      'lambda:function:ingest',
      'lambda:function:notify',
      'rds:cluster:db',
      's3:archive',
      's3:uploads',
      'sqs:dlq',
      'sqs:queue',
    ]);
    const base = api.baseUrlTemplate
      .replace('{clinic}', 'alder')
      .replace('{stage}', 'dev');
    expect(alderDev.readinessDetail.probeUrl).toBe(`${base}/version`);

    const alderProd = envs.get('alder/prod')!;
    expect(alderProd.protected).toBe(true);
    expect(alderProd.power).toBe('awake');
    expect(alderProd.readiness).toBe('stale');
    expect(alderProd.servedMarker).toBe('m-alder-prod-1');

    expect(envs.get('birch/dev')).toEqual(
      expect.objectContaining({ power: 'asleep', readiness: 'asleep' }),
    );
    expect(envs.get('birch/dev')!.database!.status).toBe('stopped');
    expect(envs.get('birch/test')).toEqual(
      expect.objectContaining({ power: 'paused', readiness: 'asleep' }),
    );

    // One DescribeServices per cluster, one RDS listing, one GetMetricData for the region.
    const calls = counter.counts();
    expect(calls['ecs:DescribeServicesCommand']).toBe(4);
    expect(calls['rds:DescribeDBClustersCommand']).toBe(1);
    expect(calls['cloudwatch:GetMetricDataCommand']).toBe(1);
    expect(calls['lambda:ListFunctionsCommand']).toBe(1);
    expect(calls['sqs:GetQueueAttributesCommand']).toBe(8);
    // The template decides the probe URL, so no load balancer lookups are needed.
    expect(calls['elbv2:DescribeLoadBalancersCommand']).toBeUndefined();
  });

  it("without a URL template, probes the environment's own tagged ALB", async () => {
    const { collector, counter } = makeCollector({ useAlb: true });
    const { records } = await collector.collect();
    expect(counter.counts()['elbv2:DescribeLoadBalancersCommand']).toBe(1);
    for (const r of records) {
      expect(r.readinessDetail.probeUrl).toMatch(
        new RegExp(
          `^https://ir-${r.clinic}-${r.stage}-[^/]+\\.elb\\.amazonaws\\.com/version$`,
        ),
      );
    }
    // Not probed (probeOnRefresh: false): readiness is judged from ECS alone.
    expect(byKey(records).get('alder/dev')!.readinessDetail).toEqual(
      expect.objectContaining({
        state: 'ready',
        reason: 'not probed; ECS services steady',
        checkedAt: null,
      }),
    );
  });

  it('caches task definition markers: a second refresh does not describe them again', async () => {
    const { collector, counter } = makeCollector();
    await collector.collect();
    const first = counter.counts()['ecs:DescribeTaskDefinitionCommand'];
    counter.reset();
    await collector.collect();
    expect(first).toBe(4);
    expect(
      counter.counts()['ecs:DescribeTaskDefinitionCommand'],
    ).toBeUndefined();
  });

  it('retries throttling, 5xx and timeouts and then answers normally', async () => {
    const { collector, faults } = makeCollector({ maxAttempts: 4 });
    faults.set([
      {
        service: 'ecs',
        operation: 'DescribeServices',
        times: 2,
        fault: { kind: 'throttle' },
      },
      {
        service: 'rds',
        operation: 'DescribeDBClusters',
        times: 1,
        fault: { kind: 'server-error', status: 503 },
      },
      {
        service: 'lambda',
        operation: 'ListFunctions',
        times: 1,
        fault: { kind: 'timeout' },
      },
      {
        service: 'sqs',
        operation: 'GetQueueAttributes',
        fault: { kind: 'latency', ms: 50 },
      },
    ]);
    const { records } = await collector.collect();
    expect(records.flatMap(r => r.errors)).toEqual([]);
    expect(faults.hits.get('ecs:DescribeServices')).toBe(8);
    expect(faults.hits.get('rds:DescribeDBClusters')).toBe(1);
    expect(faults.hits.get('lambda:ListFunctions')).toBe(1);
    expect(byKey(records).get('alder/dev')!.power).toBe('awake');
    expect(byKey(records).get('alder/dev')!.queue!.visible).toBe(3);
  });

  it('marks only the affected environment when a call keeps failing', async () => {
    const { collector, faults } = makeCollector({ maxAttempts: 3 });
    faults.set([
      {
        service: 'ecs',
        operation: 'DescribeServices',
        match: input => input.cluster === 'ir-birch-dev',
        fault: { kind: 'server-error', status: 500 },
      },
      {
        service: 'sqs',
        operation: 'GetQueueAttributes',
        match: input =>
          String(input.QueueUrl).endsWith('/ir-alder-prod-ingest'),
        fault: { kind: 'throttle' },
      },
    ]);
    const { records } = await collector.collect();
    const envs = byKey(records);

    const birchDev = envs.get('birch/dev')!;
    expect(birchDev.power).toBe('unknown');
    expect(birchDev.errors).toEqual([
      expect.objectContaining({
        source: 'ecs:DescribeServices',
        message: expect.stringContaining('InternalFailure'),
      }),
    ]);
    expect(faults.hits.get('ecs:DescribeServices')).toBe(3);

    const alderProd = envs.get('alder/prod')!;
    expect(alderProd.power).toBe('awake');
    expect(alderProd.queue).toBeNull();
    expect(alderProd.errors).toEqual([
      expect.objectContaining({
        source: 'sqs:GetQueueAttributes',
        message: expect.stringContaining('ThrottlingException'),
      }),
    ]);

    expect(envs.get('alder/dev')!.errors).toEqual([]);
    expect(envs.get('alder/dev')!.power).toBe('awake');
    expect(envs.get('birch/test')!.errors).toEqual([]);
    expect(envs.get('birch/test')!.power).toBe('paused');
  });

  it('carries the last known environments forward when the inventory cannot be listed', async () => {
    const { collector, faults } = makeCollector({ maxAttempts: 2 });
    const { records: before } = await collector.collect();
    faults.set([
      {
        service: 'tagging',
        operation: 'GetResources',
        fault: { kind: 'server-error' },
      },
    ]);
    const { records, failedTargets } = await collector.collect(before);
    expect(failedTargets).toEqual([
      { accountId: undefined, region: 'us-east-1' },
    ]);
    expect(records).toHaveLength(4);
    for (const r of records) {
      expect(r.power).toBe('unknown');
      expect(r.errors[0].source).toBe('tagging:GetResources');
    }
  });
});

import {
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
} from '@aws-sdk/client-resource-groups-tagging-api';
import {
  DescribeServicesCommand,
  ECSClient,
  ListTaskDefinitionsCommand,
} from '@aws-sdk/client-ecs';
import { DescribeDBClustersCommand, RDSClient } from '@aws-sdk/client-rds';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { APP_NAME, DEFAULT_TAG_KEYS } from '@stagelight/tag-contract';
import { demoFleet, environmentResourceNames } from '../fleet/demoFleet';
import {
  localAwsClientConfig,
  LOCAL_ACCOUNT_ID,
  MotoServer,
  startMotoServer,
} from '@stagelight/image-review-stack/moto';
import { seedFleet } from './seedFleet';

const TODAY = new Date('2026-11-26T00:00:00Z');
const RESOURCE_TYPES = [
  'ecs:cluster',
  'ecs:service',
  'ecs:task-definition',
  'rds:cluster',
  'sqs',
  's3',
  'lambda:function',
  'elasticloadbalancing:loadbalancer',
];

describe('seedFleet against moto_server', () => {
  let moto: MotoServer;
  const fleet = demoFleet();
  const clients = () => {
    const config = localAwsClientConfig(moto.endpoint);
    return {
      tagging: new ResourceGroupsTaggingAPIClient(config),
      ecs: new ECSClient(config),
      rds: new RDSClient(config),
      s3: new S3Client(config),
      sqs: new SQSClient(config),
    };
  };

  /** Everything tagged as part of the app, as (clinic/stage/component → ARNs). */
  async function taggedInventory() {
    const { tagging } = clients();
    const byEnv = new Map<string, Set<string>>();
    const owners = new Map<string, Set<string | undefined>>();
    const arns = new Set<string>();
    for (const type of RESOURCE_TYPES) {
      let token: string | undefined;
      do {
        const page = await tagging.send(
          new GetResourcesCommand({
            TagFilters: [{ Key: DEFAULT_TAG_KEYS.app, Values: [APP_NAME] }],
            ResourceTypeFilters: [type],
            PaginationToken: token,
          }),
        );
        for (const r of page.ResourceTagMappingList ?? []) {
          if (arns.has(r.ResourceARN!)) continue; // moto lists S3 buckets once per region
          arns.add(r.ResourceARN!);
          const tag = (k: string) => r.Tags?.find(t => t.Key === k)?.Value;
          const key = `${tag(DEFAULT_TAG_KEYS.clinic)}/${tag(
            DEFAULT_TAG_KEYS.stage,
          )}`;
          if (!byEnv.has(key)) byEnv.set(key, new Set());
          byEnv.get(key)!.add(`${type}:${tag(DEFAULT_TAG_KEYS.component)}`);
          if (!owners.has(key)) owners.set(key, new Set());
          owners.get(key)!.add(tag(DEFAULT_TAG_KEYS.owner));
        }
        token = page.PaginationToken || undefined;
      } while (token);
    }
    return { byEnv, owners, arns };
  }

  async function queueDepth(name: string) {
    const { sqs } = clients();
    const { QueueUrl } = await sqs.send(
      new GetQueueUrlCommand({ QueueName: name }),
    );
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl,
        AttributeNames: ['ApproximateNumberOfMessages'],
      }),
    );
    return Number(Attributes!.ApproximateNumberOfMessages);
  }

  /** What seeding must not change when run twice. */
  async function fleetFingerprint() {
    const { ecs, rds } = clients();
    const rows: string[] = [];
    for (const env of fleet.environments) {
      const n = environmentResourceNames(env, LOCAL_ACCOUNT_ID);
      const svc = await ecs.send(
        new DescribeServicesCommand({
          cluster: n.cluster,
          services: [n.service],
        }),
      );
      const revisions = await ecs.send(
        new ListTaskDefinitionsCommand({ familyPrefix: n.taskFamily }),
      );
      const db = await rds.send(
        new DescribeDBClustersCommand({ DBClusterIdentifier: n.dbCluster }),
      );
      rows.push(
        [
          `${env.clinic}/${env.stage}`,
          svc.services?.length,
          svc.services?.[0]?.desiredCount,
          revisions.taskDefinitionArns?.length,
          db.DBClusters?.[0]?.Status,
          await queueDepth(n.ingestQueue),
          await queueDepth(n.ingestDlq),
        ].join(' '),
      );
    }
    const { arns } = await taggedInventory();
    return { rows, arns: [...arns].sort() };
  }

  beforeAll(async () => {
    moto = await startMotoServer();
    await seedFleet({ endpoint: moto.endpoint, fleet, today: TODAY });
  }, 120_000);

  afterAll(async () => {
    await moto?.stop();
  });

  it('creates 3 clinics x 4 stages, each with every component tagged by the tag contract', async () => {
    expect(fleet.environments).toHaveLength(12);
    const { byEnv } = await taggedInventory();
    expect([...byEnv.keys()].sort()).toEqual(
      fleet.environments.map(e => `${e.clinic}/${e.stage}`).sort(),
    );
    for (const components of byEnv.values()) {
      expect([...components].sort()).toEqual(
        [
          'ecs:cluster:api',
          'ecs:service:api',
          'ecs:task-definition:api',
          'elasticloadbalancing:loadbalancer:api',
          'lambda:function:ingest',
          'lambda:function:notify',
          'rds:cluster:db',
          's3:archive',
          's3:uploads',
          'sqs:dlq',
          'sqs:queue',
        ].sort(),
      );
    }
  });

  it('tags every resource of an owned clinic with its owner, none of an unowned one', async () => {
    const { owners } = await taggedInventory();
    for (const env of fleet.environments) {
      expect([...owners.get(`${env.clinic}/${env.stage}`)!]).toEqual([
        env.owner,
      ]);
    }
    const ownerOf = (clinic: string) =>
      fleet.environments.find(e => e.clinic === clinic)!.owner;
    expect(ownerOf('northside')).toBeUndefined();
    expect(ownerOf('harbor-view')).toBe('group:default/radiology-leads');
    expect(ownerOf('lakeshore')).toBe('group:default/cardiology-leads');
  });

  it('puts asleep environments at 0 tasks with a stopped database and remembers their count', async () => {
    const { ecs, rds } = clients();
    const asleep = fleet.environments.filter(e => e.asleep);
    const awake = fleet.environments.filter(e => !e.asleep);
    expect(asleep.length).toBeGreaterThan(0);
    expect(asleep.some(e => e.stage === 'prod')).toBe(false);
    for (const env of fleet.environments) {
      const n = environmentResourceNames(env, LOCAL_ACCOUNT_ID);
      const { services } = await ecs.send(
        new DescribeServicesCommand({
          cluster: n.cluster,
          services: [n.service],
          include: ['TAGS'],
        }),
      );
      const { DBClusters } = await rds.send(
        new DescribeDBClustersCommand({ DBClusterIdentifier: n.dbCluster }),
      );
      const remembered = services![0].tags?.find(
        t => t.key === DEFAULT_TAG_KEYS.desiredCount,
      )?.value;
      const service = services![0];
      expect({
        desiredCount: service.desiredCount,
        runningCount: service.runningCount,
        remembered,
        db: DBClusters![0].Status,
      }).toEqual(
        env.asleep
          ? {
              desiredCount: 0,
              runningCount: 0,
              remembered: String(env.apiDesiredCount),
              db: 'stopped',
            }
          : {
              desiredCount: env.apiDesiredCount,
              runningCount: env.apiDesiredCount,
              remembered: undefined,
              db: 'available',
            },
      );
      expect(DBClusters![0].ServerlessV2ScalingConfiguration?.MinCapacity).toBe(
        env.dbMinCapacity,
      );
    }
    expect(awake.filter(e => e.stage === 'prod')).toHaveLength(3);
  });

  it('leaves images waiting and a few dead letters', async () => {
    for (const env of fleet.environments) {
      const n = environmentResourceNames(env, LOCAL_ACCOUNT_ID);
      expect(await queueDepth(n.ingestQueue)).toBe(env.queuedImages);
      expect(await queueDepth(n.ingestDlq)).toBe(env.deadLetters);
    }
    expect(fleet.environments.some(e => e.deadLetters > 0)).toBe(true);
  });

  it('routes a .jpg under the clinic prefix to that clinic queue only', async () => {
    const { s3 } = clients();
    const [northsideDev, lakeshoreDev] = ['northside', 'lakeshore'].map(
      clinic =>
        environmentResourceNames({ clinic, stage: 'dev' }, LOCAL_ACCOUNT_ID),
    );
    const before = [
      await queueDepth(northsideDev.ingestQueue),
      await queueDepth(lakeshoreDev.ingestQueue),
    ];

    const put = (Key: string) =>
      s3.send(
        new PutObjectCommand({
          Bucket: northsideDev.uploadsBucket,
          Key,
          Body: 'jpeg bytes',
        }),
      );
    await put('northside/2026-11-26/eye-001.jpg');
    expect(await queueDepth(northsideDev.ingestQueue)).toBe(before[0] + 1);

    await put('northside/2026-11-26/notes.txt'); // wrong suffix
    await put('elsewhere/2026-11-26/eye-002.jpg'); // wrong prefix
    expect(await queueDepth(northsideDev.ingestQueue)).toBe(before[0] + 1);
    expect(await queueDepth(lakeshoreDev.ingestQueue)).toBe(before[1]);
  });

  it('changes nothing when run a second time', async () => {
    const first = await fleetFingerprint();
    const report = await seedFleet({
      endpoint: moto.endpoint,
      fleet,
      today: TODAY,
    });
    expect(report.costPagesQueued).toBe(2);
    expect(await fleetFingerprint()).toEqual(first);
  }, 120_000);
});

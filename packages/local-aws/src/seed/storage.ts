import {
  CreateBucketCommand,
  GetBucketNotificationConfigurationCommand,
  HeadBucketCommand,
  PutBucketEncryptionCommand,
  PutBucketNotificationConfigurationCommand,
  PutBucketTaggingCommand,
  PutBucketVersioningCommand,
  PutPublicAccessBlockCommand,
} from '@aws-sdk/client-s3';
import {
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SetQueueAttributesCommand,
  TagQueueCommand,
} from '@aws-sdk/client-sqs';
import {
  ComponentName,
  environmentTags,
  environmentTagList,
} from '@stagelight/tag-contract';
import { DemoEnvironment, environmentResourceNames } from '../fleet/demoFleet';
import { SeedClients } from './clients';
import { isNotFound } from './errors';

const tagsOf = (env: DemoEnvironment, component: ComponentName) =>
  environmentTags({
    clinic: env.clinic,
    stage: env.stage,
    owner: env.owner,
    component,
  });

async function ensureBucket(
  c: SeedClients,
  name: string,
  env: DemoEnvironment,
  component: ComponentName,
) {
  try {
    await c.s3.send(new HeadBucketCommand({ Bucket: name }));
  } catch (error) {
    if (!isNotFound(error)) throw error;
    await c.s3.send(
      new CreateBucketCommand({
        Bucket: name,
        ...(c.region === 'us-east-1'
          ? {}
          : {
              CreateBucketConfiguration: {
                LocationConstraint: c.region as never,
              },
            }),
      }),
    );
  }
  // Every stage mimics production: private, versioned, encrypted (docs/architecture.md, "The stack each clinic gets").
  await c.s3.send(
    new PutPublicAccessBlockCommand({
      Bucket: name,
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    }),
  );
  await c.s3.send(
    new PutBucketVersioningCommand({
      Bucket: name,
      VersioningConfiguration: { Status: 'Enabled' },
    }),
  );
  await c.s3.send(
    new PutBucketEncryptionCommand({
      Bucket: name,
      ServerSideEncryptionConfiguration: {
        Rules: [
          { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } },
        ],
      },
    }),
  );
  await c.s3.send(
    new PutBucketTaggingCommand({
      Bucket: name,
      Tagging: {
        TagSet: environmentTagList({
          clinic: env.clinic,
          stage: env.stage,
          owner: env.owner,
          component,
        }),
      },
    }),
  );
}

async function ensureQueue(
  c: SeedClients,
  name: string,
  env: DemoEnvironment,
  component: ComponentName,
  attributes: Record<string, string>,
) {
  const { QueueUrl } = await c.sqs.send(
    new CreateQueueCommand({ QueueName: name, tags: tagsOf(env, component) }),
  );
  await c.sqs.send(
    new SetQueueAttributesCommand({ QueueUrl, Attributes: attributes }),
  );
  await c.sqs.send(
    new TagQueueCommand({ QueueUrl, Tags: tagsOf(env, component) }),
  );
  const { Attributes } = await c.sqs.send(
    new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
  );
  return { url: QueueUrl!, arn: Attributes!.QueueArn! };
}

async function visibleMessages(c: SeedClients, queueUrl: string) {
  const { Attributes } = await c.sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ['ApproximateNumberOfMessages'],
    }),
  );
  return Number(Attributes?.ApproximateNumberOfMessages ?? 0);
}

/** Removes the s3:TestEvent S3 sends when a notification is (re)configured. */
async function dropTestEvents(c: SeedClients, queueUrl: string) {
  for (;;) {
    const { Messages } = await c.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        VisibilityTimeout: 0,
      }),
    );
    const tests = (Messages ?? []).filter(m =>
      m.Body?.includes('"s3:TestEvent"'),
    );
    if (!tests.length) return;
    await c.sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: tests.map((m, i) => ({
          Id: String(i),
          ReceiptHandle: m.ReceiptHandle!,
        })),
      }),
    );
  }
}

/** An S3 event notification body, as the bucket would send it for one upload. */
function uploadEvent(bucket: string, key: string, region: string) {
  return JSON.stringify({
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: region,
        eventTime: '2026-11-25T08:00:00.000Z',
        eventName: 'ObjectCreated:Put',
        s3: {
          bucket: { name: bucket, arn: `arn:aws:s3:::${bucket}` },
          object: { key, size: 524288 },
        },
      },
    ],
  });
}

async function topUp(
  c: SeedClients,
  queueUrl: string,
  want: number,
  bodies: (i: number) => string,
) {
  const have = await visibleMessages(c, queueUrl);
  for (let i = have; i < want; i += 10) {
    const batch = Array.from({ length: Math.min(10, want - i) }, (_, j) => ({
      Id: String(j),
      MessageBody: bodies(i + j),
    }));
    await c.sqs.send(
      new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: batch }),
    );
  }
}

/**
 * Upload and archive buckets, the ingest queue with its dead-letter queue, and the
 * upload bucket's object-created notification (clinic prefix, .jpg suffix) to the queue.
 */
export async function seedStorage(
  c: SeedClients,
  env: DemoEnvironment,
  accountId: string,
) {
  const names = environmentResourceNames(env, accountId);
  await ensureBucket(c, names.uploadsBucket, env, 'uploads');
  await ensureBucket(c, names.archiveBucket, env, 'archive');

  const dlq = await ensureQueue(c, names.ingestDlq, env, 'dlq', {
    MessageRetentionPeriod: String(14 * 24 * 3600),
  });
  const queue = await ensureQueue(c, names.ingestQueue, env, 'queue', {
    VisibilityTimeout: '180',
    RedrivePolicy: JSON.stringify({
      deadLetterTargetArn: dlq.arn,
      maxReceiveCount: 5,
    }),
    Policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 's3.amazonaws.com' },
          Action: 'sqs:SendMessage',
          Resource: '*',
          Condition: {
            ArnLike: { 'aws:SourceArn': `arn:aws:s3:::${names.uploadsBucket}` },
          },
        },
      ],
    }),
  });

  const current = await c.s3.send(
    new GetBucketNotificationConfigurationCommand({
      Bucket: names.uploadsBucket,
    }),
  );
  const configured = current.QueueConfigurations?.some(
    q => q.QueueArn === queue.arn,
  );
  if (!configured) {
    await c.s3.send(
      new PutBucketNotificationConfigurationCommand({
        Bucket: names.uploadsBucket,
        NotificationConfiguration: {
          QueueConfigurations: [
            {
              Id: 'images-to-ingest',
              QueueArn: queue.arn,
              Events: ['s3:ObjectCreated:*'],
              Filter: {
                Key: {
                  FilterRules: [
                    { Name: 'prefix', Value: names.uploadPrefix },
                    { Name: 'suffix', Value: names.imageSuffix },
                  ],
                },
              },
            },
          ],
        },
      }),
    );
    await dropTestEvents(c, queue.url);
  }

  const key = (i: number) =>
    `${names.uploadPrefix}2026-11-25/series-${String(i).padStart(3, '0')}.jpg`;
  await topUp(c, queue.url, env.queuedImages, i =>
    uploadEvent(names.uploadsBucket, key(i), c.region),
  );
  await topUp(c, dlq.url, env.deadLetters, i =>
    uploadEvent(names.uploadsBucket, key(900 + i), c.region),
  );
  return { queueUrl: queue.url, dlqUrl: dlq.url };
}

import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutBucketNotificationConfigurationCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import {
  CreateSecretCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { CreateEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  PurgeQueueCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import {
  LOCAL_ACCOUNT_ID,
  localAwsClientConfig,
  MotoServer,
  startMotoServer,
} from '../testing/moto';
import type { ListImagesResponse } from '../api/contract';
import { SAMPLE_CLINIC_CONFIG_PATH } from '../__testUtils__/sampleClinic';
import { loadClinicConfig } from '../config/loadClinicConfig';
import { environmentNames, uploadEventFilter } from '../config/names';
import { createLogger } from '../logging';
import { startTestApiService, TestApiService } from '../testing/apiService';
import { driveQueueOnce, sqsRecord } from '../testing/lambdaQueueDriver';
import {
  createIngestHandler,
  ingestDependenciesFromEnv,
} from './ingest/handler';
import type { NotifyEvent } from './notify/notifyEvent';
import { handler as notifyHandler } from './notify/handler';

/**
 * The ingest pipeline against a real moto_server and a running API service:
 * upload -> bucket notification -> queue -> ingest (archive + register) -> notify (SES).
 */
const config = loadClinicConfig(SAMPLE_CLINIC_CONFIG_PATH);
const stage = { ...config.stages[0], account: LOCAL_ACCOUNT_ID };
const names = environmentNames(config, stage);
const region = stage.region;
const TOKEN = 'pipeline-test-token-abcdefghijklmnop';
const WEB_BASE_URL = `https://${names.webHost}`;

let moto: MotoServer;
let api: TestApiService;
let s3: S3Client;
let sqs: SQSClient;
let queue: { url: string; arn: string; region: string };
let dlqUrl: string;
let kmsKeyArn: string;
const savedEnv = { ...process.env };
const notifications: NotifyEvent[] = [];
const silent = createLogger({ write: () => {} });

function ingest() {
  const deps = ingestDependenciesFromEnv();
  return createIngestHandler({
    ...deps,
    log: silent,
    // In AWS this is an asynchronous Lambda invoke of the notify function; here
    // the test records the event and runs the real notify handler in-process.
    notifier: {
      imageSetCreated: async event => {
        notifications.push(event);
        await notifyHandler(event);
      },
    },
  });
}

async function drainQueue(
  handler: (
    e: SQSEvent,
  ) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>,
) {
  const bodies: string[] = [];
  for (let i = 0; i < 10; i++) {
    const result = await driveQueueOnce(sqs, queue, handler);
    if (result.succeeded.length + result.failed.length === 0) break;
    bodies.push(...result.succeeded.map(m => m.Body ?? ''));
  }
  return bodies;
}

async function queueDepth(url: string): Promise<number> {
  const out = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: url,
      AttributeNames: [
        'ApproximateNumberOfMessages',
        'ApproximateNumberOfMessagesNotVisible',
      ],
    }),
  );
  return (
    Number(out.Attributes?.ApproximateNumberOfMessages ?? 0) +
    Number(out.Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0)
  );
}

/** The images the API has registered, as the ingest service account sees them. */
async function listImages(query = ''): Promise<ListImagesResponse['items']> {
  const res = await fetch(`${api.url}/images${query}`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  return ((await res.json()) as ListImagesResponse).items;
}

/** What moto recorded as sent through SES (its data dump lists each message's HTML body). */
async function sentEmails(): Promise<
  { source: string; destinations: unknown; subject: string; body: string }[]
> {
  const res = await fetch(`${moto.endpoint}/moto-api/data.json`);
  const data = (await res.json()) as {
    ses?: {
      Message?: {
        source: string;
        destinations: unknown;
        subject: string;
        body: string;
      }[];
    };
  };
  return data.ses?.Message ?? [];
}

beforeAll(async () => {
  moto = await startMotoServer();
  api = await startTestApiService({
    deployMarker: 'pipeline-test',
    serviceToken: TOKEN,
    log: silent,
  });

  const clientConfig = localAwsClientConfig(moto.endpoint, region);
  s3 = new S3Client(clientConfig);
  sqs = new SQSClient(clientConfig);
  const kms = new KMSClient(clientConfig);
  const secrets = new SecretsManagerClient(clientConfig);
  const ses = new SESv2Client(clientConfig);

  // What the stack would have created, by the same derived names and filter.
  kmsKeyArn = (
    await kms.send(new CreateKeyCommand({ Description: 'data key' }))
  ).KeyMetadata!.Arn!;
  for (const bucket of [names.uploadsBucket, names.archiveBucket]) {
    await s3.send(
      new CreateBucketCommand({
        Bucket: bucket,
        CreateBucketConfiguration: { LocationConstraint: region as never },
      }),
    );
    await s3.send(
      new PutBucketVersioningCommand({
        Bucket: bucket,
        VersioningConfiguration: { Status: 'Enabled' },
      }),
    );
  }
  dlqUrl = (
    await sqs.send(new CreateQueueCommand({ QueueName: names.ingestDlq }))
  ).QueueUrl!;
  const dlqArn = `arn:aws:sqs:${region}:${LOCAL_ACCOUNT_ID}:${names.ingestDlq}`;
  const queueUrl = (
    await sqs.send(
      new CreateQueueCommand({
        QueueName: names.ingestQueue,
        Attributes: {
          // One failed receive is enough to reach the DLQ in this test.
          RedrivePolicy: JSON.stringify({
            deadLetterTargetArn: dlqArn,
            maxReceiveCount: 1,
          }),
        },
      }),
    )
  ).QueueUrl!;
  queue = {
    url: queueUrl,
    arn: `arn:aws:sqs:${region}:${LOCAL_ACCOUNT_ID}:${names.ingestQueue}`,
    region,
  };
  const { prefix, suffix } = uploadEventFilter(config);
  await s3.send(
    new PutBucketNotificationConfigurationCommand({
      Bucket: names.uploadsBucket,
      NotificationConfiguration: {
        QueueConfigurations: [
          {
            QueueArn: queue.arn,
            Events: ['s3:ObjectCreated:*'],
            Filter: {
              Key: {
                FilterRules: [
                  { Name: 'prefix', Value: prefix },
                  { Name: 'suffix', Value: suffix },
                ],
              },
            },
          },
        ],
      },
    }),
  );
  const secretArn = (
    await secrets.send(
      new CreateSecretCommand({
        Name: names.ingestTokenSecretName,
        SecretString: TOKEN,
      }),
    )
  ).ARN!;
  await ses.send(
    new CreateEmailIdentityCommand({ EmailIdentity: config.senderEmail }),
  );

  // The functions' environment, as the IngestFunction / NotifyFunction constructs set it.
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: moto.endpoint,
    AWS_REGION: region,
    AWS_ACCESS_KEY_ID: clientConfig.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: clientConfig.credentials.secretAccessKey,
    ARCHIVE_BUCKET: names.archiveBucket,
    ARCHIVE_KMS_KEY_ARN: kmsKeyArn,
    API_BASE_URL: api.url,
    SERVICE_TOKEN_SECRET_ARN: secretArn,
    NOTIFY_FUNCTION_NAME: names.notifyFunction,
    UPLOAD_PREFIX: prefix,
    IMAGE_SUFFIX: suffix,
    WEB_BASE_URL,
    SENDER_EMAIL: config.senderEmail,
    REVIEWER_EMAILS: config.reviewers.join(','),
    CLINIC_NAME: config.displayName,
  });
}, 60_000);

afterAll(async () => {
  process.env = savedEnv;
  await api?.close();
  await moto?.stop();
});

describe('the ingest pipeline on moto', () => {
  let firstBody: string;

  it('archives an upload under the clinic prefix, registers it with the API and emails the reviewers a deep link', async () => {
    const key = 'northwind/visit-0001/eye left.jpg';
    const put = await s3.send(
      new PutObjectCommand({
        Bucket: names.uploadsBucket,
        Key: key,
        Body: 'jpeg-bytes',
        ContentType: 'image/jpeg',
      }),
    );
    // Not picked up: outside the prefix, or not an image.
    await s3.send(
      new PutObjectCommand({
        Bucket: names.uploadsBucket,
        Key: 'elsewhere/x.jpg',
        Body: 'x',
      }),
    );
    await s3.send(
      new PutObjectCommand({
        Bucket: names.uploadsBucket,
        Key: 'northwind/visit-0001/notes.txt',
        Body: 'x',
      }),
    );

    const handled = await drainQueue(ingest());
    const created = handled.filter(b => b.includes('ObjectCreated'));
    expect(created).toHaveLength(1);
    firstBody = created[0];
    expect(await queueDepth(queue.url)).toBe(0);

    const archived = await s3.send(
      new HeadObjectCommand({ Bucket: names.archiveBucket, Key: key }),
    );
    expect(archived.ServerSideEncryption).toBe('aws:kms');
    expect(archived.SSEKMSKeyId).toContain(kmsKeyArn.split('/').pop());
    expect(archived.ContentType).toBe('image/jpeg');
    expect(archived.Metadata?.['source-version-id']).toBe(put.VersionId);
    const body = await s3.send(
      new GetObjectCommand({ Bucket: names.archiveBucket, Key: key }),
    );
    expect(await body.Body?.transformToString()).toBe('jpeg-bytes');

    const items = await listImages();
    expect(items).toEqual([
      expect.objectContaining({
        sourceBucket: names.uploadsBucket,
        sourceKey: key,
        sourceVersionId: put.VersionId,
        archiveBucket: names.archiveBucket,
        archiveVersionId: archived.VersionId,
      }),
    ]);

    expect(notifications).toEqual([{ imageSetId: items[0].imageSetId }]);
    const emails = await sentEmails();
    expect(emails).toHaveLength(1);
    const email = emails[0];
    expect(email.source).toBe(config.senderEmail);
    expect(JSON.stringify(email.destinations)).toContain(config.reviewers[0]);
    expect(email.body).toContain(
      `${WEB_BASE_URL}/image-sets/${items[0].imageSetId}`,
    );
    // Only the link: no object key, folder or file name leaves the API.
    expect(email.body).not.toContain('visit-0001');
    expect(email.subject).not.toContain('visit-0001');
  });

  it('does not archive, register or notify twice when a message is redelivered', async () => {
    const versionsBefore = await s3.send(
      new ListObjectVersionsCommand({
        Bucket: names.archiveBucket,
        Prefix: 'northwind/',
      }),
    );
    const redelivered: SQSEvent = {
      Records: [
        sqsRecord(queue, {
          messageId: 'redelivered-1',
          receiptHandle: 'r',
          body: firstBody,
          receiveCount: '2',
          senderId: 's3',
        }),
      ],
    };
    expect(await ingest()(redelivered)).toEqual({ batchItemFailures: [] });

    const versionsAfter = await s3.send(
      new ListObjectVersionsCommand({
        Bucket: names.archiveBucket,
        Prefix: 'northwind/',
      }),
    );
    expect(versionsAfter.Versions?.length).toBe(1);
    expect(versionsAfter.Versions).toEqual(versionsBefore.Versions);
    expect(await listImages()).toHaveLength(1);
    expect(notifications).toHaveLength(1);
    expect(await sentEmails()).toHaveLength(1);
  });

  it('adds a second image to the same set without notifying again', async () => {
    await s3.send(
      new PutObjectCommand({
        Bucket: names.uploadsBucket,
        Key: 'northwind/visit-0001/eye-right.jpg',
        Body: 'r',
      }),
    );
    await drainQueue(ingest());
    const items = await listImages();
    expect(items).toHaveLength(2);
    expect(new Set(items.map(i => i.imageSetId)).size).toBe(1);
    expect(notifications).toHaveLength(1);
  });

  it('archives each object version once when the event names the version, as S3 does for versioned buckets', async () => {
    const key = 'northwind/visit-0003/fundus.jpg';
    const eventFor = (
      versionId: string,
      etag: string,
      messageId: string,
    ): SQSEvent => ({
      Records: [
        sqsRecord(queue, {
          messageId,
          senderId: 's3',
          body: JSON.stringify({
            Records: [
              {
                eventSource: 'aws:s3',
                eventName: 'ObjectCreated:Put',
                s3: {
                  bucket: { name: names.uploadsBucket },
                  object: {
                    key: encodeURIComponent(key),
                    size: 2,
                    eTag: etag,
                    versionId,
                  },
                },
              },
            ],
          }),
        }),
      ],
    });
    const v1 = await s3.send(
      new PutObjectCommand({
        Bucket: names.uploadsBucket,
        Key: key,
        Body: 'v1',
      }),
    );
    const v2 = await s3.send(
      new PutObjectCommand({
        Bucket: names.uploadsBucket,
        Key: key,
        Body: 'v2',
      }),
    );
    // moto's own notifications for these puts carry no versionId; this test sends S3's real shape.
    await sqs.send(new PurgeQueueCommand({ QueueUrl: queue.url }));

    const handler = ingest();
    const etag = (out: { ETag?: string }) => out.ETag!.replace(/"/g, '');
    for (const [version, out, id] of [
      [v1.VersionId!, v1, 'v1-a'],
      [v1.VersionId!, v1, 'v1-b'],
      [v2.VersionId!, v2, 'v2-a'],
      [v1.VersionId!, v1, 'v1-c'],
    ] as const) {
      expect(await handler(eventFor(version, etag(out), id))).toEqual({
        batchItemFailures: [],
      });
    }
    const archived = await s3.send(
      new ListObjectVersionsCommand({
        Bucket: names.archiveBucket,
        Prefix: key,
      }),
    );
    const sourceVersions = await Promise.all(
      (archived.Versions ?? []).map(
        async v =>
          (
            await s3.send(
              new HeadObjectCommand({
                Bucket: names.archiveBucket,
                Key: key,
                VersionId: v.VersionId,
              }),
            )
          ).Metadata?.['source-version-id'],
      ),
    );
    // Each source version is archived exactly once, whatever was delivered how often.
    expect(sourceVersions.sort()).toEqual([v1.VersionId, v2.VersionId].sort());
    const registered = (await listImages('?limit=500')).filter(
      i => i.sourceKey === key,
    );
    expect(registered.map(i => i.sourceVersionId).sort()).toEqual(
      [v1.VersionId, v2.VersionId].sort(),
    );
  });

  it('reports a malformed message as a batch item failure and it ends in the DLQ', async () => {
    const sent = await sqs.send(
      new SendMessageCommand({
        QueueUrl: queue.url,
        MessageBody: 'not an S3 event',
      }),
    );
    const first = await driveQueueOnce(sqs, queue, ingest());
    expect(first.failed.map(m => m.MessageId)).toEqual([sent.MessageId]);
    expect(first.succeeded).toEqual([]);

    // The next receive exceeds maxReceiveCount: SQS moves the message to the DLQ.
    const second = await driveQueueOnce(sqs, queue, ingest());
    expect(second.failed).toEqual([]);
    expect(await queueDepth(queue.url)).toBe(0);
    expect(await queueDepth(dlqUrl)).toBe(1);
  });

  it('fails only the poison message of a mixed batch', async () => {
    const poison = sqsRecord(queue, {
      messageId: 'poison',
      receiptHandle: 'p',
      senderId: 'x',
      body: JSON.stringify({
        Records: [
          { eventSource: 'aws:s3', eventName: 'ObjectRemoved:Delete', s3: {} },
        ],
      }),
    });
    const testEvent = {
      ...poison,
      messageId: 'test-event',
      body: JSON.stringify({ Event: 's3:TestEvent' }),
    };
    expect(await ingest()({ Records: [testEvent, poison] })).toEqual({
      batchItemFailures: [{ itemIdentifier: 'poison' }],
    });
  });
});

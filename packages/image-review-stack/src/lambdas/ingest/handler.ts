import type { S3Client } from '@aws-sdk/client-s3';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { createLogger, Logger } from '../../logging';
import { awsClients, requiredEnv } from '../awsClients';
import { archiveUpload, ArchiveTarget } from './archive';
import {
  HttpImageRegistry,
  ImageRegistry,
  secretTokenProvider,
} from './imageRegistry';
import { LambdaNotifier, Notifier } from './notifier';
import {
  imageSetPathOf,
  MalformedMessageError,
  parseUploadMessage,
} from './uploadMessage';

export interface IngestDependencies {
  s3: S3Client;
  archive: ArchiveTarget;
  registry: ImageRegistry;
  notifier: Notifier;
  filter: { prefix: string; suffix: string };
  log: Logger;
}

/** Builds the dependencies from the function's environment (set by the IngestFunction construct). */
export function ingestDependenciesFromEnv(): IngestDependencies {
  return {
    s3: awsClients.s3(),
    archive: {
      bucket: requiredEnv('ARCHIVE_BUCKET'),
      kmsKeyId: requiredEnv('ARCHIVE_KMS_KEY_ARN'),
    },
    registry: new HttpImageRegistry(
      requiredEnv('API_BASE_URL'),
      secretTokenProvider(
        awsClients.secrets(),
        requiredEnv('SERVICE_TOKEN_SECRET_ARN'),
      ),
    ),
    notifier: new LambdaNotifier(
      awsClients.lambda(),
      requiredEnv('NOTIFY_FUNCTION_NAME'),
    ),
    filter: {
      prefix: requiredEnv('UPLOAD_PREFIX'),
      suffix: requiredEnv('IMAGE_SUFFIX'),
    },
    log: createLogger({ fields: { fn: 'ingest' } }),
  };
}

async function ingestRecord(
  record: SQSRecord,
  deps: IngestDependencies,
): Promise<void> {
  const message = parseUploadMessage(record.body);
  if (message.kind === 'test-event') return;
  for (const object of message.objects) {
    const imageSetPath = imageSetPathOf(object.key, deps.filter);
    const archived = await archiveUpload(deps.s3, object, deps.archive);
    const registration = await deps.registry.register({
      imageSetPath,
      source: { ...object, versionId: archived.sourceVersionId },
      archive: {
        bucket: archived.bucket,
        key: archived.key,
        versionId: archived.versionId,
      },
    });
    deps.log.info('image ingested', {
      messageId: record.messageId,
      imageId: registration.image.id,
      imageSetId: registration.imageSet.id,
      archived: archived.copied,
    });
    if (registration.imageSetCreated) {
      await deps.notifier.imageSetCreated({
        imageSetId: registration.imageSet.id,
      });
    }
  }
}

/**
 * The SQS-triggered ingest handler. It reports failures per message
 * (ReportBatchItemFailures), so one poison message neither blocks nor repeats
 * the rest of its batch; after maxReceiveCount failures SQS moves it to the DLQ.
 */
export function createIngestHandler(deps: IngestDependencies) {
  return async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      try {
        await ingestRecord(record, deps);
      } catch (error) {
        deps.log[error instanceof MalformedMessageError ? 'warn' : 'error'](
          'message failed',
          {
            messageId: record.messageId,
            receiveCount: record.attributes.ApproximateReceiveCount,
            error,
          },
        );
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures };
  };
}

let configured: ReturnType<typeof createIngestHandler> | undefined;

/** The Lambda entry point. */
export const handler = (event: SQSEvent): Promise<SQSBatchResponse> => {
  configured ??= createIngestHandler(ingestDependenciesFromEnv());
  return configured(event);
};

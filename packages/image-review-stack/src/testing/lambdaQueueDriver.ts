import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  Message,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

export interface DriveResult {
  /** Messages the handler took (deleted from the queue). */
  succeeded: Message[];
  /** Messages it reported in batchItemFailures (left on the queue). */
  failed: Message[];
}

function toRecord(
  message: Message,
  queueArn: string,
  region: string,
): SQSRecord {
  const attrs = message.Attributes ?? {};
  return {
    messageId: message.MessageId ?? '',
    receiptHandle: message.ReceiptHandle ?? '',
    body: message.Body ?? '',
    attributes: {
      ApproximateReceiveCount: attrs.ApproximateReceiveCount ?? '1',
      SentTimestamp: attrs.SentTimestamp ?? '0',
      SenderId: attrs.SenderId ?? '',
      ApproximateFirstReceiveTimestamp:
        attrs.ApproximateFirstReceiveTimestamp ?? '0',
    },
    messageAttributes: {},
    md5OfBody: message.MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: region,
  };
}

/**
 * Does what Lambda's SQS event source mapping does with ReportBatchItemFailures:
 * receive a batch, invoke the handler, delete what succeeded. Failed messages
 * are made visible again at once (as if their visibility timeout had passed),
 * so a test can watch the redrive policy move them to the DLQ.
 */
export async function driveQueueOnce(
  sqs: SQSClient,
  queue: { url: string; arn: string; region: string },
  handler: (event: SQSEvent) => Promise<SQSBatchResponse>,
): Promise<DriveResult> {
  const received = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: queue.url,
      MaxNumberOfMessages: 10,
      WaitTimeSeconds: 0,
      MessageSystemAttributeNames: ['All'],
    }),
  );
  const messages = received.Messages ?? [];
  if (messages.length === 0) return { succeeded: [], failed: [] };
  const response = await handler({
    Records: messages.map(m => toRecord(m, queue.arn, queue.region)),
  });
  const failedIds = new Set(
    response.batchItemFailures.map(f => f.itemIdentifier),
  );
  const result: DriveResult = { succeeded: [], failed: [] };
  for (const message of messages) {
    if (failedIds.has(message.MessageId ?? '')) {
      result.failed.push(message);
      await sqs.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: queue.url,
          ReceiptHandle: message.ReceiptHandle,
          VisibilityTimeout: 0,
        }),
      );
    } else {
      result.succeeded.push(message);
      await sqs.send(
        new DeleteMessageCommand({
          QueueUrl: queue.url,
          ReceiptHandle: message.ReceiptHandle,
        }),
      );
    }
  }
  return result;
}

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

/** What a test may say about one message; the rest is what SQS fills in for a first receive. */
export interface SqsRecordFields {
  messageId: string;
  body: string;
  /** Defaults to the message id. */
  receiptHandle?: string;
  /** ApproximateReceiveCount; 1 unless redelivered. */
  receiveCount?: string;
  senderId?: string;
  sentTimestamp?: string;
  firstReceiveTimestamp?: string;
  md5OfBody?: string;
}

/** A message of `queue` in the shape Lambda's SQS event source hands it to a handler. */
export function sqsRecord(
  queue: { arn: string; region: string },
  fields: SqsRecordFields,
): SQSRecord {
  return {
    messageId: fields.messageId,
    receiptHandle: fields.receiptHandle ?? fields.messageId,
    body: fields.body,
    attributes: {
      ApproximateReceiveCount: fields.receiveCount ?? '1',
      SentTimestamp: fields.sentTimestamp ?? '0',
      SenderId: fields.senderId ?? '',
      ApproximateFirstReceiveTimestamp: fields.firstReceiveTimestamp ?? '0',
    },
    messageAttributes: {},
    md5OfBody: fields.md5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: queue.arn,
    awsRegion: queue.region,
  };
}

function toRecord(
  message: Message,
  queue: { arn: string; region: string },
): SQSRecord {
  const attrs = message.Attributes ?? {};
  return sqsRecord(queue, {
    messageId: message.MessageId ?? '',
    receiptHandle: message.ReceiptHandle ?? '',
    body: message.Body ?? '',
    receiveCount: attrs.ApproximateReceiveCount,
    senderId: attrs.SenderId,
    sentTimestamp: attrs.SentTimestamp,
    firstReceiveTimestamp: attrs.ApproximateFirstReceiveTimestamp,
    md5OfBody: message.MD5OfBody,
  });
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
    Records: messages.map(m => toRecord(m, queue)),
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

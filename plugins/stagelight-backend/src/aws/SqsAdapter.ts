import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { AwsClientFactory } from './AwsClientFactory';
import { AwsLocation } from './AwsLocation';

export interface QueueCounts {
  visible: number;
  inFlight: number;
  delayed: number;
}

/** SQS: approximate counts, one queue per call (the API has no batch form). */
export class SqsAdapter {
  constructor(
    private readonly factory: AwsClientFactory,
    private readonly endpoint?: string,
  ) {}

  /** The queue URL derived from its ARN parts (no GetQueueUrl round trip). */
  queueUrl(region: string, queue: { accountId: string; name: string }): string {
    const host = this.endpoint ?? `https://sqs.${region}.amazonaws.com`;
    return `${host.replace(/\/$/, '')}/${queue.accountId}/${queue.name}`;
  }

  /** `where` picks the credentials; the queue's own account is part of its URL. */
  async counts(
    where: AwsLocation,
    queue: { accountId: string; name: string },
  ): Promise<QueueCounts> {
    const res = await this.factory.call('sqs', where, c =>
      c.send(
        new GetQueueAttributesCommand({
          QueueUrl: this.queueUrl(where.region, queue),
          AttributeNames: [
            'ApproximateNumberOfMessages',
            'ApproximateNumberOfMessagesNotVisible',
            'ApproximateNumberOfMessagesDelayed',
          ],
        }),
      ),
    );
    const a = res.Attributes ?? {};
    return {
      visible: Number(a.ApproximateNumberOfMessages ?? 0),
      inFlight: Number(a.ApproximateNumberOfMessagesNotVisible ?? 0),
      delayed: Number(a.ApproximateNumberOfMessagesDelayed ?? 0),
    };
  }
}

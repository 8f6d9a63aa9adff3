import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { StageEnvironment, tagComponent } from './StageEnvironment';

export interface IngestQueueProps {
  env: StageEnvironment;
  key: kms.IKey;
  /** The consumer's timeout; the visibility timeout is six times it, as AWS advises for Lambda. */
  consumerTimeout: Duration;
  /** Failed receives before a message moves to the DLQ. */
  maxReceiveCount?: number;
}

/** The queue between the upload bucket and the ingest Lambda, with its dead-letter queue. */
export class IngestQueue extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: IngestQueueProps) {
    super(scope, id);
    this.deadLetterQueue = new sqs.Queue(this, 'Dlq', {
      queueName: props.env.names.ingestDlq,
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: props.key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.queue = new sqs.Queue(this, 'Queue', {
      queueName: props.env.names.ingestQueue,
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: props.key,
      dataKeyReuse: Duration.hours(1),
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(
        props.consumerTimeout.toSeconds() * 6,
      ),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: {
        queue: this.deadLetterQueue,
        maxReceiveCount: props.maxReceiveCount ?? 5,
      },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    tagComponent(this.queue, props.env, 'queue');
    tagComponent(this.deadLetterQueue, props.env, 'dlq');
  }
}

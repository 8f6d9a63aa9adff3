import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { StageEnvironment, tagComponent } from './StageEnvironment';

/**
 * The customer-managed KMS key for the environment's data at rest: buckets,
 * queues, database, log groups, secrets. Rotated yearly; kept when the stack goes.
 */
export class DataKey extends Construct {
  readonly key: kms.Key;

  constructor(scope: Construct, id: string, props: { env: StageEnvironment }) {
    super(scope, id);
    const { region, account } = Stack.of(this);
    this.key = new kms.Key(this, 'Key', {
      alias: `alias/${props.env.names.prefix}`,
      description: `Image review data of ${props.env.config.clinic} (${props.env.stage.name})`,
      enableKeyRotation: true,
      pendingWindow: Duration.days(30),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // CloudWatch Logs encrypts the environment's log groups with this key.
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal(`logs.${region}.amazonaws.com`)],
        actions: [
          'kms:Encrypt*',
          'kms:Decrypt*',
          'kms:ReEncrypt*',
          'kms:GenerateDataKey*',
          'kms:Describe*',
        ],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${region}:${account}:*`,
          },
        },
      }),
    );
    // S3 encrypts the object-created notifications it sends to the (encrypted) ingest queue.
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('s3.amazonaws.com')],
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': account } },
      }),
    );
    tagComponent(this, props.env, 'archive');
  }
}

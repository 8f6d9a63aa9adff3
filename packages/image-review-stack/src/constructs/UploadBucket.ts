import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { uploadEventFilter } from '../config/names';
import { ProtectedBucket } from './ProtectedBucket';
import { StageEnvironment, tagComponent } from './StageEnvironment';

export interface UploadBucketProps {
  env: StageEnvironment;
  key: kms.IKey;
  accessLogs: s3.IBucket;
  /** Receives object-created events for keys under the upload prefix with the image suffix. */
  queue: sqs.Queue;
}

/**
 * Where cameras and clients drop images. Object-created events, filtered by the
 * clinic's prefix and image suffix, go to the ingest queue.
 */
export class UploadBucket extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: UploadBucketProps) {
    super(scope, id);
    const bucketName = props.env.names.uploadsBucket;
    this.bucket = new ProtectedBucket(this, 'Bucket', {
      bucketName,
      key: props.key,
      accessLogs: props.accessLogs,
      // Uploads are archived by the ingest Lambda; the upload copy is a staging area.
      lifecycleRules: [
        {
          expiration: Duration.days(90),
          noncurrentVersionExpiration: Duration.days(30),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
      withoutReplicationBecause:
        'Every upload is copied into the versioned, KMS-encrypted archive bucket by the ingest Lambda; that copy is the durable one, the upload bucket is a 90-day staging area.',
    });

    // The queue policy names the bucket by its derived ARN rather than a reference,
    // so the policy can exist before the bucket and S3 can validate the
    // destination when the bucket is created (no custom resource needed).
    const bucketArn = `arn:${Stack.of(this).partition}:s3:::${bucketName}`;
    const statement = props.queue.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('s3.amazonaws.com')],
        actions: ['sqs:SendMessage'],
        resources: [props.queue.queueArn],
        conditions: {
          ArnEquals: { 'aws:SourceArn': bucketArn },
          StringEquals: { 'aws:SourceAccount': Stack.of(this).account },
        },
      }),
    );
    const { prefix, suffix } = uploadEventFilter(props.env.config);
    const cfnBucket = this.bucket.node.defaultChild as s3.CfnBucket;
    cfnBucket.notificationConfiguration = {
      queueConfigurations: [
        {
          event: 's3:ObjectCreated:*',
          queue: props.queue.queueArn,
          filter: {
            s3Key: {
              rules: [
                { name: 'prefix', value: prefix },
                { name: 'suffix', value: suffix },
              ],
            },
          },
        },
      ],
    };
    if (statement.policyDependable) {
      this.bucket.node.addDependency(statement.policyDependable);
    }
    tagComponent(this, props.env, 'uploads');
  }
}

import { Duration, Validations } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { protectedBucketProps } from './protectedBucketProps';
import { Construct } from 'constructs';
import { StageEnvironment, tagComponent } from './StageEnvironment';

/** The encrypted, versioned long-term copy of every ingested image. */
export class ArchiveBucket extends Construct {
  readonly bucket: s3.Bucket;

  constructor(
    scope: Construct,
    id: string,
    props: { env: StageEnvironment; key: kms.IKey; accessLogs: s3.IBucket },
  ) {
    super(scope, id);
    const bucketName = props.env.names.archiveBucket;
    this.bucket = new s3.Bucket(this, 'Bucket', {
      ...protectedBucketProps({
        bucketName,
        key: props.key,
        accessLogs: props.accessLogs,
      }),
      lifecycleRules: [
        {
          transitions: [
            {
              storageClass: s3.StorageClass.GLACIER_INSTANT_RETRIEVAL,
              transitionAfter: Duration.days(90),
            },
          ],
          noncurrentVersionExpiration: Duration.days(365),
        },
      ],
    });
    Validations.of(this.bucket).acknowledge({
      id: 'HIPAA.Security-S3BucketReplicationEnabled',
      reason:
        'Cross-region replication needs a second region the clinic has not chosen; durability comes from S3 (11 nines), versioning and retention of noncurrent versions for a year.',
    });
    tagComponent(this, props.env, 'archive');
  }
}

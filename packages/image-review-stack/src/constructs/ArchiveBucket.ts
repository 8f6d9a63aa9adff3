import { Duration } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ProtectedBucket } from './ProtectedBucket';
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
    this.bucket = new ProtectedBucket(this, 'Bucket', {
      bucketName: props.env.names.archiveBucket,
      key: props.key,
      accessLogs: props.accessLogs,
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
      withoutReplicationBecause:
        'Cross-region replication needs a second region the clinic has not chosen; durability comes from S3 (11 nines), versioning and retention of noncurrent versions for a year.',
    });
    tagComponent(this, props.env, 'archive');
  }
}

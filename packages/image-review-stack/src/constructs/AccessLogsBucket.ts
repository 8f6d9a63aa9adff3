import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { StageEnvironment, tagComponent } from './StageEnvironment';

/** Receives S3 server access logs, ALB access logs and CloudFront logs of the environment. */
export class AccessLogsBucket extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: { env: StageEnvironment }) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Bucket', {
      bucketName: props.env.names.logsBucket,
      // S3 server access logging and ALB access logs can only be delivered to SSE-S3 buckets.
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      // CloudFront standard logging writes through the bucket ACL.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      lifecycleRules: [
        {
          expiration: Duration.days(400),
          noncurrentVersionExpiration: Duration.days(30),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.bucket).acknowledge(
      {
        id: 'AwsSolutions-S1',
        reason:
          'This is the access-log destination; logging it into itself would loop.',
      },
      {
        id: 'HIPAA.Security-S3BucketLoggingEnabled',
        reason:
          'This is the access-log destination; logging it into itself would loop.',
      },
      {
        id: 'HIPAA.Security-S3DefaultEncryptionKMS',
        reason:
          'S3 server access logs and ALB access logs are delivered only to SSE-S3 (AES-256) buckets; the logs hold no image data.',
      },
      {
        id: 'HIPAA.Security-S3BucketReplicationEnabled',
        reason:
          'Access logs are operational records kept for 400 days in a versioned bucket; cross-region replication is not required for them.',
      },
    );
    tagComponent(this, props.env, 'archive');
  }
}

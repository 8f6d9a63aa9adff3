import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

export interface ProtectedBucketProps {
  /** A derived name (see config/names.ts); its server access logs go under `s3/<bucketName>/`. */
  readonly bucketName: string;
  /** Encrypts every object (SSE-KMS with a bucket key). */
  readonly key: kms.IKey;
  /** Receives the bucket's server access logs. */
  readonly accessLogs: s3.IBucket;
  /** What the bucket keeps and for how long: the one thing buckets differ in. */
  readonly lifecycleRules: s3.LifecycleRule[];
  /**
   * Why this bucket does without cross-region replication, which the HIPAA
   * pack asks of every bucket: a clinic has chosen no second region, so each
   * bucket states what makes its data safe instead.
   */
  readonly withoutReplicationBecause: string;
}

/**
 * A bucket held to the baseline every bucket of the stack holds to, in every
 * stage (docs/architecture.md, "The stack each clinic gets"): KMS encryption with a bucket key, no public access,
 * TLS 1.2+ only, versioning, server access logs, and retained on stack
 * deletion. Only the access-logs bucket is not one (see AccessLogsBucket).
 */
export class ProtectedBucket extends s3.Bucket {
  constructor(scope: Construct, id: string, props: ProtectedBucketProps) {
    super(scope, id, {
      bucketName: props.bucketName,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: props.key,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: `s3/${props.bucketName}/`,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: props.lifecycleRules,
    });
    Validations.of(this).acknowledge({
      id: 'HIPAA.Security-S3BucketReplicationEnabled',
      reason: props.withoutReplicationBecause,
    });
  }
}

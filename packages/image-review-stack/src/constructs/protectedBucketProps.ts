import { RemovalPolicy } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';

/**
 * The baseline every bucket of the stack holds to, in every stage (design §1.6):
 * KMS encryption with a bucket key, no public access, TLS 1.2+ only, versioning,
 * server access logs, and retained on stack deletion. Buckets add their own
 * lifecycle on top.
 */
export function protectedBucketProps(props: {
  bucketName: string;
  key: kms.IKey;
  accessLogs: s3.IBucket;
}): s3.BucketProps {
  return {
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
  };
}

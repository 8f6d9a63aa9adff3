import { ECSClient } from '@aws-sdk/client-ecs';
import { RDSClient } from '@aws-sdk/client-rds';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { IAMClient } from '@aws-sdk/client-iam';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { localAwsClientConfig } from '@stagelight/image-review-stack/moto';

/** The SDK clients the seed drives, all pointed at one local endpoint and region. */
export interface SeedClients {
  endpoint: string;
  region: string;
  ecs: ECSClient;
  rds: RDSClient;
  s3: S3Client;
  sqs: SQSClient;
  lambda: LambdaClient;
  iam: IAMClient;
  ec2: EC2Client;
  elbv2: ElasticLoadBalancingV2Client;
}

/**
 * `overrides` adjusts the client config, e.g. more attempts for tests that
 * write concurrently, or the credentials of a role assumed into another
 * account (moto keeps each account's resources apart).
 */
export function createSeedClients(
  endpoint: string,
  region: string,
  overrides: {
    maxAttempts?: number;
    credentials?: {
      accessKeyId: string;
      secretAccessKey: string;
      sessionToken?: string;
    };
  } = {},
): SeedClients {
  const { credentials, ...rest } = overrides;
  // An undefined `credentials` must not hide the local ones.
  const config = {
    ...localAwsClientConfig(endpoint, region),
    ...rest,
    ...(credentials ? { credentials } : {}),
  };
  return {
    endpoint,
    region,
    ecs: new ECSClient(config),
    rds: new RDSClient(config),
    s3: new S3Client(config),
    sqs: new SQSClient(config),
    lambda: new LambdaClient(config),
    iam: new IAMClient(config),
    ec2: new EC2Client(config),
    elbv2: new ElasticLoadBalancingV2Client(config),
  };
}

export function destroySeedClients(clients: SeedClients) {
  for (const c of [
    clients.ecs,
    clients.rds,
    clients.s3,
    clients.sqs,
    clients.lambda,
    clients.iam,
    clients.ec2,
    clients.elbv2,
  ]) {
    c.destroy();
  }
}

import { LambdaClient } from '@aws-sdk/client-lambda';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESv2Client } from '@aws-sdk/client-sesv2';

/**
 * The one place the Lambdas build AWS clients. Region, credentials and an
 * endpoint override (`AWS_ENDPOINT_URL`, honoured natively by SDK v3, which the
 * tests point at moto) all come from the environment; S3 additionally needs
 * path-style addressing whenever an endpoint override is set.
 */
const endpointOverridden = () => Boolean(process.env.AWS_ENDPOINT_URL);

export const awsClients = {
  s3: () => new S3Client({ forcePathStyle: endpointOverridden() }),
  ses: () => new SESv2Client({}),
  lambda: () => new LambdaClient({}),
  secrets: () => new SecretsManagerClient({}),
};

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is required`);
  return value;
}

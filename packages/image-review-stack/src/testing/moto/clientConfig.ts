/**
 * SDK v3 client settings for talking to a local AWS endpoint. Every client the
 * seed and the tests create goes through this, so S3 path-style addressing and the
 * dummy credentials live in one place.
 *
 * @public
 */
export interface LocalAwsClientConfig {
  endpoint: string;
  region: string;
  forcePathStyle: true;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

/**
 * moto's default account id: ARNs it returns carry it.
 *
 * @public
 */
export const LOCAL_ACCOUNT_ID = '123456789012';

/** @public */
export function localAwsClientConfig(
  endpoint: string,
  region = 'us-east-1',
): LocalAwsClientConfig {
  return {
    endpoint,
    region,
    forcePathStyle: true,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  };
}

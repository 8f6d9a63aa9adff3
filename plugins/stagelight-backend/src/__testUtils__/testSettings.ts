import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';

/** App config for tests: the main account with moto's dummy keys, every client sent to moto. */
export function testConfigData(
  endpoint: string,
  stagelight: JsonObject = {},
): JsonObject {
  return {
    aws: {
      mainAccount: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    },
    stagelight: {
      ...stagelight,
      aws: {
        endpoint,
        maxAttempts: 3,
        ...((stagelight.aws as JsonObject) ?? {}),
      },
    },
  };
}

export function testConfig(endpoint: string, stagelight: JsonObject = {}) {
  return new ConfigReader(testConfigData(endpoint, stagelight));
}

import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';

/** The required scan targets when a test names none: the main account's us-east-1, where the fixtures live. */
export const TEST_TARGETS = [{ regions: ['us-east-1'] }];

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
        targets: TEST_TARGETS,
        ...((stagelight.aws as JsonObject) ?? {}),
      },
    },
  };
}

export function testConfig(endpoint: string, stagelight: JsonObject = {}) {
  return new ConfigReader(testConfigData(endpoint, stagelight));
}

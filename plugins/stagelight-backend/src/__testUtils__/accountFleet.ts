/**
 * Test-only: a fleet over three accounts in two regions, plus an account
 * whose role cannot be assumed, seeded into moto through roles assumed into
 * each account. Shared by the multi-account and the doctor tests.
 */
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { JsonObject } from '@backstage/types';
import { localAwsClientConfig } from '@internal/stagelight-local-aws';
import { APP_NAME, DEFAULT_TAG_KEYS } from '@stagelight/tag-contract';
import { createAccountFleet, SPOKE_ROLE } from './accounts';
import { FixtureCredentials, FixtureEnvironment } from './fleetFixture';
import { testConfigData } from './testSettings';
import { VersionServer } from './versionServer';

export interface AccountPlacement {
  accountId: string;
  region: string;
  environments: FixtureEnvironment[];
}

const awake = (clinic: string, stage: string, desiredCount = 1) => ({
  clinic,
  stage,
  desiredCount,
  marker: `m-${clinic}-${stage}`,
  dbMinCapacity: 0.5,
});

/** Where each clinic lives: one clinic per account and region. */
export const ACCOUNT_FLEET: AccountPlacement[] = [
  {
    accountId: '111111111111',
    region: 'us-east-1',
    environments: [awake('alder', 'dev'), awake('alder', 'prod', 2)],
  },
  {
    accountId: '111111111111',
    region: 'eu-west-1',
    environments: [awake('aspen', 'dev')],
  },
  {
    accountId: '222222222222',
    region: 'eu-west-1',
    environments: [awake('birch', 'dev'), awake('birch', 'staging')],
  },
  {
    accountId: '333333333333',
    region: 'us-east-1',
    environments: [awake('cedar', 'dev')],
  },
];

/** The account whose role cannot be assumed (see `refuseAssumeRole`). */
export const REFUSED_ACCOUNT = '444444444444';

/** A queue in cedar's account tagged with a stage nobody configured. */
export const UNKNOWN_STAGE_QUEUE = 'ir-cedar-qa-ingest';

/** Seeds every placement through a role assumed into its account; returns the credentials by account. */
export async function seedAccountFleet(
  endpoint: string,
  api: VersionServer,
): Promise<Map<string, FixtureCredentials>> {
  const credentials = new Map<string, FixtureCredentials>();
  for (const placement of ACCOUNT_FLEET) {
    credentials.set(
      placement.accountId,
      await createAccountFleet(endpoint, placement, placement.environments),
    );
    for (const e of placement.environments) {
      api.served.set(`${e.clinic}/${e.stage}`, e.marker);
    }
  }
  const sqs = new SQSClient({
    ...localAwsClientConfig(endpoint, 'us-east-1'),
    credentials: credentials.get('333333333333')!,
  });
  try {
    await sqs.send(
      new CreateQueueCommand({
        QueueName: UNKNOWN_STAGE_QUEUE,
        tags: {
          [DEFAULT_TAG_KEYS.app]: APP_NAME,
          [DEFAULT_TAG_KEYS.clinic]: 'cedar',
          [DEFAULT_TAG_KEYS.stage]: 'qa',
          [DEFAULT_TAG_KEYS.component]: 'queue',
        },
      }),
    );
  } finally {
    sqs.destroy();
  }
  return credentials;
}

/**
 * App config for the fleet: integration-aws-node's hub and spoke (the main
 * account's keys, `accountDefaults.roleName` for every spoke), and a target
 * per account and region, the refused account included.
 */
export function accountFleetConfig(
  endpoint: string,
  api: VersionServer,
  stagelight: JsonObject = {},
): JsonObject {
  const regions = new Map<string, string[]>();
  for (const p of ACCOUNT_FLEET) {
    regions.set(p.accountId, [...(regions.get(p.accountId) ?? []), p.region]);
  }
  regions.set(REFUSED_ACCOUNT, ['us-east-1']);
  const base = testConfigData(endpoint, {
    readiness: { baseUrlTemplate: api.baseUrlTemplate },
    power: { pollIntervalSeconds: 0.1 },
    ...stagelight,
    aws: {
      targets: [...regions].map(([accountId, r]) => ({
        accountId,
        regions: r,
      })),
    },
  });
  return {
    ...base,
    aws: {
      ...(base.aws as JsonObject),
      accountDefaults: { roleName: SPOKE_ROLE },
    },
  };
}

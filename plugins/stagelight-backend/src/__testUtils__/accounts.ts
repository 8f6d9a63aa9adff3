/**
 * Test-only helpers for a fleet spread over accounts in moto: credentials
 * for another account by a real sts:AssumeRole (moto acts in the account the
 * role ARN names), the seed run with them, and a refused AssumeRole.
 */
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { localAwsClientConfig } from '@internal/stagelight-local-aws';
import { AwsClientCustomizer, AwsServiceName } from '../aws/AwsClientFactory';
import {
  createFleetFixture,
  FixtureCredentials,
  FixtureEnvironment,
} from './fleetFixture';

/** The role every spoke account gives the portal in these tests. */
export const SPOKE_ROLE = 'stagelight-spoke';

export const roleArnOf = (accountId: string, roleName = SPOKE_ROLE) =>
  `arn:aws:iam::${accountId}:role/${roleName}`;

/** Credentials that act in `accountId`, from moto's STS (the role need not exist there). */
export async function assumeInto(
  endpoint: string,
  accountId: string,
): Promise<FixtureCredentials> {
  const sts = new STSClient(localAwsClientConfig(endpoint));
  try {
    const { Credentials: c } = await sts.send(
      new AssumeRoleCommand({
        RoleArn: roleArnOf(accountId),
        RoleSessionName: 'stagelight-test-seed',
      }),
    );
    return {
      accessKeyId: c!.AccessKeyId!,
      secretAccessKey: c!.SecretAccessKey!,
      sessionToken: c!.SessionToken!,
    };
  } finally {
    sts.destroy();
  }
}

/** Seeds `environments` into one account and region, through a role assumed into it. */
export async function createAccountFleet(
  endpoint: string,
  where: { accountId: string; region: string },
  environments: FixtureEnvironment[],
): Promise<FixtureCredentials> {
  const credentials = await assumeInto(endpoint, where.accountId);
  await createFleetFixture(endpoint, environments, {
    region: where.region,
    credentials,
  });
  return credentials;
}

/**
 * Refuses every `operation` of `service` in `accountId` with AWS's
 * AccessDenied answer, at that account's SDK client: what a role whose policy
 * lacks the action gets (moto checks no IAM policy unless enforcement is on
 * for the whole server).
 */
export function refuseOperation(refusal: {
  service: AwsServiceName;
  operation: string;
  accountId: string;
  name?: string;
  message: string;
}): AwsClientCustomizer {
  return (client, where) => {
    if (
      where.service !== refusal.service ||
      where.accountId !== refusal.accountId
    ) {
      return;
    }
    client.middlewareStack.add(
      (next, context) => async args => {
        if (context.commandName !== `${refusal.operation}Command`) {
          return next(args);
        }
        throw Object.assign(new Error(refusal.message), {
          name: refusal.name ?? 'AccessDeniedException',
          $fault: 'client',
          $metadata: { httpStatusCode: 403, attempts: 1 },
        });
      },
      // After the call counter (deserialize, normal priority), so the refused
      // attempt is counted; override, as fromTemporaryCredentials applies its
      // plugins again on every call.
      {
        step: 'deserialize',
        priority: 'low',
        name: `stagelightRefuse${refusal.service}${refusal.operation}`,
        override: true,
      },
    );
  };
}

/**
 * Refuses every sts:AssumeRole into `accountId` as AWS does when the role's
 * trust policy does not name the portal. moto grants any AssumeRole (its docs:
 * "the role does not need to exist") unless IAM enforcement is on for the
 * whole server, so the refusal is answered at the STS client of that account.
 */
export function refuseAssumeRole(
  accountId: string,
  caller = 'arn:aws:iam::123456789012:user/portal',
): AwsClientCustomizer {
  return refuseOperation({
    service: 'sts',
    operation: 'AssumeRole',
    accountId,
    name: 'AccessDenied',
    message: `User: ${caller} is not authorized to perform: sts:AssumeRole on resource: ${roleArnOf(
      accountId,
    )}`,
  });
}

import {
  fromTemporaryCredentials,
  fromTokenFile,
} from '@aws-sdk/credential-providers';
import type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  MiddlewareStack,
} from '@aws-sdk/types';
import { Config } from '@backstage/config';
import {
  AwsCredentialProvider,
  AwsCredentialProviderOptions,
  AwsCredentialsManager,
  DefaultAwsCredentialsManager,
} from '@backstage/integration-aws-node';
import { Clock, systemClock } from '../clock/Clock';
import type { AwsClientCustomizer } from './AwsClientFactory';

/** An account's role settings, read from the `aws` integration config (integration-aws-node's shape). */
export interface AccountRole {
  accountId: string;
  roleArn: string;
  /** The region of the STS client (integration-aws-node's `region`, default us-east-1). */
  stsRegion: string;
  externalId?: string;
  webIdentityTokenFile?: string;
  /** Static keys the role is assumed with instead of the main account's credentials. */
  sourceKeys?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * The role integration-aws-node would assume for `accountId`: the account's
 * `aws.accounts[]` entry with a `roleName`, or `aws.accountDefaults.roleName`
 * for an account not listed. Undefined when no role applies (static keys,
 * profile, or the main account).
 */
export function accountRoleFromConfig(
  config: Config,
  accountId: string,
): AccountRole | undefined {
  const aws = config.getOptionalConfig('aws');
  const entry = aws
    ?.getOptionalConfigArray('accounts')
    ?.find(a => a.getString('accountId') === accountId);
  const defaults = aws?.getOptionalConfig('accountDefaults');
  const source = entry ?? (defaults?.has('roleName') ? defaults : undefined);
  const roleName = source?.getOptionalString('roleName');
  if (!source || !roleName) return undefined;
  const partition = source.getOptionalString('partition') ?? 'aws';
  const accessKeyId = entry?.getOptionalString('accessKeyId');
  return {
    accountId,
    roleArn: `arn:${partition}:iam::${accountId}:role/${roleName}`,
    stsRegion: source.getOptionalString('region') ?? 'us-east-1',
    externalId: source.getOptionalString('externalId'),
    webIdentityTokenFile: source.getOptionalString('webIdentityTokenFile'),
    sourceKeys: accessKeyId
      ? {
          accessKeyId,
          secretAccessKey: entry!.getString('secretAccessKey'),
        }
      : undefined,
  };
}

/** Credentials are renewed this long before they expire. */
const RENEW_BEFORE_MS = 5 * 60_000;

/**
 * One AssumeRole per account until the credentials near their expiry, shared
 * by every client of the account (each SDK client would otherwise assume the
 * role for itself). A failure is not kept: the next call tries again.
 */
function sharedUntilExpiry(
  provider: AwsCredentialIdentityProvider,
  clock: Clock,
): AwsCredentialIdentityProvider {
  let current: Promise<AwsCredentialIdentity> | undefined;
  return async () => {
    if (current) {
      const held = await current.catch(() => undefined);
      const expires = held?.expiration?.getTime();
      if (
        held &&
        (expires === undefined ||
          expires - clock.now().getTime() > RENEW_BEFORE_MS)
      ) {
        return held;
      }
    }
    current = provider();
    current.catch(() => {
      current = undefined;
    });
    return current;
  };
}

export interface AccountCredentialsOptions {
  /** `stagelight.aws.endpoint`: where STS goes too, like every other client. */
  endpoint?: string;
  /** The factory's customizers, applied to the STS clients that assume the roles. */
  customizers?: AwsClientCustomizer[];
  /** What expiry is measured against (the credentials' expiration is wall time). */
  clock?: Clock;
}

/**
 * Credentials per account from the `aws` integration config, with STS sent
 * where every other client goes (docs/architecture.md, "Many accounts").
 *
 * integration-aws-node builds its STS clients without an endpoint, so against
 * local AWS (moto) AssumeRole would go to real AWS. For an account with a
 * role, this builds the same AssumeRole from the same config keys (role ARN,
 * session name `backstage`, external id, per-account source keys or the main
 * account's credentials) with the endpoint; the main account and accounts
 * with static keys or a profile are integration-aws-node's own providers.
 */
export class AccountCredentials implements AwsCredentialsManager {
  readonly #config: Config;
  readonly #library: AwsCredentialsManager;
  readonly #options: AccountCredentialsOptions;
  readonly #providers = new Map<string, AwsCredentialProvider>();

  static fromConfig(
    config: Config,
    options: AccountCredentialsOptions = {},
  ): AccountCredentials {
    return new AccountCredentials(
      config,
      DefaultAwsCredentialsManager.fromConfig(config),
      options,
    );
  }

  constructor(
    config: Config,
    library: AwsCredentialsManager,
    options: AccountCredentialsOptions,
  ) {
    this.#config = config;
    this.#library = library;
    this.#options = options;
  }

  /** The role assumed for `accountId`, if any: what the doctor names. */
  roleOf(accountId: string): AccountRole | undefined {
    return accountRoleFromConfig(this.#config, accountId);
  }

  async getCredentialProvider(
    opts?: AwsCredentialProviderOptions,
  ): Promise<AwsCredentialProvider> {
    const accountId = opts?.accountId ?? accountOfArn(opts?.arn);
    const role = accountId ? this.roleOf(accountId) : undefined;
    if (!accountId || !role) return this.#library.getCredentialProvider(opts);
    let provider = this.#providers.get(accountId);
    if (!provider) {
      provider = {
        accountId,
        stsRegion: role.stsRegion,
        roleArn: role.roleArn,
        sdkCredentialProvider: sharedUntilExpiry(
          await this.#assume(role),
          this.#options.clock ?? systemClock,
        ),
      };
      this.#providers.set(accountId, provider);
    }
    return provider;
  }

  async #assume(role: AccountRole): Promise<AwsCredentialIdentityProvider> {
    const { endpoint, customizers = [] } = this.#options;
    const clientConfig = {
      region: role.stsRegion,
      customUserAgent: 'stagelight-account-credentials',
      ...(endpoint ? { endpoint } : {}),
    };
    // The STS client is made inside the credential provider: customizers
    // (call counting, fault injection) reach its middleware as a plugin.
    const clientPlugins = customizers.map(customize => ({
      applyToStack: (stack: MiddlewareStack<any, any>) =>
        customize(
          { middlewareStack: stack },
          {
            accountId: role.accountId,
            region: role.stsRegion,
            service: 'sts',
          },
        ),
    }));
    if (role.webIdentityTokenFile) {
      return fromTokenFile({
        webIdentityTokenFile: role.webIdentityTokenFile,
        roleArn: role.roleArn,
        roleSessionName: 'backstage',
        clientConfig,
        clientPlugins,
      });
    }
    const masterCredentials =
      role.sourceKeys ??
      (await this.#library.getCredentialProvider()).sdkCredentialProvider;
    return fromTemporaryCredentials({
      masterCredentials,
      params: {
        RoleArn: role.roleArn,
        RoleSessionName: 'backstage',
        ExternalId: role.externalId,
      },
      clientConfig,
      clientPlugins,
    });
  }
}

function accountOfArn(arn?: string): string | undefined {
  return arn?.split(':')[4] || undefined;
}

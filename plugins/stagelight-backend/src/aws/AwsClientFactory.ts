import { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { ECSClient } from '@aws-sdk/client-ecs';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { RDSClient } from '@aws-sdk/client-rds';
import { ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { SQSClient } from '@aws-sdk/client-sqs';
import { STSClient } from '@aws-sdk/client-sts';
import type { MiddlewareStack } from '@aws-sdk/types';
import type { AwsCredentialsManager } from '@backstage/integration-aws-node';
import { IAM_SERVICE_PREFIX, reportAccessDenied } from './accessDenied';
import { AwsLocation, locationKey } from './AwsLocation';
import { Limiter } from './Limiter';

// Spelled out rather than derived from CLIENTS, so the public type does not
// name the internal client table; `satisfies` below keeps the two in step.
/**
 * The AWS services the backend calls, by the short name customizers see.
 *
 * @public
 */
export type AwsServiceName =
  | 'cloudwatch'
  | 'ecs'
  | 'elbv2'
  | 'lambda'
  | 'rds'
  | 'scaling'
  | 'tagging'
  | 'sqs'
  | 'sts';

const CLIENTS = {
  cloudwatch: CloudWatchClient,
  ecs: ECSClient,
  elbv2: ElasticLoadBalancingV2Client,
  lambda: LambdaClient,
  rds: RDSClient,
  scaling: ApplicationAutoScalingClient,
  tagging: ResourceGroupsTaggingAPIClient,
  sqs: SQSClient,
  /** Only asked who the calls act as (the doctor); roles are assumed by `AccountCredentials`. */
  sts: STSClient,
} satisfies Record<AwsServiceName, unknown>;

export type AwsClient<S extends AwsServiceName> = InstanceType<
  (typeof CLIENTS)[S]
>;
/**
 * What every SDK v3 client has in common: a middleware stack.
 *
 * @public
 */
export interface AnyAwsClient {
  middlewareStack: MiddlewareStack<any, any>;
}

/**
 * Called once for each client right after it is created; used to count calls
 * (the benchmark) and to inject faults (tests) through the middleware stack.
 *
 * @public
 */
export type AwsClientCustomizer = (
  client: AnyAwsClient,
  where: AwsLocation & { service: AwsServiceName },
) => void;

export interface AwsClientFactoryOptions {
  /** Per account: `AccountCredentials`, which sends AssumeRole to `endpoint` too. */
  credentialsManager: AwsCredentialsManager;
  /** Send every client here instead of AWS (moto_server in development). */
  endpoint?: string;
  maxAttempts: number;
  requestTimeoutMs: number;
  /** Concurrent calls per service, account and region. */
  concurrency: number;
  customizers?: AwsClientCustomizer[];
}

/**
 * The one place SDK clients are made: one client per (service, account, region),
 * credentials from the AWS integration config, adaptive retries, and a bound on
 * concurrent calls per client. Clients are never mutated per request.
 */
export class AwsClientFactory {
  readonly #options: AwsClientFactoryOptions;
  readonly #clients = new Map<
    string,
    Promise<{ client: AnyAwsClient; limiter: Limiter }>
  >();

  constructor(options: AwsClientFactoryOptions) {
    this.#options = options;
  }

  /** Runs `fn` with the client for `service` at `where`, within the concurrency bound. */
  async call<S extends AwsServiceName, T>(
    service: S,
    where: AwsLocation,
    fn: (client: AwsClient<S>) => Promise<T>,
  ): Promise<T> {
    const { client, limiter } = await this.#entry(service, where);
    return limiter.run(() => fn(client as AwsClient<S>));
  }

  #entry(service: AwsServiceName, where: AwsLocation) {
    const key = `${service}|${locationKey(where)}`;
    let entry = this.#clients.get(key);
    if (!entry) {
      entry = this.#create(service, where);
      this.#clients.set(key, entry);
      // A failed credential lookup must not poison the cache.
      entry.catch(() => this.#clients.delete(key));
    }
    return entry;
  }

  async #create(service: AwsServiceName, where: AwsLocation) {
    const o = this.#options;
    const { sdkCredentialProvider } =
      await o.credentialsManager.getCredentialProvider(
        where.accountId ? { accountId: where.accountId } : undefined,
      );
    const Client = CLIENTS[service];
    const client: AnyAwsClient = new Client({
      region: where.region,
      credentials: sdkCredentialProvider,
      retryMode: 'adaptive',
      maxAttempts: o.maxAttempts,
      requestHandler: {
        requestTimeout: o.requestTimeoutMs,
        connectionTimeout: o.requestTimeoutMs,
      },
      ...(o.endpoint ? { endpoint: o.endpoint, forcePathStyle: true } : {}),
    });
    reportAccessDenied(client, IAM_SERVICE_PREFIX[service]);
    for (const customize of o.customizers ?? []) {
      customize(client, { ...where, service });
    }
    return { client, limiter: new Limiter(o.concurrency) };
  }
}

/** The factory as the plugin makes it: credentials from the `aws` integration config, limits from `stagelight.aws`. */
export function awsClientFactoryFromSettings(
  credentialsManager: AwsCredentialsManager,
  aws: {
    endpoint?: string;
    maxAttempts: number;
    requestTimeoutMs: number;
    concurrency: number;
  },
  customizers?: AwsClientCustomizer[],
): AwsClientFactory {
  return new AwsClientFactory({
    credentialsManager,
    endpoint: aws.endpoint,
    maxAttempts: aws.maxAttempts,
    requestTimeoutMs: aws.requestTimeoutMs,
    concurrency: aws.concurrency,
    customizers,
  });
}

import {
  CostExplorerClient,
  Expression,
  GetCostAndUsageCommand,
  GetCostForecastCommand,
  ListCostAllocationTagsCommand,
} from '@aws-sdk/client-cost-explorer';
import type { AwsCredentialsManager } from '@backstage/integration-aws-node';
import { IAM_SERVICE_PREFIX, reportAccessDenied } from '../aws/accessDenied';
import { CostSettings } from './CostSettings';

/** Gives the one Cost Explorer client of the plugin (created lazily). */
export type CostExplorerClientFactory = () => Promise<CostExplorerClient>;

export interface CostExplorerClientFactoryOptions {
  credentialsManager: AwsCredentialsManager;
  settings: CostSettings;
  /** Called once on the new client: call counting (benchmark), fault injection (tests). */
  customize?: (client: CostExplorerClient) => void;
}

/**
 * Builds the Cost Explorer client the way `AwsClientFactory` builds the others
 * (credentials from the AWS integration config, adaptive retries, the local AWS
 * endpoint when configured). It lives here because Cost Explorer is one client
 * for the whole fleet, in one account and region, not one per target.
 */
export function createCostExplorerClientFactory(
  options: CostExplorerClientFactoryOptions,
): CostExplorerClientFactory {
  let client: Promise<CostExplorerClient> | undefined;
  const create = async () => {
    const s = options.settings;
    const { sdkCredentialProvider } =
      await options.credentialsManager.getCredentialProvider(
        s.accountId ? { accountId: s.accountId } : undefined,
      );
    const created = new CostExplorerClient({
      region: s.region,
      credentials: sdkCredentialProvider,
      retryMode: 'adaptive',
      maxAttempts: s.maxAttempts,
      requestHandler: {
        requestTimeout: s.requestTimeoutMs,
        connectionTimeout: s.requestTimeoutMs,
      },
      ...(s.endpoint ? { endpoint: s.endpoint } : {}),
    });
    reportAccessDenied(created, IAM_SERVICE_PREFIX.costExplorer);
    options.customize?.(created);
    return created;
  };
  return () => {
    if (!client) {
      client = create();
      // A failed credential lookup must not poison later calls.
      client.catch(() => {
        client = undefined;
      });
    }
    return client;
  };
}

/** One day's cost of one (stage, clinic) group; empty strings mean the tag is absent. */
export interface CostRow {
  day: string;
  stage: string;
  clinic: string;
  amount: number;
  estimated: boolean;
  currency: string;
}

/** Asked before every request; false means the budget is spent and nothing is sent. */
export type RequestGate = () => Promise<boolean>;

export class CostBudgetExhaustedError extends Error {
  constructor(limit: number) {
    super(`The daily budget of ${limit} Cost Explorer requests is spent`);
    this.name = 'CostBudgetExhaustedError';
  }
}

const METRIC = 'UnblendedCost';

/** The value of a Cost Explorer tag group key (`stagelight:stage$dev` → `dev`). */
export function tagValue(groupKey: string | undefined): string {
  if (!groupKey) return '';
  const i = groupKey.indexOf('$');
  return i < 0 ? '' : groupKey.slice(i + 1);
}

/** Cost Explorer calls of the cost feature: every request passes the gate first. */
export class CostExplorerAdapter {
  constructor(
    private readonly clientFactory: CostExplorerClientFactory,
    private readonly settings: CostSettings,
    private readonly gate: RequestGate,
  ) {}

  #appFilter(): Expression {
    return {
      Tags: {
        Key: this.settings.tags.app,
        Values: [this.settings.appName],
        MatchOptions: ['EQUALS'],
      },
    };
  }

  async #pass() {
    if (!(await this.gate())) {
      throw new CostBudgetExhaustedError(this.settings.dailyRequestBudget);
    }
  }

  /**
   * Daily cost in [start, end) grouped by the stage and clinic tags, all pages.
   * Returns the rows and the number of pages read.
   */
  async dailyCost(
    start: string,
    end: string,
  ): Promise<{ rows: CostRow[]; pages: number }> {
    const client = await this.clientFactory();
    const rows: CostRow[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      await this.#pass();
      const page = await client.send(
        new GetCostAndUsageCommand({
          TimePeriod: { Start: start, End: end },
          Granularity: 'DAILY',
          Metrics: [METRIC],
          Filter: this.#appFilter(),
          GroupBy: [
            { Type: 'TAG', Key: this.settings.tags.stage },
            { Type: 'TAG', Key: this.settings.tags.clinic },
          ],
          NextPageToken: token,
        }),
      );
      pages++;
      for (const period of page.ResultsByTime ?? []) {
        const day = period.TimePeriod?.Start;
        if (!day) continue;
        for (const group of period.Groups ?? []) {
          const metric = group.Metrics?.[METRIC];
          const amount = Number(metric?.Amount ?? 0);
          if (!Number.isFinite(amount)) continue;
          rows.push({
            day,
            stage: tagValue(group.Keys?.[0]),
            clinic: tagValue(group.Keys?.[1]),
            amount,
            estimated: period.Estimated ?? false,
            currency: metric?.Unit ?? 'USD',
          });
        }
      }
      token = page.NextPageToken;
    } while (token);
    return { rows, pages };
  }

  /** GetCostForecast of one stage's spend in [start, end); the total amount. */
  async stageForecast(
    stage: string,
    start: string,
    end: string,
  ): Promise<number> {
    const client = await this.clientFactory();
    await this.#pass();
    const res = await client.send(
      new GetCostForecastCommand({
        TimePeriod: { Start: start, End: end },
        Metric: 'UNBLENDED_COST',
        Granularity: 'MONTHLY',
        Filter: {
          And: [
            this.#appFilter(),
            {
              Tags: {
                Key: this.settings.tags.stage,
                Values: [stage],
                MatchOptions: ['EQUALS'],
              },
            },
          ],
        },
      }),
    );
    const amount = Number(res.Total?.Amount);
    if (!Number.isFinite(amount)) {
      throw new Error('GetCostForecast returned no total');
    }
    return amount;
  }

  /** Whether each tag key is an active cost allocation tag (keys not listed are unknown to billing). */
  async tagStatus(
    keys: string[],
  ): Promise<Record<string, 'Active' | 'Inactive' | 'Unknown'>> {
    const client = await this.clientFactory();
    await this.#pass();
    const res = await client.send(
      new ListCostAllocationTagsCommand({ TagKeys: keys, Type: 'UserDefined' }),
    );
    const status: Record<string, 'Active' | 'Inactive' | 'Unknown'> = {};
    for (const key of keys) status[key] = 'Unknown';
    for (const tag of res.CostAllocationTags ?? []) {
      if (tag.TagKey && tag.TagKey in status) {
        status[tag.TagKey] = tag.Status === 'Active' ? 'Active' : 'Inactive';
      }
    }
    return status;
  }
}

import {
  GetMetricDataCommand,
  MetricDataQuery,
} from '@aws-sdk/client-cloudwatch';
import { AwsClientFactory } from './AwsClientFactory';
import { AwsLocation } from './AwsLocation';

/** GetMetricData takes at most 500 queries per call. */
const QUERIES_PER_CALL = 500;
const LOOKBACK_MS = 15 * 60 * 1000;

export interface MetricRequest {
  /** Caller's key for the answer. */
  key: string;
  namespace: string;
  metric: string;
  dimension: { name: string; value: string };
  stat: 'Maximum' | 'Average';
}

/**
 * CloudWatch: the latest datapoint of many metrics in few calls. A metric with no
 * datapoint (an idle SQS queue after 6 h, or moto) maps to null, never 0.
 */
export class CloudWatchAdapter {
  constructor(private readonly factory: AwsClientFactory) {}

  async latest(
    where: AwsLocation,
    requests: MetricRequest[],
    now: Date,
  ): Promise<Map<string, number | null>> {
    const out = new Map<string, number | null>(
      requests.map(r => [r.key, null]),
    );
    for (let i = 0; i < requests.length; i += QUERIES_PER_CALL) {
      const chunk = requests.slice(i, i + QUERIES_PER_CALL);
      const queries: MetricDataQuery[] = chunk.map((r, j) => ({
        Id: `m${i + j}`,
        MetricStat: {
          Metric: {
            Namespace: r.namespace,
            MetricName: r.metric,
            Dimensions: [{ Name: r.dimension.name, Value: r.dimension.value }],
          },
          Period: 60,
          Stat: r.stat,
        },
        ReturnData: true,
      }));
      let token: string | undefined;
      do {
        const command = new GetMetricDataCommand({
          MetricDataQueries: queries,
          StartTime: new Date(now.getTime() - LOOKBACK_MS),
          EndTime: now,
          ScanBy: 'TimestampDescending',
          NextToken: token,
        });
        const res = await this.factory.call('cloudwatch', where, c =>
          c.send(command),
        );
        for (const result of res.MetricDataResults ?? []) {
          const index = Number(result.Id?.slice(1));
          const request = requests[index];
          const value = result.Values?.[0];
          if (request && value !== undefined && out.get(request.key) === null) {
            out.set(request.key, value);
          }
        }
        token = res.NextToken || undefined;
      } while (token);
    }
    return out;
  }
}

import { DescribeScalableTargetsCommand } from '@aws-sdk/client-application-auto-scaling';
import {
  CloudWatchClient,
  GetMetricDataCommand,
} from '@aws-sdk/client-cloudwatch';
import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
} from '@aws-sdk/client-ecs';
import { DescribeLoadBalancersCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { ListFunctionsCommand } from '@aws-sdk/client-lambda';
import {
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
} from '@aws-sdk/client-rds';
import { GetResourcesCommand } from '@aws-sdk/client-resource-groups-tagging-api';
import { PermissionCheck } from '@stagelight/backstage-plugin-stagelight-common';
import { AwsClientFactory } from '../aws/AwsClientFactory';
import { AwsLocation } from '../aws/AwsLocation';
import { AwsAccessDeniedError } from '../aws/accessDenied';
import { AWS_ACTIONS } from '../aws/awsActions';

/** A name nothing is called: probes ask for it so that AWS answers "not found" rather than data. */
const PROBE_NAME = 'stagelight-doctor-probe';

interface ReadProbe {
  /** What the probe sends. */
  note: string;
  run(
    factory: AwsClientFactory,
    where: AwsLocation,
    now: Date,
  ): Promise<unknown>;
}

/**
 * A cheap read for each read action of `awsActions.ts`: the smallest page, or
 * a name that does not exist (AWS checks the permission before it looks the
 * name up, so "not found" means the permission is there).
 */
const READ_PROBES: Record<string, ReadProbe> = {
  'tag:GetResources': {
    note: 'GetResources, one SQS queue per page',
    run: (f, w) =>
      f.call('tagging', w, c =>
        c.send(
          new GetResourcesCommand({
            ResourcesPerPage: 1,
            ResourceTypeFilters: ['sqs'],
          }),
        ),
      ),
  },
  'ecs:DescribeServices': {
    note: `DescribeServices of a cluster named ${PROBE_NAME}`,
    run: (f, w) =>
      f.call('ecs', w, c =>
        c.send(
          new DescribeServicesCommand({
            cluster: PROBE_NAME,
            services: [PROBE_NAME],
          }),
        ),
      ),
  },
  'ecs:DescribeTaskDefinition': {
    note: `DescribeTaskDefinition of a family named ${PROBE_NAME}`,
    run: (f, w) =>
      f.call('ecs', w, c =>
        c.send(
          new DescribeTaskDefinitionCommand({ taskDefinition: PROBE_NAME }),
        ),
      ),
  },
  'rds:DescribeDBClusters': {
    note: 'DescribeDBClusters, 20 per page',
    run: (f, w) =>
      f.call('rds', w, c =>
        c.send(new DescribeDBClustersCommand({ MaxRecords: 20 })),
      ),
  },
  'rds:DescribeDBInstances': {
    note: 'DescribeDBInstances, 20 per page',
    run: (f, w) =>
      f.call('rds', w, c =>
        c.send(new DescribeDBInstancesCommand({ MaxRecords: 20 })),
      ),
  },
  'application-autoscaling:DescribeScalableTargets': {
    note: 'DescribeScalableTargets of ECS, one per page',
    run: (f, w) =>
      f.call('scaling', w, c =>
        c.send(
          new DescribeScalableTargetsCommand({
            ServiceNamespace: 'ecs',
            MaxResults: 1,
          }),
        ),
      ),
  },
  'lambda:ListFunctions': {
    note: 'ListFunctions, one per page',
    run: (f, w) =>
      f.call('lambda', w, c =>
        c.send(new ListFunctionsCommand({ MaxItems: 1 })),
      ),
  },
  'elasticloadbalancing:DescribeLoadBalancers': {
    note: 'DescribeLoadBalancers, one per page',
    run: (f, w) =>
      f.call('elbv2', w, c =>
        c.send(new DescribeLoadBalancersCommand({ PageSize: 1 })),
      ),
  },
  'cloudwatch:GetMetricData': {
    note: 'GetMetricData of one SQS metric over the last 5 minutes',
    run: (f, w, now) =>
      f.call('cloudwatch', w, (c: CloudWatchClient) =>
        c.send(
          new GetMetricDataCommand({
            StartTime: new Date(now.getTime() - 5 * 60_000),
            EndTime: now,
            MetricDataQueries: [
              {
                Id: 'probe',
                MetricStat: {
                  Metric: {
                    Namespace: 'AWS/SQS',
                    MetricName: 'ApproximateAgeOfOldestMessage',
                    Dimensions: [{ Name: 'QueueName', Value: PROBE_NAME }],
                  },
                  Period: 60,
                  Stat: 'Maximum',
                },
              },
            ],
          }),
        ),
      ),
  },
};

/** Why an action is not probed, by purpose or action. */
const NOT_PROBED: Record<string, string> = {
  power:
    'not probed, read-only: a change cannot be tested without making it, and iam:SimulatePrincipalPolicy is usually not granted to the portal',
  'sqs:GetQueueAttributes':
    'not probed: needs a queue URL; every status refresh reads it, so a refusal shows as a queue error on the environment',
  'sts:GetCallerIdentity': 'checked as the access check above',
};

/** The actions checked per account: cost is read in the payer account only (see the cost allocation tags). */
const ACCOUNT_ACTIONS = AWS_ACTIONS.filter(a => a.purpose !== 'cost');

function errorText(error: unknown): string {
  const e = error as Error;
  return `${e.name ?? 'Error'}: ${e.message ?? String(error)}`;
}

/** Each required action of one account/region: present, missing, or why it was not probed. */
export async function checkPermissions(
  factory: AwsClientFactory,
  where: AwsLocation,
  now: Date,
): Promise<PermissionCheck[]> {
  return Promise.all(
    ACCOUNT_ACTIONS.map(async ({ action, purpose }) => {
      const probe = READ_PROBES[action];
      if (!probe) {
        const note = NOT_PROBED[action] ?? NOT_PROBED[purpose] ?? 'not probed';
        return { action, purpose, state: 'not-probed' as const, note };
      }
      try {
        await probe.run(factory, where, now);
        return { action, purpose, state: 'present' as const, note: probe.note };
      } catch (error) {
        // The factory names every refusal, whatever the service answered.
        if (error instanceof AwsAccessDeniedError) {
          return {
            action,
            purpose,
            state: 'missing' as const,
            note: errorText(error),
          };
        }
        // AWS answers a missing name only after the permission check passed.
        if ((error as { $fault?: string }).$fault === 'client') {
          return {
            action,
            purpose,
            state: 'present' as const,
            note: `${probe.note}: ${(error as Error).name}`,
          };
        }
        return {
          action,
          purpose,
          state: 'could-not-check' as const,
          note: errorText(error),
        };
      }
    }),
  );
}

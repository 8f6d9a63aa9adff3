/**
 * Every AWS call the Stagelight backend makes, as the IAM action it needs and
 * why: the one list that the portal's least-privilege policies are generated
 * from (`../policy/spokePolicy.ts`, and through it the spoke construct and the
 * committed templates). The backend re-exports it; its test
 * (`plugins/stagelight-backend/src/aws/awsActions.test.ts`) reads the backend's
 * source and fails when code sends a command this list lacks, or when the
 * list names an action nothing sends.
 *
 * @public
 */
export type AwsActionPurpose =
  /** Finding environments by their tags. */
  | 'discover'
  /** Reading status: services, databases, queues, functions, load balancers, metrics. */
  | 'status'
  /** Changing power: scaling services, remembering counts, stopping and starting databases. */
  | 'power'
  /** Reading cost and forecasts from Cost Explorer. */
  | 'cost'
  /** Checking the portal gets into an account: who its calls act as (the doctor). */
  | 'access';

/** @public */
export interface AwsAction {
  /** The IAM action, e.g. `ecs:UpdateService`. */
  action: string;
  purpose: AwsActionPurpose;
  /** What the backend does with it. */
  why: string;
}

/** @public */
export const AWS_ACTIONS: readonly AwsAction[] = [
  {
    action: 'tag:GetResources',
    purpose: 'discover',
    why: 'lists every resource tagged with the app tag, per account and region',
  },
  {
    action: 'ecs:DescribeServices',
    purpose: 'status',
    why: 'desired and running counts, deployments, the task definition in use',
  },
  {
    action: 'ecs:DescribeTaskDefinition',
    purpose: 'status',
    why: 'the DEPLOY_MARKER the pipeline gave the API',
  },
  {
    action: 'rds:DescribeDBClusters',
    purpose: 'status',
    why: 'Aurora cluster status and serverless capacity bounds',
  },
  {
    action: 'rds:DescribeDBInstances',
    purpose: 'status',
    why: 'provisioned instance status before a stop or start',
  },
  {
    action: 'sqs:GetQueueAttributes',
    purpose: 'status',
    why: 'visible, in-flight and delayed messages of each queue and its DLQ',
  },
  {
    action: 'cloudwatch:GetMetricData',
    purpose: 'status',
    why: "the oldest message's age and the database's capacity",
  },
  {
    action: 'lambda:ListFunctions',
    purpose: 'status',
    why: 'runtime, state and memory of the ingest and notify functions',
  },
  {
    action: 'elasticloadbalancing:DescribeLoadBalancers',
    purpose: 'status',
    why: "the DNS name of an environment's own load balancer, to probe its API",
  },
  {
    action: 'application-autoscaling:DescribeScalableTargets',
    purpose: 'status',
    why: "the bounds of each service's scalable target, which a sleep must lower",
  },
  {
    action: 'ecs:UpdateService',
    purpose: 'power',
    why: 'scales a service to 0 for sleep and back to its desired count for wake',
  },
  {
    action: 'ecs:TagResource',
    purpose: 'power',
    why: 'remembers the desired count (and scaling bounds) on the service while it sleeps',
  },
  {
    action: 'application-autoscaling:RegisterScalableTarget',
    purpose: 'power',
    why: "holds an auto-scaled service's target at 0..0 for sleep, so its scaler does not wake it, and restores the bounds for wake",
  },
  {
    action: 'ecs:ListTagsForResource',
    purpose: 'power',
    why: 'reads the remembered desired count back on wake',
  },
  {
    action: 'rds:StopDBCluster',
    purpose: 'power',
    why: 'stops an Aurora cluster for sleep',
  },
  {
    action: 'rds:StartDBCluster',
    purpose: 'power',
    why: 'starts an Aurora cluster for wake',
  },
  {
    action: 'rds:StopDBInstance',
    purpose: 'power',
    why: 'stops a provisioned instance for sleep',
  },
  {
    action: 'rds:StartDBInstance',
    purpose: 'power',
    why: 'starts a provisioned instance for wake',
  },
  {
    action: 'ce:GetCostAndUsage',
    purpose: 'cost',
    why: 'daily cost grouped by the stage and clinic tags, within the daily budget',
  },
  {
    action: 'ce:GetCostForecast',
    purpose: 'cost',
    why: "each stage's forecast for the rest of the month",
  },
  {
    action: 'ce:ListCostAllocationTags',
    purpose: 'cost',
    why: 'whether the stage and clinic tags are active cost allocation tags',
  },
  {
    action: 'sts:GetCallerIdentity',
    purpose: 'access',
    why: "the doctor's access check: who the portal's calls act as in each account",
  },
];

/**
 * The IAM actions of one purpose, sorted.
 *
 * @public
 */
export function awsActionsFor(...purposes: AwsActionPurpose[]): string[] {
  return AWS_ACTIONS.filter(a => purposes.includes(a.purpose))
    .map(a => a.action)
    .sort();
}

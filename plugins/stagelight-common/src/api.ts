/**
 * The REST contract of the Stagelight backend (mounted at /api/stagelight).
 * Both the frontend and the catalog module read these shapes; times are ISO 8601
 * strings, ages are seconds.
 */
import type {
  PowerState,
  ReadinessState,
  StageInfo,
  WaitOutcome,
} from './vocabulary';

/**
 * One tagged AWS resource of an environment.
 *
 * @public
 */
export interface EnvironmentResource {
  arn: string;
  /** The component tag's value (api, db, queue, ...), or null when untagged. */
  component: string | null;
  /** e.g. `ecs:service`, `rds:cluster`, `sqs`, `lambda:function`, `s3`, `elasticloadbalancing:loadbalancer`. */
  type: string;
  /** The resource's name as derived from its ARN. */
  name: string;
  accountId: string;
  region: string;
}

/**
 * The rollout state of an ECS deployment, as ECS reports it.
 *
 * @public
 */
export type RolloutState = 'COMPLETED' | 'IN_PROGRESS' | 'FAILED' | 'UNKNOWN';

/** @public */
export interface EcsServiceStatus {
  arn: string;
  cluster: string;
  name: string;
  desired: number;
  running: number;
  pending: number;
  /** Number of deployments ECS lists (more than one while a rollout replaces tasks). */
  deployments: number;
  primaryRollout: RolloutState;
  taskDefinition: string | null;
  /** The DEPLOY_MARKER of the primary deployment's task definition. */
  deployMarker: string | null;
  /** How its tasks run: `FARGATE`, `EC2`, or the capacity providers of its strategy (e.g. `FARGATE_SPOT`). */
  capacity: string[];
  /** Its Application Auto Scaling target's bounds; null when it has none (or they were not read). */
  scaling: ServiceScaling | null;
}

/**
 * What Application Auto Scaling may do to a service (a sleeping one is held at 0..0).
 *
 * @public
 */
export interface ServiceScaling {
  min: number;
  max: number;
  /** Some scaling (in, out or scheduled) is suspended. */
  suspended: boolean;
}

/**
 * One DB instance: an Aurora cluster's member, or a provisioned RDS instance.
 *
 * @public
 */
export interface DatabaseInstanceStatus {
  identifier: string;
  /** e.g. available, stopped, starting. */
  status: string;
  /** e.g. db.r6g.large or db.serverless; null when RDS did not say. */
  instanceClass: string | null;
  /** The Aurora writer (always true for a provisioned instance). */
  writer: boolean;
}

/** @public */
export interface DatabaseStatus {
  arn: string;
  /** An Aurora cluster (stopped and started as a whole) or a provisioned RDS DB instance. */
  kind: 'cluster' | 'instance';
  identifier: string;
  engine: string | null;
  /** e.g. available, stopped, stopping, starting. */
  status: string;
  /** The cluster's instances or the instance itself; empty when they could not be read. */
  instances: DatabaseInstanceStatus[];
  serverlessV2: { minCapacity: number; maxCapacity: number } | null;
  /** Serverless v2 with MinCapacity 0 pauses by itself after idle time. */
  autoPause: boolean;
  /** Current ACUs from CloudWatch (ServerlessDatabaseCapacity); null when no datapoint exists. */
  capacityAcu: number | null;
}

/** @public */
export interface QueueDepth {
  visible: number;
  inFlight: number;
  delayed: number;
  /** Messages waiting in the dead-letter queue(s). */
  dlq: number;
  /** CloudWatch ApproximateAgeOfOldestMessage; null when no datapoint exists (not 0). */
  oldestAgeSeconds: number | null;
}

/** @public */
export interface QueueStatus {
  arn: string;
  name: string;
  component: string | null;
  visible: number;
  inFlight: number;
  delayed: number;
  oldestAgeSeconds: number | null;
}

/** @public */
export interface FunctionStatus {
  arn: string;
  name: string;
  component: string | null;
  runtime: string | null;
  state: string | null;
  lastModified: string | null;
  memoryMb: number | null;
}

/** @public */
export interface ReadinessStatus {
  state: ReadinessState;
  /** The marker the primary deployment's task definition carries. */
  expectedMarker: string | null;
  /** The marker the API answered with at the last probe. */
  servedMarker: string | null;
  /** Why the state is what it is, in a few words. */
  reason: string | null;
  /** The URL probed; derived from configured domains or the environment's own ALB. */
  probeUrl: string | null;
  checkedAt: string | null;
}

/**
 * A part of an environment's status that could not be read this refresh.
 *
 * @public
 */
export interface EnvironmentError {
  /** What failed, e.g. `ecs:DescribeServices`. */
  source: string;
  message: string;
}

/** @public */
export interface EnvironmentSummary {
  clinic: string;
  stage: string;
  protected: boolean;
  /** Owner entity ref from the resources' owner tag, when present. */
  owner: string | null;
  power: PowerState;
  readiness: ReadinessState;
  expectedMarker: string | null;
  servedMarker: string | null;
  queue: QueueDepth | null;
  /** Set when part of the status could not be read; the rest is still reported. */
  errors: EnvironmentError[];
  refreshedAt: string;
  /** Seconds since refreshedAt, computed when the response is made. */
  dataAgeSeconds: number;
}

/** @public */
export interface EnvironmentDetail extends EnvironmentSummary {
  resources: EnvironmentResource[];
  services: EcsServiceStatus[];
  database: DatabaseStatus | null;
  queues: QueueStatus[];
  functions: FunctionStatus[];
  readinessDetail: ReadinessStatus;
}

/**
 * GET /environments
 *
 * @public
 */
export interface ListEnvironmentsResponse {
  items: EnvironmentSummary[] | EnvironmentDetail[];
  stages: StageInfo[];
  /** When the last full refresh finished; null before the first one. */
  refreshedAt: string | null;
  dataAgeSeconds: number | null;
}

/**
 * GET /environments/:clinic/:stage
 *
 * @public
 */
export type GetEnvironmentResponse = EnvironmentDetail;

/**
 * GET /clinics
 *
 * @public
 */
export interface ListClinicsResponse {
  items: {
    clinic: string;
    owner: string | null;
    stages: { stage: string; power: PowerState; readiness: ReadinessState }[];
  }[];
}

/**
 * GET /environments/:clinic/:stage/readiness?marker=&timeoutSeconds=
 *
 * @public
 */
export interface WaitForMarkerResponse {
  outcome: WaitOutcome;
  clinic: string;
  stage: string;
  /** The marker waited for. */
  marker: string;
  /** The marker served when the wait ended, or null if the API did not answer. */
  servedMarker: string | null;
  waitedMs: number;
  /** How many probes were made. */
  probes: number;
}

/**
 * Query filters of GET /environments.
 *
 * @public
 */
export interface ListEnvironmentsQuery {
  clinic?: string;
  stage?: string;
  power?: PowerState;
  /** `resources` returns full details (as the catalog module needs). */
  include?: 'resources';
}

import {
  DEFAULT_STAGES,
  environmentResourceNames as contractNames,
  StageName,
} from '@stagelight/tag-contract';

/** One environment of the demo fleet: what the seed makes it look like. */
export interface DemoEnvironment {
  clinic: string;
  clinicName: string;
  /** The catalog group that owns the clinic (its `stagelight:owner` tag); none for an unowned clinic. */
  owner?: string;
  stage: StageName;
  /** ECS desired count when awake; the service is seeded at 0 when asleep. */
  apiDesiredCount: number;
  asleep: boolean;
  /** Aurora Serverless v2 minimum capacity: 0 lets the cluster auto-pause. */
  dbMinCapacity: number;
  /** The deploy marker the pipeline gave the running task definition. */
  deployMarker: string;
  /** Messages waiting in the ingest queue and its dead-letter queue. */
  queuedImages: number;
  deadLetters: number;
  /** Typical daily cost while awake, in USD, for the Cost Explorer history. */
  dailyCostAwake: number;
}

export interface DemoFleet {
  region: string;
  environments: DemoEnvironment[];
}

/**
 * The clinics and their owners, groups of demo/org.yaml: the default policy
 * lets a lead act on the clinics the lead's groups own, and on unowned ones
 * (northside) as any lead.
 */
const CLINICS: { id: string; name: string; owner?: string }[] = [
  { id: 'northside', name: 'Northside Eye Clinic' },
  {
    id: 'harbor-view',
    name: 'Harbor View Imaging',
    owner: 'group:default/radiology-leads',
  },
  {
    id: 'lakeshore',
    name: 'Lakeshore Dermatology',
    owner: 'group:default/cardiology-leads',
  },
];

/** Which non-production environments start asleep, so the demo shows both states. */
const ASLEEP = new Set([
  'northside/test',
  'harbor-view/dev',
  'harbor-view/staging',
  'lakeshore/test',
]);

const STAGE_PROFILE: Record<
  string,
  { desired: number; cost: number; minAcu: number }
> = {
  dev: { desired: 1, cost: 9.5, minAcu: 0 },
  test: { desired: 1, cost: 7.8, minAcu: 0 },
  staging: { desired: 2, cost: 16.4, minAcu: 0 },
  prod: { desired: 3, cost: 41.2, minAcu: 0.5 },
};

/**
 * The demo fleet: 3 clinics x 4 stages, some asleep, some with images waiting or
 * dead-lettered. Deterministic, so seeding twice describes the same fleet.
 */
export function demoFleet(region = 'us-east-1'): DemoFleet {
  const environments: DemoEnvironment[] = [];
  CLINICS.forEach((clinic, ci) => {
    DEFAULT_STAGES.forEach((stage, si) => {
      const profile = STAGE_PROFILE[stage];
      const asleep = ASLEEP.has(`${clinic.id}/${stage}`);
      environments.push({
        clinic: clinic.id,
        clinicName: clinic.name,
        owner: clinic.owner,
        stage,
        apiDesiredCount: profile.desired + (stage === 'prod' ? ci : 0),
        asleep,
        dbMinCapacity: profile.minAcu,
        // Later stages run older builds: promotion moves a marker stage to stage.
        deployMarker: `2026-11-${String(24 - si).padStart(2, '0')}T09:30:00Z-${(
          0xa11ce +
          ci * 7919 +
          si * 104729
        ).toString(16)}`,
        queuedImages: asleep ? 4 + ci : (ci + si) % 3,
        deadLetters: (ci + si) % 4 === 1 ? 2 : 0,
        dailyCostAwake: +(profile.cost * (1 + ci * 0.15)).toFixed(2),
      });
    });
  });
  return { region, environments };
}

/**
 * The stack's names for an environment (from the contract), plus what only the
 * demo needs: its load balancer, database instance and Lambda role, and the
 * upload filter a clinic config has by default.
 */
export function environmentResourceNames(
  env: { clinic: string; stage: StageName },
  accountId: string,
) {
  const names = contractNames(env, accountId);
  return {
    ...names,
    loadBalancer: names.prefix,
    dbInstance: `${names.dbCluster}-1`,
    lambdaRole: `${names.prefix}-lambda`,
    uploadPrefix: `${env.clinic}/`,
    imageSuffix: '.jpg',
  };
}

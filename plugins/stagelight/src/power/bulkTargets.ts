import type {
  ListClinicsResponse,
  PowerOperationKind,
  StageInfo,
} from '@stagelight/backstage-plugin-stagelight-common';
import type { BulkScope } from '../api';

export interface BulkEnvironment {
  clinic: string;
  stage: string;
  protected: boolean;
}

/** A clinic (all its stages) or a stage (in every clinic) that can be woken or put to sleep at once. */
export interface BulkTarget {
  /** Stable key for a select: `clinic:north-clinic` or `stage:dev`. */
  key: string;
  scope: BulkScope;
  /** e.g. "every stage of north-clinic", "dev in every clinic". */
  label: string;
  environments: BulkEnvironment[];
}

/**
 * The bulk targets of the fleet: each clinic first (by name), then each
 * configured stage in promotion order. Protection comes from the stage list,
 * which is the backend's own (docs/architecture.md, "Power").
 */
export function bulkTargets(
  clinics: ListClinicsResponse,
  stages: StageInfo[],
): BulkTarget[] {
  const isProtected = new Map(stages.map(s => [s.name, s.protected]));
  const all: BulkEnvironment[] = clinics.items.flatMap(c =>
    c.stages.map(s => ({
      clinic: c.clinic,
      stage: s.stage,
      protected: isProtected.get(s.stage) ?? false,
    })),
  );
  const byClinic = [...new Set(all.map(e => e.clinic))].sort().map(clinic => ({
    key: `clinic:${clinic}`,
    scope: { clinic },
    label: `every stage of ${clinic}`,
    environments: all.filter(e => e.clinic === clinic),
  }));
  const stageNames = [
    ...stages.map(s => s.name),
    ...all.map(e => e.stage).filter(s => !isProtected.has(s)),
  ];
  const byStage = [...new Set(stageNames)]
    .map(stage => ({
      key: `stage:${stage}`,
      scope: { stage },
      label: `${stage} in every clinic`,
      environments: all.filter(e => e.stage === stage),
    }))
    .filter(t => t.environments.length > 0);
  return [...byClinic, ...byStage];
}

/**
 * What a bulk operation would do: which environments it acts on and which
 * it skips up front (protected stages are never put to sleep).
 */
export function bulkEffect(
  target: BulkTarget,
  kind: PowerOperationKind,
): { acted: BulkEnvironment[]; skippedProtected: BulkEnvironment[] } {
  if (kind === 'wake') {
    return { acted: target.environments, skippedProtected: [] };
  }
  return {
    acted: target.environments.filter(e => !e.protected),
    skippedProtected: target.environments.filter(e => e.protected),
  };
}

/** "1 environment", "3 environments". */
export function environmentCount(n: number): string {
  return `${n} ${n === 1 ? 'environment' : 'environments'}`;
}

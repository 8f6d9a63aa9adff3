import { Config } from '@backstage/config';
import { isValidClinicId } from '@stagelight/tag-contract';

/** Which pushes wake which environment, and for how long (`stagelight.wakeOnCommit`). */
export interface WakeOnCommitSettings {
  /** Lease a push starts (or extends to), in hours. */
  leaseHours: number;
  /** Lower-cased `owner/repo` → clinic. */
  repositories: Map<string, string>;
  /** Branch → stage. */
  branches: Map<string, string>;
}

export const DEFAULT_WAKE_BRANCHES: Record<string, string> = {
  dev: 'dev',
  test: 'test',
  staging: 'staging',
  main: 'prod',
};

/**
 * Reads `stagelight.wakeOnCommit`; undefined (disabled) when absent. Fails at
 * start-up on a clinic id, stage or lease the rest of Stagelight would refuse.
 */
export function readWakeOnCommitSettings(
  config: Config,
  o: { stages: string[]; maxLeaseHours: number },
): WakeOnCommitSettings | undefined {
  const c = config.getOptionalConfig('stagelight.wakeOnCommit');
  if (!c) return undefined;
  const leaseHours = c.getOptionalNumber('leaseHours') ?? 2;
  if (
    !Number.isFinite(leaseHours) ||
    leaseHours < 1 ||
    leaseHours > o.maxLeaseHours
  ) {
    throw new Error(
      `stagelight.wakeOnCommit.leaseHours must be from 1 to stagelight.power.maxLeaseHours (${o.maxLeaseHours}), got ${leaseHours}`,
    );
  }
  const repositories = new Map<string, string>();
  for (const [repo, clinic] of stringMap(c, 'repositories') ?? []) {
    if (!/^[^/\s]+\/[^/\s]+$/.test(repo)) {
      throw new Error(
        `stagelight.wakeOnCommit.repositories: '${repo}' is not an owner/repo name`,
      );
    }
    if (!isValidClinicId(clinic)) {
      throw new Error(
        `stagelight.wakeOnCommit.repositories['${repo}']: '${clinic}' is not a valid clinic id`,
      );
    }
    repositories.set(repo.toLowerCase(), clinic);
  }
  const branchEntries =
    stringMap(c, 'branches') ??
    Object.entries(DEFAULT_WAKE_BRANCHES).filter(([, stage]) =>
      o.stages.includes(stage),
    );
  for (const [branch, stage] of branchEntries) {
    if (!o.stages.includes(stage)) {
      throw new Error(
        `stagelight.wakeOnCommit.branches['${branch}']: unknown stage '${stage}'; stages are ${o.stages.join(
          ', ',
        )}`,
      );
    }
  }
  return { leaseHours, repositories, branches: new Map(branchEntries) };
}

/**
 * A map whose keys are repository or branch names: read as a whole, since
 * config keys may not contain '/' or '.'.
 */
function stringMap(
  c: Config,
  key: string,
): Array<[string, string]> | undefined {
  const value = c.getOptional(key);
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`stagelight.wakeOnCommit.${key} must be an object`);
  }
  return Object.entries(value).map(([k, v]) => {
    if (typeof v !== 'string') {
      throw new Error(
        `stagelight.wakeOnCommit.${key}['${k}'] must be a string`,
      );
    }
    return [k, v];
  });
}

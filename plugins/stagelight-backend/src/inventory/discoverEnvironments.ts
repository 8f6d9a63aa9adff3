import { APP_NAME, isValidClinicId } from '@stagelight/tag-contract';
import {
  EnvironmentResource,
  StageInfo,
} from '@stagelight/backstage-plugin-stagelight-common';
import { parseArn } from '../aws/arn';
import { TaggedResource } from '../aws/TaggingAdapter';
import { AwsLocation } from '../aws/AwsLocation';
import { StagelightTagKeys } from '../config/StagelightConfig';

/** One (clinic, stage) and the resources tagged for it. */
export interface DiscoveredEnvironment {
  clinic: string;
  stage: string;
  protected: boolean;
  owner: string | null;
  resources: EnvironmentResource[];
}

/** Tagged resources of one account/region, as the Tagging API listed them. */
export interface TargetListing {
  target: AwsLocation;
  resources: TaggedResource[];
}

export function environmentKey(clinic: string, stage: string): string {
  return `${clinic}/${stage}`;
}

/** Why a resource carrying the app tag belongs to no environment. */
export type UnassignedReason =
  | 'missing-clinic'
  | 'invalid-clinic'
  | 'missing-stage'
  | 'unknown-stage'
  | 'unparsable-arn';

/** A resource with the app tag that no environment takes: reported, never guessed into one. */
export interface UnassignedResource {
  arn: string;
  accountId: string;
  region: string;
  /** The clinic and stage tags as found (null when absent). */
  clinic: string | null;
  stage: string | null;
  reason: UnassignedReason;
}

type Placement =
  | { clinic: string; stage: StageInfo }
  | { reason: UnassignedReason };

/** The one rule that puts a tagged resource into an environment, or says why not. */
function place(
  arn: string,
  t: Record<string, string>,
  tags: StagelightTagKeys,
  stageByName: Map<string, StageInfo>,
): Placement {
  const clinic = t[tags.clinic];
  const stageTag = t[tags.stage];
  if (!clinic) return { reason: 'missing-clinic' };
  if (!isValidClinicId(clinic)) return { reason: 'invalid-clinic' };
  if (!stageTag) return { reason: 'missing-stage' };
  const stage = stageByName.get(stageTag);
  if (!stage) return { reason: 'unknown-stage' };
  if (!parseArn(arn)) return { reason: 'unparsable-arn' };
  return { clinic, stage };
}

/** Each resource with the app tag once: S3 ARNs carry no region and show up in every region's listing. */
function* appResources(listings: TargetListing[], tags: StagelightTagKeys) {
  const seen = new Set<string>();
  for (const { target, resources } of listings) {
    for (const resource of resources) {
      if (seen.has(resource.arn)) continue;
      if (resource.tags[tags.app] !== APP_NAME) continue;
      seen.add(resource.arn);
      yield { target, ...resource };
    }
  }
}

/**
 * Resources with the app tag that belong to no environment (no or an invalid
 * clinic id, no stage, a stage that is not configured): what an adopter needs
 * to see to answer "why don't I see my clinic?".
 */
export function findUnassigned(
  listings: TargetListing[],
  tags: StagelightTagKeys,
  stages: StageInfo[],
): UnassignedResource[] {
  const stageByName = new Map(stages.map(s => [s.name, s]));
  const out: UnassignedResource[] = [];
  for (const { target, arn, tags: t } of appResources(listings, tags)) {
    const placed = place(arn, t, tags, stageByName);
    if (!('reason' in placed)) continue;
    const parsed = parseArn(arn);
    out.push({
      arn,
      accountId: parsed?.accountId || target.accountId || '',
      region: parsed?.region || target.region,
      clinic: t[tags.clinic] || null,
      stage: t[tags.stage] || null,
      reason: placed.reason,
    });
  }
  return out;
}

/**
 * Groups tagged resources into environments. Resources without a valid clinic id
 * or with a stage that is not configured are left out (`findUnassigned` reports
 * them); resources are de-duplicated by ARN.
 */
export function discoverEnvironments(
  listings: TargetListing[],
  tags: StagelightTagKeys,
  stages: StageInfo[],
): DiscoveredEnvironment[] {
  const stageByName = new Map(stages.map(s => [s.name, s]));
  const envs = new Map<string, DiscoveredEnvironment>();

  for (const { target, arn, tags: t } of appResources(listings, tags)) {
    const placed = place(arn, t, tags, stageByName);
    if ('reason' in placed) continue;
    const { clinic, stage } = placed;
    const parsed = parseArn(arn)!;

    const key = environmentKey(clinic, stage.name);
    let env = envs.get(key);
    if (!env) {
      env = {
        clinic,
        stage: stage.name,
        protected: stage.protected,
        owner: null,
        resources: [],
      };
      envs.set(key, env);
    }
    const owner = tags.owner ? t[tags.owner] : undefined;
    if (owner && !env.owner) env.owner = owner;
    env.resources.push({
      arn,
      component: t[tags.component] ?? null,
      type: parsed.type,
      name: parsed.name,
      // S3 ARNs have neither; the listing's target is where it was found.
      accountId: parsed.accountId || target.accountId || '',
      region: parsed.region || target.region,
    });
  }

  const order = new Map(stages.map((s, i) => [s.name, i]));
  return [...envs.values()].sort(
    (a, b) =>
      a.clinic.localeCompare(b.clinic) ||
      (order.get(a.stage) ?? 0) - (order.get(b.stage) ?? 0),
  );
}

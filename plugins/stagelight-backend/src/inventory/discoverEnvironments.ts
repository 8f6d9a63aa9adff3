import { APP_NAME, isValidClinicId } from '@internal/stagelight-tag-contract';
import {
  EnvironmentResource,
  StageInfo,
} from '@internal/plugin-stagelight-common';
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

/**
 * Groups tagged resources into environments. Resources without a valid clinic id
 * or with a stage that is not configured are left out; S3 ARNs carry no region
 * and show up in every region's listing, so resources are de-duplicated by ARN.
 */
export function discoverEnvironments(
  listings: TargetListing[],
  tags: StagelightTagKeys,
  stages: StageInfo[],
): DiscoveredEnvironment[] {
  const stageByName = new Map(stages.map(s => [s.name, s]));
  const envs = new Map<string, DiscoveredEnvironment>();
  const seen = new Set<string>();

  for (const { target, resources } of listings) {
    for (const { arn, tags: t } of resources) {
      if (seen.has(arn)) continue;
      if (t[tags.app] !== APP_NAME) continue;
      const clinic = t[tags.clinic];
      const stage = stageByName.get(t[tags.stage] ?? '');
      if (!clinic || !isValidClinicId(clinic) || !stage) continue;
      const parsed = parseArn(arn);
      if (!parsed) continue;
      seen.add(arn);

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
  }

  const order = new Map(stages.map((s, i) => [s.name, i]));
  return [...envs.values()].sort(
    (a, b) =>
      a.clinic.localeCompare(b.clinic) ||
      (order.get(a.stage) ?? 0) - (order.get(b.stage) ?? 0),
  );
}

/**
 * The tag contract (docs/architecture.md, "The tag contract"): the one module that owns the tag keys, the
 * component names and the stage list. The CDK stack tags with it, the portal
 * discovers with it, the demo seed writes with it. The same keys are the cost
 * allocation tags.
 *
 * @packageDocumentation
 */

/**
 * Default tag keys. Adopters may rename them through config; code reads them from a {@link TagKeys}.
 *
 * @public
 */
export const DEFAULT_TAG_KEYS = {
  app: 'stagelight:app',
  clinic: 'stagelight:clinic',
  stage: 'stagelight:stage',
  component: 'stagelight:component',
  /** On an ECS service: the desired count it had before it was put to sleep. */
  desiredCount: 'stagelight:desired-count',
  /** On an ECS service under Application Auto Scaling: the bounds its scalable target had before it was put to sleep. */
  scalingBounds: 'stagelight:scaling-bounds',
  /** Optional: the catalog group that owns the clinic, e.g. group:default/radiology. */
  owner: 'stagelight:owner',
} as const;

/** @public */
export type TagKeys = { [K in keyof typeof DEFAULT_TAG_KEYS]: string };

/**
 * The value of the app tag on every resource of an image-review stack.
 *
 * @public
 */
export const APP_NAME = 'image-review';

/**
 * What a tagged resource is within one environment's stack.
 *
 * @public
 */
export const COMPONENTS = [
  'uploads',
  'archive',
  'queue',
  'dlq',
  'ingest',
  'notify',
  'api',
  'db',
  'web',
  'auth',
] as const;
/** @public */
export type ComponentName = (typeof COMPONENTS)[number];

/**
 * Stages in promotion order.
 *
 * @public
 */
export const DEFAULT_STAGES = ['dev', 'test', 'staging', 'prod'] as const;
/** @public */
export type StageName = string;

/**
 * Stages that are never put to sleep unless config says otherwise.
 *
 * @public
 */
export const DEFAULT_PROTECTED_STAGES: readonly StageName[] = ['prod'];

/**
 * A clinic id is used in bucket names, DNS labels and tag values: lowercase
 * letters, digits and single hyphens, starting with a letter, at most
 * {@link CLINIC_ID_MAX_LENGTH} characters so that derived bucket names
 * (`ir-<clinic>-staging-archive-<account>`) stay within S3's 63.
 *
 * @public
 */
export const CLINIC_ID_MAX_LENGTH = 28;
/** @public */
export const CLINIC_ID_PATTERN = /^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){0,27}$/;

/** @public */
export function isValidClinicId(id: string): boolean {
  return CLINIC_ID_PATTERN.test(id);
}

/**
 * One resource of an environment, as its tags describe it.
 *
 * @public
 */
export interface TaggedComponent {
  clinic: string;
  stage: StageName;
  component: ComponentName;
  /** The catalog group that owns the clinic; no owner tag without it. */
  owner?: string;
}

/**
 * The tags one resource of an environment carries.
 *
 * @public
 */
export function environmentTags(
  env: TaggedComponent,
  keys: TagKeys = DEFAULT_TAG_KEYS,
): Record<string, string> {
  return {
    [keys.app]: APP_NAME,
    [keys.clinic]: env.clinic,
    [keys.stage]: env.stage,
    [keys.component]: env.component,
    ...(env.owner ? { [keys.owner]: env.owner } : {}),
  };
}

/**
 * The same tags as a list, in the `{ Key, Value }` shape most AWS APIs take.
 *
 * @public
 */
export function environmentTagList(
  env: TaggedComponent,
  keys: TagKeys = DEFAULT_TAG_KEYS,
): { Key: string; Value: string }[] {
  return Object.entries(environmentTags(env, keys)).map(([Key, Value]) => ({
    Key,
    Value,
  }));
}

export {
  environmentResourceNames,
  type EnvironmentResourceNames,
} from './names';

import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { STAGELIGHT_ENVIRONMENT_RESOURCE_TYPE } from '@stagelight/backstage-plugin-stagelight-common';
import { z } from 'zod';

/**
 * What the rules look at of an environment: its place and the owner its tags
 * name (`stagelight:owner`, null without one). The snapshot's
 * EnvironmentRecord is one.
 *
 * @public
 */
export interface StagelightEnvironmentResource {
  clinic: string;
  stage: string;
  owner: string | null;
}

/**
 * A filter on environments as the rules translate to it (`toQuery`): the
 * property is one of the listed values. Nothing filters a list by it yet;
 * every power permission is decided for one environment.
 *
 * @public
 */
export interface StagelightEnvironmentQuery {
  property: 'clinic' | 'stage' | 'owner';
  values: Array<string | null>;
}

/**
 * The environment resource type, owned by the stagelight plugin.
 *
 * @public
 */
export const stagelightEnvironmentResourceRef = createPermissionResourceRef<
  StagelightEnvironmentResource,
  StagelightEnvironmentQuery
>().with({
  pluginId: 'stagelight',
  resourceType: STAGELIGHT_ENVIRONMENT_RESOURCE_TYPE,
});

// Entity refs compare without regard to case, as the catalog compares them.
const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/** The environment's owner is among the given refs (a user's ownership claims). */
export const isClinicOwner = createPermissionRule({
  name: 'IS_CLINIC_OWNER',
  description:
    "Allow when the environment's owner (its stagelight:owner tag) is among the given entity refs, usually the user's ownership claims",
  resourceRef: stagelightEnvironmentResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe('Entity refs of the user and its groups'),
  }),
  apply: (env, { claims }) =>
    env.owner !== null && claims.map(lower).includes(lower(env.owner)),
  toQuery: ({ claims }) => ({ property: 'owner', values: claims }),
});

/** The environment carries no owner tag. */
export const isUnowned = createPermissionRule({
  name: 'IS_UNOWNED',
  description: 'Allow when the environment carries no stagelight:owner tag',
  resourceRef: stagelightEnvironmentResourceRef,
  apply: env => env.owner === null,
  toQuery: (): StagelightEnvironmentQuery => ({
    property: 'owner',
    values: [null],
  }),
});

/** The environment belongs to one of the given clinics. */
export const isClinic = createPermissionRule({
  name: 'IS_CLINIC',
  description: 'Allow when the environment belongs to one of the given clinics',
  resourceRef: stagelightEnvironmentResourceRef,
  paramsSchema: z.object({
    clinics: z.array(z.string()).describe('Clinic ids, e.g. northside'),
  }),
  apply: (env, { clinics }) => clinics.includes(env.clinic),
  toQuery: ({ clinics }) => ({ property: 'clinic', values: clinics }),
});

/** The environment is in one of the given stages. */
export const isStage = createPermissionRule({
  name: 'IS_STAGE',
  description: 'Allow when the environment is in one of the given stages',
  resourceRef: stagelightEnvironmentResourceRef,
  paramsSchema: z.object({
    stages: z.array(z.string()).describe('Stage names, e.g. prod'),
  }),
  apply: (env, { stages }) => stages.includes(env.stage),
  toQuery: ({ stages }) => ({ property: 'stage', values: stages }),
});

/**
 * Every rule of the environment resource type, by the name policies use.
 *
 * @public
 */
export const stagelightEnvironmentRules = {
  isClinicOwner,
  isUnowned,
  isClinic,
  isStage,
};

// Two named exports rather than one destructuring export: a doc comment and
// release tag attach to a declaration, not to the names bound from a pattern.
const conditionExports = createConditionExports({
  resourceRef: stagelightEnvironmentResourceRef,
  rules: stagelightEnvironmentRules,
});

/**
 * For policy authors: the conditions of the environment rules, e.g.
 * `stagelightEnvironmentConditions.isClinicOwner({ claims })`.
 *
 * @public
 */
export const stagelightEnvironmentConditions = conditionExports.conditions;

/**
 * For policy authors: the conditional decision that carries the conditions.
 *
 * @example
 * ```ts
 * createStagelightEnvironmentConditionalDecision(
 *   request.permission,
 *   stagelightEnvironmentConditions.isClinicOwner({ claims }),
 * );
 * ```
 *
 * @public
 */
export const createStagelightEnvironmentConditionalDecision =
  conditionExports.createConditionalDecision;

import type { Permission } from '@backstage/plugin-permission-common';
import { environmentResourceRef } from '@stagelight/backstage-plugin-stagelight-common';
import type { PermittedButtonProps } from './PermittedButton';
import { holdersOf } from './permissionHolders';

/** An environment an action is asked for: where it is, and who owns its clinic (its owner tag). */
export interface PermittedEnvironment {
  clinic: string;
  stage: string;
  owner: string | null;
}

/** How a denial words the action: on environments in general, and on this one. */
export interface ActionWords {
  /** "wake environments" */
  any: string;
  /** "wake northside/dev" */
  one(resourceRef: string): string;
}

/**
 * What a PermittedButton needs for an action on one environment: the resource
 * ref it is authorized for and the words of a denial. Leads act on the
 * clinics their groups own (docs/architecture.md, "Security and audit"), so
 * the denial of an owned clinic's environment names it and its owner; an
 * unowned one is any holder's.
 */
export function environmentAccess(
  permission: Permission,
  env: PermittedEnvironment,
  words: ActionWords,
): Pick<PermittedButtonProps, 'resourceRef' | 'what' | 'who'> {
  const resourceRef = environmentResourceRef(env);
  const owned = ownedWords(permission, [env], words);
  return { resourceRef, ...(owned ?? { what: words.any }) };
}

/**
 * Why an action on several environments is refused for `denied`, in words:
 * like environmentAccess's, naming them and their owners when every one of
 * them is owned. An unowned one refused means the user lacks the permission
 * on any clinic, which the plain denial says.
 */
export function deniedEnvironmentsReason(
  permission: Permission,
  denied: PermittedEnvironment[],
  words: ActionWords,
): string {
  const { what, who } = ownedWords(permission, denied, words) ?? {
    what: words.any,
    who: holdersOf(permission),
  };
  return `You are not allowed to ${what}${who ? `; only ${who} can` : ''}`;
}

function ownedWords(
  permission: Permission,
  envs: PermittedEnvironment[],
  words: ActionWords,
): { what: string; who: string } | undefined {
  const owners = envs.map(e => e.owner);
  if (owners.length === 0 || owners.some(o => o === null)) return undefined;
  const distinct = [...new Set(owners)];
  let whose = 'their owner';
  if (envs.length === 1) whose = 'its owner';
  else if (distinct.length > 1) whose = 'their owners';
  return {
    what: words.one(envs.map(environmentResourceRef).join(', ')),
    who: `${holdersOf(permission) ?? 'those'} of ${whose}, ${distinct.join(
      ', ',
    )},`,
  };
}

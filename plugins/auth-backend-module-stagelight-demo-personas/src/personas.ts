import {
  parseEntityRef,
  stringifyEntityRef,
  UserEntity,
} from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { InputError, NotAllowedError } from '@backstage/errors';

/** The request header the sign-in page names the chosen persona in. */
export const PERSONA_HEADER = 'x-stagelight-persona';

/** The demo sign-in's settings, from `auth.providers.demo`. */
export interface DemoPersonaSettings {
  /** Full user entity refs people may sign in as, in configured order. */
  personas: string[];
  /** False outside development unless explicitly allowed. */
  enabled: boolean;
}

/** A persona as the sign-in page shows it. */
export interface DemoPersona {
  userEntityRef: string;
  displayName: string;
  email?: string;
  /** Full refs of the groups the user is a member of: the roles it signs in with. */
  groups: string[];
}

function toUserRef(ref: string): string {
  return stringifyEntityRef(
    parseEntityRef(ref, { defaultKind: 'user', defaultNamespace: 'default' }),
  );
}

/** Reads the provider's config (the `auth.providers.demo` block). */
export function readDemoPersonaSettings(config: Config): DemoPersonaSettings {
  const personas = config.getStringArray('personas').map(ref => {
    const userRef = toUserRef(ref);
    if (!userRef.startsWith('user:')) {
      throw new Error(
        `auth.providers.demo.personas: '${ref}' is not a user entity ref`,
      );
    }
    return userRef;
  });
  const allowOutsideDevelopment =
    config.getOptionalBoolean('dangerouslyAllowOutsideDevelopment') === true;
  return {
    personas,
    enabled: process.env.NODE_ENV === 'development' || allowOutsideDevelopment,
  };
}

/** Throws unless demo sign-in may be used here. */
export function assertEnabled(settings: DemoPersonaSettings) {
  if (!settings.enabled) {
    throw new NotAllowedError(
      "Demo sign-in is for development only; set 'auth.providers.demo.dangerouslyAllowOutsideDevelopment' to use it elsewhere",
    );
  }
}

/** The configured persona a sign-in request names; 400 without one, 403 for anyone else. */
export function personaOfRequest(
  settings: DemoPersonaSettings,
  header: string | undefined,
): string {
  assertEnabled(settings);
  if (!header) {
    throw new InputError(`Name the persona to sign in as in ${PERSONA_HEADER}`);
  }
  let userRef: string;
  try {
    userRef = toUserRef(header);
  } catch (error) {
    throw new InputError(`'${header}' is not an entity ref`);
  }
  if (!settings.personas.includes(userRef)) {
    throw new NotAllowedError(`${userRef} is not a demo persona`);
  }
  return userRef;
}

/** The persona as the sign-in page shows it, from its catalog entity when there is one. */
export function describePersona(
  userEntityRef: string,
  entity: UserEntity | undefined,
): DemoPersona {
  const groups = (entity?.relations ?? [])
    .filter(r => r.type === 'memberOf')
    .map(r => r.targetRef)
    .sort();
  return {
    userEntityRef,
    displayName:
      entity?.spec.profile?.displayName ?? parseEntityRef(userEntityRef).name,
    ...(entity?.spec.profile?.email && { email: entity.spec.profile.email }),
    groups,
  };
}

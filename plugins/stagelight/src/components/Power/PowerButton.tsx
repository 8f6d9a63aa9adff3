import {
  PowerOperationKind,
  StagelightEnvironmentPermission,
  stagelightEnvironmentSleepPermission,
  stagelightEnvironmentWakePermission,
} from '@stagelight/backstage-plugin-stagelight-common';
import {
  ActionWords,
  environmentAccess,
  PermittedButton,
  PermittedButtonProps,
  PermittedEnvironment,
} from '../Permission';

/** The permission each power operation asks for, and how a denial words it. */
export const POWER_PERMISSIONS: Record<
  PowerOperationKind,
  { permission: StagelightEnvironmentPermission; words: ActionWords }
> = {
  wake: {
    permission: stagelightEnvironmentWakePermission,
    words: { any: 'wake environments', one: ref => `wake ${ref}` },
  },
  sleep: {
    permission: stagelightEnvironmentSleepPermission,
    words: {
      any: 'put environments to sleep',
      one: ref => `put ${ref} to sleep`,
    },
  },
};

export type PowerButtonProps = Omit<
  PermittedButtonProps,
  'permission' | 'resourceRef' | 'what' | 'who'
> & {
  kind: PowerOperationKind;
  /** The environment woken or put to sleep: the permission is decided for it. */
  environment: PermittedEnvironment;
};

/** A Wake or Sleep button of one environment, behind the operation's permission for it. */
export function PowerButton(props: PowerButtonProps) {
  const { kind, environment, ...button } = props;
  const { permission, words } = POWER_PERMISSIONS[kind];
  return (
    <PermittedButton
      permission={permission}
      {...environmentAccess(permission, environment, words)}
      {...button}
    />
  );
}

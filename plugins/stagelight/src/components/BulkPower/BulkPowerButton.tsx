import type { PowerOperationKind } from '@stagelight/backstage-plugin-stagelight-common';
import { useEnvironmentPermissions } from '../../hooks';
import {
  DecidedButton,
  deniedEnvironmentsReason,
  PermittedEnvironment,
} from '../Permission';
import { POWER_PERMISSIONS } from '../Power';

export interface BulkPowerButtonProps {
  kind: PowerOperationKind;
  /** What the bulk request acts on, each with its clinic's owner. */
  environments: PermittedEnvironment[];
  id: string;
  label: string;
  /** Disabled for a reason other than the permission (nothing to act on). */
  disabled?: boolean;
  onClick(): void;
}

/**
 * "Wake all" or "Sleep all", with the permission decided for each environment
 * it acts on, as the backend decides them: disabled with the reason when the
 * user may act on none of them; when only on some, it says which it skips.
 */
export function BulkPowerButton(props: BulkPowerButtonProps) {
  const { kind, environments, ...button } = props;
  const { permission, words } = POWER_PERMISSIONS[kind];
  const check = useEnvironmentPermissions(permission, environments);
  let denied: string | undefined;
  let note: string | undefined;
  if (check.error) {
    denied = `Could not check whether you may ${words.any}: ${check.error.message}`;
  } else if (!check.loading && check.denied.length > 0) {
    const reason = deniedEnvironmentsReason(permission, check.denied, words);
    if (check.denied.length === environments.length) {
      denied = reason;
    } else {
      const them = check.denied.length === 1 ? 'it' : 'them';
      note = `${reason}; ${button.label} skips ${them}`;
    }
  }
  return (
    <DecidedButton
      {...button}
      checking={check.loading}
      denied={denied}
      note={note}
    />
  );
}

import { Box, Button, Typography } from '@material-ui/core';
import type { BasicPermission } from '@backstage/plugin-permission-common';
import { usePermission } from '@backstage/plugin-permission-react';

type Permission = ReturnType<typeof usePermission>;

/**
 * Why an action is not available to this user, in words; undefined when it
 * is (or while the check is still running).
 */
export function deniedReason(
  permission: Permission,
  what: string,
  who: string,
): string | undefined {
  if (permission.loading) return undefined;
  if (permission.error) {
    return `Could not check whether you may ${what}: ${permission.error.message}`;
  }
  if (!permission.allowed) {
    return `You are not allowed to ${what}; only ${who} can`;
  }
  return undefined;
}

export interface PermittedButtonProps {
  permission: BasicPermission;
  label: string;
  /** What the button does, for the denial: "wake environments". */
  what: string;
  /** Who usually holds the permission, for the denial: "leads". */
  who: string;
  /** Unique on the page; the denial's id derives from it. */
  id: string;
  onClick(): void;
  /** Disabled for a reason other than the permission (e.g. nothing selected). */
  disabled?: boolean;
}

/**
 * A button that asks the permission framework first: disabled while the
 * check runs, and disabled with the reason (linked by aria-describedby) when
 * the user lacks the permission. The backend enforces it regardless.
 */
export function PermittedButton(props: PermittedButtonProps) {
  const permission = usePermission({ permission: props.permission });
  const denied = deniedReason(permission, props.what, props.who);
  const reasonId = `${props.id}-denied`;
  return (
    <Box>
      <Button
        id={props.id}
        variant="outlined"
        size="small"
        disabled={props.disabled || permission.loading || !permission.allowed}
        aria-describedby={denied ? reasonId : undefined}
        onClick={props.onClick}
      >
        {props.label}
      </Button>
      {denied && (
        <Typography variant="caption" component="div" id={reasonId}>
          {denied}
        </Typography>
      )}
    </Box>
  );
}

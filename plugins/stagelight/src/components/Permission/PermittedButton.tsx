import { Box, Button, Typography } from '@material-ui/core';
import {
  isResourcePermission,
  Permission,
} from '@backstage/plugin-permission-common';
import { usePermission } from '@backstage/plugin-permission-react';
import { holdersOf } from './permissionHolders';

type PermissionCheck = ReturnType<typeof usePermission>;

/**
 * Why an action is not available to this user, in words; undefined when it
 * is (or while the check is still running).
 */
export function deniedReason(
  permission: PermissionCheck,
  what: string,
  who: string | undefined,
): string | undefined {
  if (permission.loading) return undefined;
  if (permission.error) {
    return `Could not check whether you may ${what}: ${permission.error.message}`;
  }
  if (!permission.allowed) {
    const holders = who ? `; only ${who} can` : '';
    return `You are not allowed to ${what}${holders}`;
  }
  return undefined;
}

export interface PermittedButtonProps {
  permission: Permission;
  /**
   * What a resource permission is asked for, e.g. an environment's
   * `<clinic>/<stage>`; without it a resource permission is denied.
   */
  resourceRef?: string;
  label: string;
  /** What the button does, for the denial: "wake environments". */
  what: string;
  /** Who may, for the denial, when not who usually holds the permission: "leads of its owner, group:default/x,". */
  who?: string;
  /** Unique on the page; the denial's id derives from it. */
  id: string;
  onClick(): void;
  /** Disabled for a reason other than the permission (e.g. nothing selected). */
  disabled?: boolean;
}

/**
 * A button that asks the permission framework first, for the resource when
 * the permission is one of a resource type: disabled while the check runs,
 * and disabled with the reason (linked by aria-describedby, and naming who
 * holds the permission) when the user lacks it. The backend enforces it
 * regardless.
 */
export function PermittedButton(props: PermittedButtonProps) {
  const { permission: asked, resourceRef, what, who, ...button } = props;
  const permission = usePermission(
    isResourcePermission(asked)
      ? { permission: asked, resourceRef }
      : { permission: asked },
  );
  return (
    <DecidedButton
      {...button}
      checking={permission.loading}
      denied={deniedReason(permission, what, who ?? holdersOf(asked))}
    />
  );
}

export interface DecidedButtonProps {
  label: string;
  /** Unique on the page; the ids of the texts under it derive from it. */
  id: string;
  onClick(): void;
  /** Disabled for a reason other than the permission (e.g. nothing selected). */
  disabled?: boolean;
  /** While the permission check runs: disabled, nothing said yet. */
  checking: boolean;
  /** Why the user may not: disabled, with the reason. */
  denied?: string;
  /** Said of an allowed action, e.g. what it will skip. */
  note?: string;
}

/** A button whose permission was decided elsewhere (PermittedButton, or a check of many environments). */
export function DecidedButton(props: DecidedButtonProps) {
  const reasonId = `${props.id}-denied`;
  const noteId = `${props.id}-note`;
  const note = props.denied ? undefined : props.note;
  let describedBy: string | undefined;
  if (props.denied) describedBy = reasonId;
  else if (note) describedBy = noteId;
  return (
    <Box>
      <Button
        id={props.id}
        variant="outlined"
        size="small"
        disabled={
          props.disabled || props.checking || props.denied !== undefined
        }
        aria-describedby={describedBy}
        onClick={props.onClick}
      >
        {props.label}
      </Button>
      {props.denied && (
        <Typography variant="caption" component="div" id={reasonId}>
          {props.denied}
        </Typography>
      )}
      {note && (
        <Typography variant="caption" component="div" id={noteId}>
          {note}
        </Typography>
      )}
    </Box>
  );
}

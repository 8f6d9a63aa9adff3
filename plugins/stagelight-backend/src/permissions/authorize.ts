import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizePermissionRequest,
  AuthorizeResult,
  BasicPermission,
  Permission,
} from '@backstage/plugin-permission-common';
import type { RequestHandler } from 'express';

/**
 * Whether the caller holds `permission` (the policy's answer, nothing
 * cached); for a resource permission, on the resource `resourceRef` names.
 */
export async function isAllowed(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  permission: Permission,
  resourceRef?: string,
): Promise<boolean> {
  const request = (
    resourceRef === undefined ? { permission } : { permission, resourceRef }
  ) as AuthorizePermissionRequest;
  const [decision] = await permissions.authorize([request], { credentials });
  return decision.result === AuthorizeResult.ALLOW;
}

/** Throws a 403 with `message` unless the caller holds `permission`. */
export async function requirePermission(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  permission: BasicPermission,
  message: string,
): Promise<void> {
  if (!(await isAllowed(permissions, credentials, permission))) {
    throw new NotAllowedError(message);
  }
}

/**
 * Route middleware that lets a request through only with `permission`. Put it
 * on the routes that need it, never on a whole router: the plugin's routers
 * share one mount point, and a router-wide check would also guard the routes
 * of whichever router is mounted after it.
 */
export function permissionMiddleware(
  deps: { httpAuth: HttpAuthService; permissions: PermissionsService },
  permission: BasicPermission,
  message: string,
): RequestHandler {
  return async (req, _res, next) => {
    try {
      const credentials = await deps.httpAuth.credentials(req);
      await requirePermission(
        deps.permissions,
        credentials,
        permission,
        message,
      );
      next();
    } catch (error) {
      next(error);
    }
  };
}

import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { BasicPermission } from '@backstage/plugin-permission-common';
import { stagelightEnvironmentReadPermission } from '@internal/plugin-stagelight-common';
import type { Request } from 'express';
import { isAllowed, requirePermission } from '../../permissions/authorize';
import { PowerAuditor } from '../audit/PowerAuditor';
import { reasonExcerpt } from './requests';

/** Who the audit names: the user's entity ref or the calling service. */
export function actorOf(credentials: BackstageCredentials): string {
  const p = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (p.type === 'user' && p.userEntityRef) return p.userEntityRef;
  if (p.type === 'service' && p.subject) return p.subject;
  return 'unknown';
}

export interface GuardedMutation {
  credentials: BackstageCredentials;
  action: string;
  permission: BasicPermission;
  clinic: string | null;
  stage: string | null;
  /** The caller's reason as given (validated by the mutation itself). */
  reason: unknown;
  request?: Request;
}

/**
 * Permission checks and audit shared by the HTTP routes and the actions
 * registry: the same caller gets the same answer and the same audit record
 * whichever way they come in.
 */
export class PowerGuard {
  constructor(
    private readonly deps: {
      permissions: PermissionsService;
      auditor: PowerAuditor;
    },
  ) {}

  async requireRead(credentials: BackstageCredentials): Promise<void> {
    await requirePermission(
      this.deps.permissions,
      credentials,
      stagelightEnvironmentReadPermission,
      'Not allowed to read Stagelight environments',
    );
  }

  /** Authorizes, then runs the mutation; every attempt is audited, a denial too. */
  async mutation<T>(
    what: GuardedMutation,
    fn: (actor: string) => Promise<T>,
    describe?: (value: T) => { detail?: string; operationId?: string },
  ): Promise<T> {
    const actor = actorOf(what.credentials);
    return this.deps.auditor.run(
      {
        action: what.action,
        actor,
        clinic: what.clinic,
        stage: what.stage,
        reason: reasonExcerpt(what.reason),
        request: what.request,
      },
      async () => {
        if (
          !(await isAllowed(
            this.deps.permissions,
            what.credentials,
            what.permission,
          ))
        ) {
          throw new NotAllowedError(`Not allowed: ${what.permission.name}`);
        }
        return fn(actor);
      },
      describe,
    );
  }
}

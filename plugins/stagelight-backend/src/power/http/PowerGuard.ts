import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  isResourcePermission,
  Permission,
} from '@backstage/plugin-permission-common';
import {
  environmentResourceRef,
  stagelightEnvironmentReadPermission,
} from '@stagelight/backstage-plugin-stagelight-common';
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
  /** A power permission (decided per environment), or a basic one. */
  permission: Permission;
  /** With `stage`, the one environment acted on; null for every clinic (a stage's bulk request). */
  clinic: string | null;
  /** Null for every stage of `clinic` (a clinic's bulk request). */
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
        await this.#authorize(what);
        return fn(actor);
      },
      describe,
    );
  }

  /**
   * One environment is authorized as the resource it is, so a policy's
   * conditions (e.g. "leads of the clinic's owner") are applied to it. A
   * request for a whole clinic or stage names no one environment: it is
   * refused only when the policy denies outright, and each environment it
   * covers then passes through here on its own (docs/architecture.md,
   * "Security and audit").
   */
  async #authorize(what: GuardedMutation): Promise<void> {
    const { permissions } = this.deps;
    const { credentials, permission, clinic, stage } = what;
    const resourceRef =
      clinic !== null && stage !== null
        ? environmentResourceRef({ clinic, stage })
        : undefined;
    const denied = () =>
      new NotAllowedError(
        `Not allowed: ${permission.name} on ${
          resourceRef ?? scopeOf(clinic, stage)
        }`,
      );
    if (!isResourcePermission(permission) || resourceRef) {
      if (
        !(await isAllowed(
          permissions,
          credentials,
          permission,
          isResourcePermission(permission) ? resourceRef : undefined,
        ))
      ) {
        throw denied();
      }
      return;
    }
    const request = [{ permission }];
    const [decision] = await permissions.authorizeConditional(request, {
      credentials,
    });
    if (decision.result === AuthorizeResult.DENY) throw denied();
  }
}

/** What a request for more than one environment covers, in words. */
function scopeOf(clinic: string | null, stage: string | null): string {
  if (clinic !== null) return `every stage of ${clinic}`;
  if (stage !== null) return `${stage} in every clinic`;
  return 'every environment';
}

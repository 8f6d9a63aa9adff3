import { AuditorService } from '@backstage/backend-plugin-api';
import { AuditRecord } from '@stagelight/backstage-plugin-stagelight-common';
import type { Request } from 'express';
import { Clock } from '../../clock/Clock';
import { PowerAuditLog } from './PowerAuditLog';

export interface AuditedAction {
  action: string;
  actor: string;
  clinic: string | null;
  stage: string | null;
  reason: string | null;
  request?: Request;
}

/** How a failed attempt is recorded: refused by permission, refused as invalid, or broken. */
function resultOf(error: unknown): AuditRecord['result'] {
  const name = (error as Error)?.name;
  if (name === 'NotAllowedError') return 'denied';
  if (['InputError', 'NotFoundError', 'ConflictError'].includes(name))
    return 'rejected';
  return 'failed';
}

/**
 * Every attempted mutation goes to both the Backstage auditor service and the
 * plugin's own history (which the API serves), allowed or not.
 */
export class PowerAuditor {
  constructor(
    private readonly deps: {
      auditor: AuditorService;
      log: PowerAuditLog;
      clock: Clock;
    },
  ) {}

  async run<T>(
    what: AuditedAction,
    fn: () => Promise<T>,
    describe: (value: T) => {
      detail?: string;
      operationId?: string;
    } = () => ({}),
  ): Promise<T> {
    const event = await this.deps.auditor.createEvent({
      eventId: what.action,
      severityLevel: 'medium',
      request: what.request,
      meta: {
        clinic: what.clinic,
        stage: what.stage,
        reason: what.reason,
        actor: what.actor,
      },
    });
    const base = {
      actor: what.actor,
      action: what.action,
      clinic: what.clinic,
      stage: what.stage,
      reason: what.reason,
    };
    try {
      const value = await fn();
      const { detail = null, operationId = null } = describe(value);
      await this.deps.log.append(
        { ...base, result: 'succeeded', detail, operationId },
        this.deps.clock.now(),
      );
      await event.success({ meta: { operationId, detail } });
      return value;
    } catch (error) {
      await this.deps.log.append(
        {
          ...base,
          result: resultOf(error),
          detail: `${(error as Error).name}: ${(error as Error).message}`,
          operationId: null,
        },
        this.deps.clock.now(),
      );
      await event.fail({ error: error as Error });
      throw error;
    }
  }
}

import type { PowerOperation } from '@stagelight/backstage-plugin-stagelight-common';
import { Clock } from '../../clock/Clock';
import { PowerAuditLog } from './PowerAuditLog';
import type { PowerObserver } from '../engine/PowerEngine';

const MAX_DETAIL = 500;

/** The audit action of an operation's end, e.g. `environment-wake-ended`. */
export function operationEndAction(kind: PowerOperation['kind']): string {
  return `environment-${kind}-ended`;
}

/** What the history says of an ended operation: how long it took, or where it failed. */
export function operationEndDetail(op: PowerOperation): string {
  const took =
    op.finishedAt &&
    `${Math.max(
      0,
      Math.round((Date.parse(op.finishedAt) - Date.parse(op.createdAt)) / 1000),
    )} s`;
  if (op.status === 'succeeded') {
    return `${op.outcome ?? 'done'}${took ? ` after ${took}` : ''}`;
  }
  const failedStep = op.steps.find(s => s.status === 'failed')?.name;
  const text = `${op.outcome ?? 'failed'}${
    failedStep ? ` at ${failedStep}` : ''
  }: ${op.error ?? 'no error recorded'}`;
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL - 1)}…` : text;
}

/**
 * Appends the end of every wake and sleep to the audit history, next to the
 * request that started it: the request says who asked and that it was
 * accepted, this says whether the environment got there (or was left partial,
 * and why). Scheduled operations included.
 */
export class OperationEndAudit implements PowerObserver {
  constructor(private readonly deps: { log: PowerAuditLog; clock: Clock }) {}

  async operationChanged(op: PowerOperation): Promise<void> {
    if (op.status !== 'succeeded' && op.status !== 'failed') return;
    await this.deps.log.append(
      {
        actor: op.requestedBy,
        action: operationEndAction(op.kind),
        clinic: op.clinic,
        stage: op.stage,
        reason: op.reason,
        result: op.status,
        detail: operationEndDetail(op),
        operationId: op.id,
      },
      this.deps.clock.now(),
    );
  }
}

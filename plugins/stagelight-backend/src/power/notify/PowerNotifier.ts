import { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { SignalsService } from '@backstage/plugin-signals-node';
import {
  OPERATION_SIGNAL_CHANNEL,
  OperationSignal,
  PowerOperation,
} from '@stagelight/backstage-plugin-stagelight-common';

const MAX_ERROR = 300;

/** The signal of an operation: what a status page needs to redraw, nothing more. */
export function operationSignal(op: PowerOperation): OperationSignal {
  const current =
    op.steps.find(s => s.status === 'running' || s.status === 'failed') ??
    op.steps.find(s => s.status === 'pending');
  return {
    operationId: op.id,
    clinic: op.clinic,
    stage: op.stage,
    kind: op.kind,
    status: op.status,
    outcome: op.outcome,
    step: op.status === 'succeeded' ? null : current?.name ?? null,
    steps: op.steps.map(s => ({ name: s.name, status: s.status })),
    finishedAt: op.finishedAt,
  };
}

/** The link of a clinic's Stagelight tab (its System entity). */
export function clinicLink(clinic: string): string {
  return `/catalog/default/system/${encodeURIComponent(clinic)}/stagelight`;
}

/**
 * Publishes every change of an operation on the `stagelight:operation`
 * signals channel (broadcast: ids, kind, status and step names only, no
 * reason, requester or error text), and tells the user who requested it when
 * it ends. Scheduler runs notify nobody.
 */
export class PowerNotifier {
  constructor(
    private readonly deps: {
      signals?: SignalsService;
      notifications?: NotificationService;
      logger: LoggerService;
    },
  ) {}

  async operationChanged(op: PowerOperation): Promise<void> {
    // A failed signal must not keep the notification from being sent, nor the reverse.
    await Promise.all([this.#signal(op), this.#notify(op)]);
  }

  async #signal(op: PowerOperation) {
    if (!this.deps.signals) return;
    try {
      await this.deps.signals.publish<OperationSignal>({
        recipients: { type: 'broadcast' },
        channel: OPERATION_SIGNAL_CHANNEL,
        message: operationSignal(op),
      });
    } catch (error) {
      this.deps.logger.warn(`Stagelight signal for ${op.id} failed: ${error}`);
    }
  }

  async #notify(op: PowerOperation) {
    if (!this.deps.notifications) return;
    if (op.status !== 'succeeded' && op.status !== 'failed') return;
    if (!op.requestedBy.startsWith('user:')) return;
    const env = `${op.clinic}/${op.stage}`;
    const failed = op.status === 'failed';
    const error = (op.error ?? 'unknown error').slice(0, MAX_ERROR);
    const title = failed
      ? `${env} ${op.kind} failed: ${error}`
      : `${env} is ${op.kind === 'wake' ? 'awake' : 'asleep'}`;
    const description = failed
      ? `The ${op.kind} of ${env} failed${
          op.outcome === 'partial' ? ' after changing part of it' : ''
        }. Its steps are on the Stagelight tab.`
      : `The ${op.kind} you requested (${op.reason}) finished.`;
    try {
      await this.deps.notifications.send({
        recipients: { type: 'entity', entityRef: op.requestedBy },
        payload: {
          title,
          description,
          link: clinicLink(op.clinic),
          severity: failed ? 'high' : 'normal',
          topic: 'stagelight',
          // A resumed operation that reports its end again replaces, not repeats.
          scope: `stagelight-operation:${op.id}`,
        },
      });
    } catch (error_) {
      this.deps.logger.warn(
        `Stagelight notification for ${op.id} failed: ${error_}`,
      );
    }
  }
}

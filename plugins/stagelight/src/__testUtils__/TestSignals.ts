import type { JsonObject } from '@backstage/types';
import type {
  SignalApi,
  SignalSubscriber,
} from '@backstage/plugin-signals-react';
import {
  OPERATION_SIGNAL_CHANNEL,
  OperationSignal,
  PowerOperation,
} from '@stagelight/backstage-plugin-stagelight-common';

/**
 * The app's signal API as a test drives it: what the backend would push over
 * its WebSocket, delivered to every subscriber of the channel.
 */
export class TestSignals implements SignalApi {
  readonly #subscribers = new Map<string, Set<(message: JsonObject) => void>>();

  subscribe<TMessage extends JsonObject = JsonObject>(
    channel: string,
    onMessage: (message: TMessage) => void,
  ): SignalSubscriber {
    const set = this.#subscribers.get(channel) ?? new Set();
    const listener = onMessage as (message: JsonObject) => void;
    set.add(listener);
    this.#subscribers.set(channel, set);
    return { unsubscribe: () => set.delete(listener) };
  }

  /** How many views listen on the channel. */
  subscribers(channel: string = OPERATION_SIGNAL_CHANNEL): number {
    return this.#subscribers.get(channel)?.size ?? 0;
  }

  /** The backend's signal of the operation as it now stands. */
  publishOperation(op: PowerOperation) {
    const signal: OperationSignal = {
      operationId: op.id,
      clinic: op.clinic,
      stage: op.stage,
      kind: op.kind,
      status: op.status,
      outcome: op.outcome,
      step: null,
      steps: op.steps.map(s => ({ name: s.name, status: s.status })),
      finishedAt: op.finishedAt,
    };
    this.#subscribers
      .get(OPERATION_SIGNAL_CHANNEL)
      ?.forEach(listener => listener(signal));
  }
}

import { randomUUID } from 'node:crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import {
  PowerOperation,
  PowerOperationKind,
} from '@stagelight/backstage-plugin-stagelight-common';
import { EnvironmentLock } from './EnvironmentLock';
import { PowerSettings } from '../PowerSettings';
import { POWER_STEPS, StepCollaborators, StepContext } from './powerSteps';
import { StoredOperation } from './PowerStore';
import { PowerTargets } from './PowerTargets';

/** Told about every change of an operation: progress for signals, the end for notifications. */
export interface PowerObserver {
  operationChanged(operation: PowerOperation): void | Promise<void>;
}

export interface StartOperation {
  kind: PowerOperationKind;
  targets: PowerTargets;
  trigger: 'user' | 'schedule';
  requestedBy: string;
  reason: string;
  /** One operation per key, ever (the scheduler's transition boundary). */
  idempotencyKey?: string;
}

export interface PowerEngineOptions extends StepCollaborators {
  logger: LoggerService;
  settings: Pick<
    PowerSettings,
    | 'lockTtlMs'
    | 'desiredCountTag'
    | 'scalingBoundsTag'
    | 'pollIntervalMs'
    | 'dbAvailableTimeoutMs'
    | 'readyTimeoutMs'
  >;
  observers?: PowerObserver[];
  /** Identifies this engine in lock rows; random per process by default. */
  owner?: string;
}

class LockLost extends Error {}

export function publicOperation(op: StoredOperation): PowerOperation {
  const { targets: _targets, ...rest } = op;
  return rest;
}

/**
 * Runs wake and sleep operations step by step, persisting each step before and
 * after it runs. The per-environment lock is taken in the same transaction that
 * creates the operation, so concurrent requests on any replica create one.
 * Unfinished operations are resumed from their first unfinished step.
 */
export class PowerEngine {
  readonly owner: string;
  readonly #o: PowerEngineOptions;
  readonly #lock: EnvironmentLock;
  readonly #running = new Map<string, Promise<void>>();
  #stopped = false;

  constructor(options: PowerEngineOptions) {
    this.#o = options;
    this.owner = options.owner ?? `engine-${randomUUID()}`;
    this.#lock = new EnvironmentLock(options.settings.lockTtlMs);
  }

  /**
   * Creates the operation and starts it in the background. When another
   * operation holds the environment: the same kind is returned as is (a double
   * click wakes once), another kind is a conflict.
   */
  async start(
    request: StartOperation,
  ): Promise<{ operation: PowerOperation; created: boolean }> {
    if (request.kind === 'sleep' && request.targets.protected) {
      throw new ConflictError(
        `Stage '${request.targets.stage}' is protected: its environments are never put to sleep`,
      );
    }
    const { store, clock } = this.#o;
    const env = request.targets;
    const id = randomUUID();
    const outcome = await store.knex.transaction(async tx => {
      if (request.idempotencyKey) {
        const existing = await store.operationIdByKey(
          tx,
          request.idempotencyKey,
        );
        if (existing) return { existing };
      }
      const now = clock.now();
      const holder = { owner: this.owner, operationId: id };
      if (await this.#lock.acquire(tx, env, holder, now)) {
        await store.insertOperation(tx, { id, ...request }, now);
        return { created: id };
      }
      const held = await this.#lock.holder(tx, env);
      return { existing: held?.operationId };
    });
    if ('created' in outcome && outcome.created) {
      this.#launch(id);
      const op = await store.getOperation(id);
      return { operation: publicOperation(op!), created: true };
    }
    const existing = outcome.existing
      ? await store.getOperation(outcome.existing)
      : undefined;
    if (!existing) {
      throw new ConflictError(
        `Another operation is changing ${env.clinic}/${env.stage}; try again shortly`,
      );
    }
    if (existing.kind !== request.kind && !request.idempotencyKey) {
      throw new ConflictError(
        `A ${existing.kind} of ${env.clinic}/${env.stage} is in progress (operation ${existing.id}); wait for it to finish`,
      );
    }
    return { operation: publicOperation(existing), created: false };
  }

  /** Picks up operations a stopped or crashed engine left unfinished; returns how many it resumed. */
  async resumeUnfinished(): Promise<number> {
    const { store, clock } = this.#o;
    let resumed = 0;
    for (const id of await store.unfinishedOperationIds()) {
      if (this.#running.has(id)) continue;
      const op = await store.getOperation(id);
      if (!op) continue;
      const holder = { owner: this.owner, operationId: id };
      const got = await store.knex.transaction(tx =>
        this.#lock.acquire(tx, op.targets, holder, clock.now()),
      );
      if (!got) continue; // Still held by a live engine, or another op took the environment.
      this.#o.logger.info(
        `Resuming ${op.kind} ${id} of ${op.clinic}/${op.stage}`,
      );
      this.#launch(id);
      resumed += 1;
    }
    return resumed;
  }

  /**
   * Stops after the current step, leaving the operation unfinished and its lock
   * to expire, as a crash would; another engine resumes it.
   */
  async stop(): Promise<void> {
    this.#stopped = true;
    await Promise.allSettled([...this.#running.values()]);
  }

  /** Waits until every operation this engine runs has ended or stopped. */
  async settled(): Promise<void> {
    while (this.#running.size) {
      await Promise.allSettled([...this.#running.values()]);
    }
  }

  #launch(id: string) {
    const run = this.#run(id)
      .catch(error =>
        this.#o.logger.error(`Power operation ${id} crashed: ${error}`),
      )
      .finally(() => this.#running.delete(id));
    this.#running.set(id, run);
  }

  async #notify(id: string) {
    const observers = this.#o.observers ?? [];
    if (!observers.length) return;
    const op = await this.#o.store.getOperation(id);
    if (!op) return;
    for (const observer of observers) {
      try {
        await observer.operationChanged(publicOperation(op));
      } catch (error) {
        this.#o.logger.warn(`Power observer failed for ${id}: ${error}`);
      }
    }
  }

  async #run(id: string): Promise<void> {
    const { store, clock, settings } = this.#o;
    const op = await store.getOperation(id);
    if (!op) return;
    const holder = { owner: this.owner, operationId: id };
    const heartbeat = async () => {
      if (
        !(await this.#lock.renew(store.knex, op.targets, holder, clock.now()))
      ) {
        throw new LockLost(`lost the lock of ${op.clinic}/${op.stage}`);
      }
    };
    const ctx: StepContext = {
      targets: op.targets,
      store,
      ecs: this.#o.ecs,
      rds: this.#o.rds,
      scaling: this.#o.scaling,
      probe: this.#o.probe,
      clock,
      sleep: this.#o.sleep,
      desiredCountTag: settings.desiredCountTag,
      scalingBoundsTag: settings.scalingBoundsTag,
      pollIntervalMs: settings.pollIntervalMs,
      dbAvailableTimeoutMs: settings.dbAvailableTimeoutMs,
      readyTimeoutMs: settings.readyTimeoutMs,
      heartbeat,
    };
    await store.markOperation(id, { status: 'running' }, clock.now());
    await this.#notify(id);

    let changed = false;
    for (const [position, step] of op.steps.entries()) {
      if (step.status === 'done' || step.status === 'skipped') {
        changed ||= step.status === 'done';
        continue;
      }
      if (this.#stopped) return;
      try {
        await heartbeat();
        await store.markStep(
          id,
          position,
          { status: 'running', error: null, started: true },
          clock.now(),
        );
        const outcome = await POWER_STEPS[step.name](ctx);
        await store.markStep(
          id,
          position,
          { status: outcome.status, result: outcome.result, finished: true },
          clock.now(),
        );
        changed ||= outcome.status === 'done';
        await this.#notify(id);
      } catch (error) {
        if (error instanceof LockLost) {
          this.#o.logger.warn(
            `Power operation ${id} stopped: ${error.message}`,
          );
          return;
        }
        const message = `${step.name}: ${(error as Error).message ?? error}`;
        await store.markStep(
          id,
          position,
          { status: 'failed', error: message, finished: true },
          clock.now(),
        );
        await store.markOperation(
          id,
          {
            status: 'failed',
            error: message,
            outcome: changed ? 'partial' : null,
            finished: true,
          },
          clock.now(),
        );
        await this.#lock.release(store.knex, op.targets, holder);
        this.#o.logger.warn(
          `Power ${op.kind} of ${op.clinic}/${op.stage} failed at ${message}`,
        );
        await this.#notify(id);
        return;
      }
    }
    await store.markOperation(
      id,
      {
        status: 'succeeded',
        outcome: op.kind === 'wake' ? 'awake' : 'asleep',
        error: null,
        finished: true,
      },
      clock.now(),
    );
    await this.#lock.release(store.knex, op.targets, holder);
    await this.#notify(id);
  }
}

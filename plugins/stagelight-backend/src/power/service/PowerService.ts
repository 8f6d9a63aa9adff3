import { NotFoundError } from '@backstage/errors';
import {
  PowerOperation,
  PowerOperationResponse,
  SleepRequest,
  WakeRequest,
} from '@stagelight/backstage-plugin-stagelight-common';
import { Clock } from '../../clock/Clock';
import { StagelightSettings } from '../../config/StagelightConfig';
import { EnvironmentLookup } from '../../snapshot/EnvironmentLookup';
import { PowerEngine, publicOperation } from '../engine/PowerEngine';
import { PowerStore } from '../engine/PowerStore';
import { powerTargetsOf } from '../engine/PowerTargets';
import { LeaseService } from './LeaseService';
import { refuseOnProtected } from './protectedStage';
import { ScheduleService } from './ScheduleService';

type Env = { clinic: string; stage: string };

/**
 * A user's wake and sleep of one environment, and the operations they start:
 * looks the environment up in the status snapshot and hands the operation to
 * the engine. Requests arrive already checked (PowerRequests).
 */
export class PowerService {
  constructor(
    private readonly deps: {
      engine: PowerEngine;
      store: PowerStore;
      lookup: EnvironmentLookup;
      leases: LeaseService;
      schedules: ScheduleService;
      settings: Pick<StagelightSettings, 'aws' | 'readiness'>;
      clock: Clock;
    },
  ) {}

  async wake(
    env: Env,
    request: WakeRequest,
    actor: string,
  ): Promise<PowerOperationResponse> {
    const { lookup, leases, engine, schedules, clock } = this.deps;
    const record = await lookup.environment(env.clinic, env.stage);
    const now = clock.now();
    if (request.leaseHours !== undefined) {
      refuseOnProtected(record, 'lease');
      await leases.start(env, {
        now,
        hours: request.leaseHours,
        actor,
        reason: request.reason,
      });
    }
    const { operation } = await engine.start({
      kind: 'wake',
      targets: powerTargetsOf(record, this.deps.settings),
      trigger: 'user',
      requestedBy: actor,
      reason: request.reason,
    });
    await schedules.claimCurrentBoundary(record, now);
    return { operation, lease: (await leases.active(env, now)) ?? null };
  }

  async sleep(
    env: Env,
    request: SleepRequest,
    actor: string,
  ): Promise<PowerOperationResponse> {
    const { lookup, leases, engine, schedules, clock } = this.deps;
    const record = await lookup.environment(env.clinic, env.stage);
    const now = clock.now();
    // The engine refuses protected stages too; a sleep ends a running lease.
    const { operation } = await engine.start({
      kind: 'sleep',
      targets: powerTargetsOf(record, this.deps.settings),
      trigger: 'user',
      requestedBy: actor,
      reason: request.reason,
    });
    await leases.cut(env, now);
    await schedules.claimCurrentBoundary(record, now);
    return { operation, lease: null };
  }

  async getOperation(id: string): Promise<PowerOperation> {
    const op = await this.deps.store.getOperation(id);
    if (!op) throw new NotFoundError(`No power operation ${id}`);
    return publicOperation(op);
  }

  async listOperations(env: Env, limit = 50): Promise<PowerOperation[]> {
    await this.deps.lookup.environment(env.clinic, env.stage);
    return (await this.deps.store.listOperations(env, limit)).map(
      publicOperation,
    );
  }
}

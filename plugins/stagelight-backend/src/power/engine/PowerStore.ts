import { Knex } from 'knex';
import {
  PowerLease,
  PowerOperation,
  PowerOperationKind,
  PowerStep,
  PowerStepName,
  Schedule,
} from '@stagelight/backstage-plugin-stagelight-common';
import { ScalingBounds } from '../../aws/ScalingAdapter';
import { PowerTargets } from './PowerTargets';

const OPERATIONS = 'stagelight_power_operations';
const STEPS = 'stagelight_power_steps';
const COUNTS = 'stagelight_power_counts';
const SCALING = 'stagelight_power_scaling';
const LEASES = 'stagelight_power_leases';
const SCHEDULES = 'stagelight_power_schedules';
const BOUNDARIES = 'stagelight_power_boundaries';

export const STEPS_OF: Record<PowerOperationKind, PowerStepName[]> = {
  sleep: ['remember-counts', 'release-scaling', 'scale-to-zero', 'stop-db'],
  // Scaling comes back before the counts: a target still at 0..0 would undo them.
  wake: [
    'start-db',
    'wait-db-available',
    'restore-scaling',
    'restore-counts',
    'wait-ready',
  ],
};

export interface NewOperation {
  id: string;
  kind: PowerOperationKind;
  trigger: 'user' | 'schedule';
  requestedBy: string;
  reason: string;
  idempotencyKey?: string;
  targets: PowerTargets;
}

export interface StoredOperation extends PowerOperation {
  targets: PowerTargets;
}

type Env = { clinic: string; stage: string };

/** Only the key columns: callers may pass a larger object (a record, targets). */
const keyOf = (env: Env) => ({ clinic: env.clinic, stage: env.stage });

const iso = (value: unknown) =>
  value === null || value === undefined
    ? null
    : new Date(value as any).toISOString();

function toStep(row: any): PowerStep {
  return {
    name: row.name,
    status: row.status,
    result: row.result ? JSON.parse(row.result) : null,
    error: row.error ?? null,
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
  };
}

/** The plugin database side of wake and sleep. */
export class PowerStore {
  constructor(readonly knex: Knex) {}

  async insertOperation(
    tx: Knex.Transaction,
    op: NewOperation,
    now: Date,
  ): Promise<void> {
    await tx(OPERATIONS).insert({
      id: op.id,
      clinic: op.targets.clinic,
      stage: op.targets.stage,
      kind: op.kind,
      status: 'pending',
      trigger: op.trigger,
      requested_by: op.requestedBy,
      reason: op.reason,
      idempotency_key: op.idempotencyKey ?? null,
      targets: JSON.stringify(op.targets),
      created_at: now,
      updated_at: now,
    });
    await tx(STEPS).insert(
      STEPS_OF[op.kind].map((name, position) => ({
        operation_id: op.id,
        position,
        name,
        status: 'pending',
      })),
    );
  }

  async operationIdByKey(
    tx: Knex | Knex.Transaction,
    idempotencyKey: string,
  ): Promise<string | undefined> {
    const row = await tx(OPERATIONS)
      .where({ idempotency_key: idempotencyKey })
      .first('id');
    return row?.id;
  }

  async getOperation(
    id: string,
    tx: Knex | Knex.Transaction = this.knex,
  ): Promise<StoredOperation | undefined> {
    const row = await tx(OPERATIONS).where({ id }).first();
    if (!row) return undefined;
    const steps = await tx(STEPS)
      .where({ operation_id: id })
      .orderBy('position');
    return this.#toOperation(row, steps);
  }

  async listOperations(env: Env, limit: number): Promise<StoredOperation[]> {
    const rows = await this.knex(OPERATIONS)
      .where(keyOf(env))
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(limit);
    return this.#withSteps(rows);
  }

  /** The environment's succeeded wakes, newest first (what "usually ready in" rests on). */
  async succeededWakes(env: Env, limit: number): Promise<StoredOperation[]> {
    const rows = await this.knex(OPERATIONS)
      .where({ ...keyOf(env), kind: 'wake', status: 'succeeded' })
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(limit);
    return this.#withSteps(rows);
  }

  async #withSteps(rows: any[]): Promise<StoredOperation[]> {
    if (!rows.length) return [];
    const steps = await this.knex(STEPS)
      .whereIn(
        'operation_id',
        rows.map(r => r.id),
      )
      .orderBy('position');
    return rows.map(r =>
      this.#toOperation(
        r,
        steps.filter(s => s.operation_id === r.id),
      ),
    );
  }

  async unfinishedOperationIds(): Promise<string[]> {
    const rows = await this.knex(OPERATIONS)
      .whereIn('status', ['pending', 'running'])
      .orderBy('created_at')
      .select('id');
    return rows.map(r => r.id);
  }

  async markOperation(
    id: string,
    fields: {
      status: PowerOperation['status'];
      outcome?: PowerOperation['outcome'];
      error?: string | null;
      finished?: boolean;
    },
    now: Date,
  ): Promise<void> {
    await this.knex(OPERATIONS)
      .where({ id })
      .update({
        status: fields.status,
        ...(fields.outcome !== undefined ? { outcome: fields.outcome } : {}),
        ...(fields.error !== undefined ? { error: fields.error } : {}),
        updated_at: now,
        ...(fields.finished ? { finished_at: now } : {}),
      });
  }

  async markStep(
    id: string,
    position: number,
    fields: {
      status: PowerStep['status'];
      result?: Record<string, unknown> | null;
      error?: string | null;
      started?: boolean;
      finished?: boolean;
    },
    now: Date,
  ): Promise<void> {
    await this.knex(STEPS)
      .where({ operation_id: id, position })
      .update({
        status: fields.status,
        ...(fields.result !== undefined
          ? { result: fields.result ? JSON.stringify(fields.result) : null }
          : {}),
        ...(fields.error !== undefined ? { error: fields.error } : {}),
        ...(fields.started ? { started_at: now } : {}),
        ...(fields.finished ? { finished_at: now } : {}),
      });
  }

  async rememberCount(env: Env, serviceArn: string, count: number, now: Date) {
    const row = {
      ...keyOf(env),
      service_arn: serviceArn,
      desired_count: count,
      remembered_at: now,
    };
    await this.knex(COUNTS)
      .insert(row)
      .onConflict(['clinic', 'stage', 'service_arn'])
      .merge({ desired_count: count, remembered_at: now });
  }

  async rememberedCounts(env: Env): Promise<Map<string, number>> {
    const rows = await this.knex(COUNTS).where(keyOf(env));
    return new Map(rows.map(r => [r.service_arn, Number(r.desired_count)]));
  }

  async rememberBounds(
    env: Env,
    serviceArn: string,
    bounds: ScalingBounds,
    now: Date,
  ) {
    const fields = {
      min_capacity: bounds.min,
      max_capacity: bounds.max,
      suspended_state: JSON.stringify(bounds.suspended),
      remembered_at: now,
    };
    await this.knex(SCALING)
      .insert({ ...keyOf(env), service_arn: serviceArn, ...fields })
      .onConflict(['clinic', 'stage', 'service_arn'])
      .merge(fields);
  }

  async rememberedBounds(env: Env): Promise<Map<string, ScalingBounds>> {
    const rows = await this.knex(SCALING).where(keyOf(env));
    return new Map(
      rows.map(r => [
        r.service_arn,
        {
          min: Number(r.min_capacity),
          max: Number(r.max_capacity),
          suspended: JSON.parse(r.suspended_state),
        },
      ]),
    );
  }

  async getLease(env: Env): Promise<PowerLease | undefined> {
    const row = await this.knex(LEASES).where(keyOf(env)).first();
    return row ? this.#toLease(row) : undefined;
  }

  async allLeases(): Promise<PowerLease[]> {
    const rows = await this.knex(LEASES);
    return rows.map(r => this.#toLease(r));
  }

  async putLease(
    env: Env,
    lease: {
      startsAt: Date;
      endsAt: Date;
      requestedBy: string;
      reason: string;
    },
  ): Promise<void> {
    const fields = {
      starts_at: lease.startsAt,
      ends_at: lease.endsAt,
      requested_by: lease.requestedBy,
      reason: lease.reason,
    };
    await this.knex(LEASES)
      .insert({ ...keyOf(env), ...fields })
      .onConflict(['clinic', 'stage'])
      .merge(fields);
  }

  async getSchedule(env: Env): Promise<Schedule | undefined> {
    const row = await this.knex(SCHEDULES).where(keyOf(env)).first();
    return row ? (JSON.parse(row.schedule) as Schedule) : undefined;
  }

  async allSchedules(): Promise<Map<string, Schedule>> {
    const rows = await this.knex(SCHEDULES);
    return new Map(
      rows.map(r => [
        `${r.clinic}/${r.stage}`,
        JSON.parse(r.schedule) as Schedule,
      ]),
    );
  }

  async putSchedule(
    env: Env,
    schedule: Schedule,
    updatedBy: string,
    now: Date,
  ) {
    const fields = {
      schedule: JSON.stringify(schedule),
      updated_by: updatedBy,
      updated_at: now,
    };
    await this.knex(SCHEDULES)
      .insert({ ...keyOf(env), ...fields })
      .onConflict(['clinic', 'stage'])
      .merge(fields);
  }

  /** Removes the environment's override; true when there was one. */
  async deleteSchedule(env: Env): Promise<boolean> {
    return (await this.knex(SCHEDULES).where(keyOf(env)).delete()) > 0;
  }

  /**
   * Marks a schedule transition as handled; true for exactly one caller per
   * (environment, boundary), whichever replica asks first.
   */
  async claimBoundary(env: Env, boundary: Date, claimant: string, now: Date) {
    const key = { ...keyOf(env), boundary: boundary.toISOString() };
    await this.knex(BOUNDARIES)
      .insert({ ...key, claimed_by: claimant, claimed_at: now })
      .onConflict(['clinic', 'stage', 'boundary'])
      .ignore();
    const row = await this.knex(BOUNDARIES).where(key).first();
    return row?.claimed_by === claimant;
  }

  #toLease(row: any): PowerLease {
    return {
      clinic: row.clinic,
      stage: row.stage,
      startsAt: iso(row.starts_at)!,
      endsAt: iso(row.ends_at)!,
      requestedBy: row.requested_by,
      reason: row.reason,
    };
  }

  #toOperation(row: any, steps: any[]): StoredOperation {
    return {
      id: row.id,
      clinic: row.clinic,
      stage: row.stage,
      kind: row.kind,
      status: row.status,
      trigger: row.trigger,
      requestedBy: row.requested_by,
      reason: row.reason,
      outcome: row.outcome ?? null,
      error: row.error ?? null,
      createdAt: iso(row.created_at)!,
      finishedAt: iso(row.finished_at),
      steps: steps.map(toStep),
      targets: JSON.parse(row.targets),
    };
  }
}

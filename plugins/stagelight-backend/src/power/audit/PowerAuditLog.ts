import { Knex } from 'knex';
import { AuditRecord } from '@stagelight/backstage-plugin-stagelight-common';

const AUDIT = 'stagelight_audit';

export type NewAuditRecord = Omit<AuditRecord, 'id' | 'at'>;

/**
 * The history the API serves: one row per attempted mutation. Append-only —
 * this class has no update or delete, on purpose.
 */
export class PowerAuditLog {
  constructor(private readonly knex: Knex) {}

  async append(record: NewAuditRecord, at: Date): Promise<void> {
    await this.knex(AUDIT).insert({
      at,
      actor: record.actor,
      action: record.action,
      clinic: record.clinic,
      stage: record.stage,
      reason: record.reason,
      result: record.result,
      detail: record.detail,
      operation_id: record.operationId,
    });
  }

  /** Newest first; `clinic` and `stage` narrow to one environment. */
  async list(filter: {
    clinic?: string;
    stage?: string;
    limit: number;
    beforeId?: number;
  }): Promise<AuditRecord[]> {
    const q = this.knex(AUDIT).orderBy('id', 'desc').limit(filter.limit);
    if (filter.clinic) q.where({ clinic: filter.clinic });
    if (filter.stage) q.where({ stage: filter.stage });
    if (filter.beforeId) q.where('id', '<', filter.beforeId);
    const rows = await q;
    return rows.map(toRecord);
  }

  /**
   * Oldest first: the records of `actions` within [from, to], of one clinic
   * or of every clinic (the power timeline's markers).
   */
  async between(filter: {
    clinic?: string;
    actions: readonly string[];
    from: Date;
    to: Date;
  }): Promise<AuditRecord[]> {
    const q = this.knex(AUDIT)
      .whereIn('action', [...filter.actions])
      .andWhere('at', '>=', filter.from)
      .andWhere('at', '<=', filter.to)
      .orderBy('id', 'asc');
    if (filter.clinic) q.where({ clinic: filter.clinic });
    return (await q).map(toRecord);
  }
}

function toRecord(r: any): AuditRecord {
  return {
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    actor: r.actor,
    action: r.action,
    clinic: r.clinic ?? null,
    stage: r.stage ?? null,
    reason: r.reason ?? null,
    result: r.result,
    detail: r.detail ?? null,
    operationId: r.operation_id ?? null,
  };
}

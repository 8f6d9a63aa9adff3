import { Knex } from 'knex';
import { Day } from './calendar';
import { CostRow } from './CostExplorerAdapter';

const DAILY = 'stagelight_cost_daily';
const REFRESHES = 'stagelight_cost_refreshes';
const BUDGET = 'stagelight_cost_budget';
const FORECASTS = 'stagelight_cost_forecasts';
const STATE_ID = 'cost';
const INSERT_CHUNK = 500;

export type TagActivation = Record<string, 'Active' | 'Inactive' | 'Unknown'>;

/** The cost data's state, shared by every replica. */
export interface CostRefreshState {
  refreshedAtMs: number | null;
  attemptedAtMs: number | null;
  currency: string;
  pages: number | null;
  error: string | null;
  /** From ListCostAllocationTags when it was asked and answered. */
  tagStatus: TagActivation | null;
}

export interface StoredForecast {
  stage: string;
  fetchedAtMs: number;
  start: Day;
  end: Day;
  amount: number | null;
  error: string | null;
}

export interface GroupAmount {
  stage: string;
  clinic: string;
  amount: number;
}

export interface DailyRow {
  day: Day;
  stage: string;
  clinic: string;
  amount: number;
  estimated: boolean;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** Cost data in the plugin database: what page views read, and the request budget. */
export class CostStore {
  constructor(private readonly knex: Knex) {}

  /**
   * Takes one request from the day's budget. The conditional increment is a
   * single statement, so replicas racing for the last request cannot both win.
   */
  async spendRequest(day: Day, limit: number): Promise<boolean> {
    await this.knex(BUDGET).insert({ day, used: 0 }).onConflict('day').ignore();
    const updated = await this.knex(BUDGET)
      .where({ day })
      .andWhere('used', '<', limit)
      .increment('used', 1);
    return Number(updated) === 1;
  }

  async requestsOn(day: Day): Promise<number> {
    const row = await this.knex(BUDGET).where({ day }).first();
    return Number(row?.used ?? 0);
  }

  /** Claims the refresh for `holdMs` unless another replica holds it. */
  async claimRefresh(nowMs: number, holdMs: number): Promise<boolean> {
    await this.knex(REFRESHES)
      .insert({ id: STATE_ID })
      .onConflict('id')
      .ignore();
    const updated = await this.knex(REFRESHES)
      .where({ id: STATE_ID })
      .andWhere(q =>
        q
          .whereNull('claimed_until_ms')
          .orWhere('claimed_until_ms', '<=', nowMs),
      )
      .update({ claimed_until_ms: nowMs + holdMs, attempted_at_ms: nowMs });
    return Number(updated) === 1;
  }

  async state(): Promise<CostRefreshState | undefined> {
    const row = await this.knex(REFRESHES).where({ id: STATE_ID }).first();
    if (!row) return undefined;
    return {
      refreshedAtMs: num(row.refreshed_at_ms),
      attemptedAtMs: num(row.attempted_at_ms),
      currency: row.currency ?? 'USD',
      pages: num(row.pages),
      error: row.error ?? null,
      tagStatus: row.tag_status ? JSON.parse(row.tag_status) : null,
    };
  }

  /** Replaces all stored cost with a complete Cost Explorer answer and releases the claim. */
  async saveResults(
    rows: CostRow[],
    info: { nowMs: number; pages: number; tagStatus: TagActivation | null },
  ): Promise<void> {
    // Cost Explorer may split one (day, stage, clinic) over groups; store their sum.
    const merged = new Map<string, DailyRow>();
    for (const r of rows) {
      const key = `${r.day}|${r.stage}|${r.clinic}`;
      const prev = merged.get(key);
      if (prev) {
        prev.amount += r.amount;
        prev.estimated ||= r.estimated;
      } else {
        merged.set(key, {
          day: r.day,
          stage: r.stage,
          clinic: r.clinic,
          amount: r.amount,
          estimated: r.estimated,
        });
      }
    }
    const values = [...merged.values()];
    await this.knex.transaction(async tx => {
      await tx(DAILY).delete();
      for (let i = 0; i < values.length; i += INSERT_CHUNK) {
        await tx(DAILY).insert(values.slice(i, i + INSERT_CHUNK));
      }
      await tx(REFRESHES)
        .where({ id: STATE_ID })
        .update({
          refreshed_at_ms: info.nowMs,
          claimed_until_ms: null,
          currency: rows[0]?.currency ?? 'USD',
          pages: info.pages,
          error: null,
          tag_status: info.tagStatus ? JSON.stringify(info.tagStatus) : null,
        });
    });
  }

  /** Records why a refresh did not complete (stored data stays) and releases the claim. */
  async saveFailure(error: string): Promise<void> {
    await this.knex(REFRESHES)
      .where({ id: STATE_ID })
      .update({ error: error.slice(0, 2000), claimed_until_ms: null });
  }

  async saveForecast(f: StoredForecast): Promise<void> {
    const row = {
      fetched_at_ms: f.fetchedAtMs,
      start: f.start,
      end: f.end,
      amount: f.amount,
      error: f.error,
    };
    await this.knex(FORECASTS)
      .insert({ stage: f.stage, ...row })
      .onConflict('stage')
      .merge(row);
  }

  async forecast(stage: string): Promise<StoredForecast | undefined> {
    const row = await this.knex(FORECASTS).where({ stage }).first();
    if (!row) return undefined;
    return {
      stage: row.stage,
      fetchedAtMs: Number(row.fetched_at_ms),
      start: row.start,
      end: row.end,
      amount: num(row.amount),
      error: row.error ?? null,
    };
  }

  /** First and last day with any cost row. */
  async dayRange(): Promise<{ first: Day; last: Day } | undefined> {
    const row = await this.knex(DAILY)
      .min({ first: 'day' })
      .max({ last: 'day' })
      .first();
    return row?.first ? { first: row.first, last: row.last } : undefined;
  }

  /** Sums per (stage, clinic) over the inclusive day range. */
  async sums(from: Day, to: Day): Promise<GroupAmount[]> {
    if (from > to) return [];
    const rows: { stage: string; clinic: string; amount: unknown }[] =
      await this.knex(DAILY)
        .select('stage', 'clinic')
        .sum({ amount: 'amount' })
        .where('day', '>=', from)
        .andWhere('day', '<=', to)
        .groupBy('stage', 'clinic');
    return rows.map(r => ({
      stage: r.stage,
      clinic: r.clinic,
      amount: Number(r.amount),
    }));
  }

  /** Daily rows of one stage (all clinics) or one environment, oldest first. */
  async daily(filter: { stage: string; clinic?: string }): Promise<DailyRow[]> {
    const q = this.knex(DAILY).where({ stage: filter.stage });
    if (filter.clinic !== undefined) q.andWhere({ clinic: filter.clinic });
    const rows = await q.orderBy('day');
    return rows.map(r => ({
      day: r.day,
      stage: r.stage,
      clinic: r.clinic,
      amount: Number(r.amount),
      estimated: Boolean(r.estimated),
    }));
  }

  /** Clinics with cost rows in a stage. */
  async clinicsOf(stage: string): Promise<string[]> {
    const rows = await this.knex(DAILY)
      .distinct('clinic')
      .where({ stage })
      .andWhereNot({ clinic: '' })
      .orderBy('clinic');
    return rows.map(r => r.clinic);
  }
}

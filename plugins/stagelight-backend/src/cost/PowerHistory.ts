import { PowerState } from '@stagelight/backstage-plugin-stagelight-common';
import { Knex } from 'knex';
import { PowerSpan } from './runRate';

const SPANS = 'stagelight_cost_power_spans';
const CHUNK = 500;

/** An environment's power state as one status refresh saw it. */
export interface PowerSample {
  clinic: string;
  stage: string;
  power: PowerState;
}

const envKey = (clinic: string, stage: string) => `${clinic}\u0000${stage}`;

/**
 * Power history as spans of one state, so a refresh every minute writes only
 * when something changed. Savings and run rates are computed from it.
 */
export class PowerHistory {
  constructor(private readonly knex: Knex) {}

  /**
   * Records the fleet as one refresh saw it at `at`: a changed state closes the
   * environment's open span and opens a new one; an environment missing from the
   * samples has its span closed (it is no longer seen).
   */
  async record(samples: PowerSample[], at: Date): Promise<void> {
    const atMs = at.getTime();
    await this.knex.transaction(async tx => {
      const open: {
        id: number;
        clinic: string;
        stage: string;
        power: string;
        started_at_ms: unknown;
      }[] = await tx(SPANS)
        .whereNull('ended_at_ms')
        .select('id', 'clinic', 'stage', 'power', 'started_at_ms');
      const current = new Map(open.map(r => [envKey(r.clinic, r.stage), r]));
      const seen = new Set<string>();
      const close: number[] = [];
      const opened: object[] = [];
      for (const s of samples) {
        const key = envKey(s.clinic, s.stage);
        if (seen.has(key)) continue;
        seen.add(key);
        const span = current.get(key);
        if (span && span.power === s.power) continue;
        // A sample older than the open span (a late replica) must not rewrite history.
        if (span && Number(span.started_at_ms) > atMs) continue;
        if (span) close.push(span.id);
        opened.push({
          clinic: s.clinic,
          stage: s.stage,
          power: s.power,
          started_at_ms: atMs,
          ended_at_ms: null,
        });
      }
      for (const [key, span] of current) {
        if (!seen.has(key) && Number(span.started_at_ms) <= atMs)
          close.push(span.id);
      }
      for (let i = 0; i < close.length; i += CHUNK) {
        await tx(SPANS)
          .whereIn('id', close.slice(i, i + CHUNK))
          .update({ ended_at_ms: atMs });
      }
      for (let i = 0; i < opened.length; i += CHUNK) {
        await tx(SPANS).insert(opened.slice(i, i + CHUNK));
      }
    });
  }

  /** Spans of each clinic of a stage (or one clinic) overlapping [fromMs, toMs). */
  async spans(
    filter: { stage: string; clinic?: string },
    fromMs: number,
    toMs: number,
  ): Promise<Map<string, PowerSpan[]>> {
    const q = this.knex(SPANS)
      .where({ stage: filter.stage })
      .andWhere('started_at_ms', '<', toMs)
      .andWhere(w =>
        w.whereNull('ended_at_ms').orWhere('ended_at_ms', '>', fromMs),
      );
    if (filter.clinic !== undefined) q.andWhere({ clinic: filter.clinic });
    const rows = await q.orderBy('started_at_ms');
    const byClinic = new Map<string, PowerSpan[]>();
    for (const r of rows) {
      const list = byClinic.get(r.clinic) ?? [];
      list.push({
        power: r.power as PowerState,
        startMs: Number(r.started_at_ms),
        endMs: r.ended_at_ms === null ? null : Number(r.ended_at_ms),
      });
      byClinic.set(r.clinic, list);
    }
    return byClinic;
  }

  /** Whether any history exists for the environment. */
  async knows(clinic: string, stage: string): Promise<boolean> {
    return Boolean(await this.knex(SPANS).where({ clinic, stage }).first('id'));
  }

  /** Drops spans that ended before `beforeMs` (older than any window computed). */
  async prune(beforeMs: number): Promise<void> {
    await this.knex(SPANS).where('ended_at_ms', '<', beforeMs).delete();
  }
}

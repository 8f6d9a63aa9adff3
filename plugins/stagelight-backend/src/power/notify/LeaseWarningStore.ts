import { Knex } from 'knex';

const WARNINGS = 'stagelight_power_warnings';
const OPERATIONS = 'stagelight_power_operations';

type Env = { clinic: string; stage: string };

/** One warning: who is told that an environment sleeps at an instant. */
export interface WarningKey extends Env {
  sleepsAt: Date;
  /** A user entity ref. */
  recipient: string;
}

const rowKey = (w: WarningKey) => ({
  clinic: w.clinic,
  stage: w.stage,
  sleeps_at: w.sleepsAt.toISOString(),
  recipient: w.recipient,
});

/**
 * The plugin database side of lease warnings: which were sent (claimed before
 * sending, so one replica sends each), and who woke an environment.
 */
export class LeaseWarningStore {
  constructor(private readonly knex: Knex) {}

  /**
   * Marks a warning as being sent; true for exactly one caller per
   * (environment, sleep instant, recipient), whichever replica asks first.
   */
  async claim(
    warning: WarningKey & { kind: 'lease' | 'schedule' },
    claimant: string,
    now: Date,
  ): Promise<boolean> {
    const key = rowKey(warning);
    await this.knex(WARNINGS)
      .insert({
        ...key,
        kind: warning.kind,
        claimed_by: claimant,
        claimed_at: now,
      })
      .onConflict(['clinic', 'stage', 'sleeps_at', 'recipient'])
      .ignore();
    const row = await this.knex(WARNINGS).where(key).first('claimed_by');
    return row?.claimed_by === claimant;
  }

  /** Gives a claim back after the notification could not be sent, so a later pass retries. */
  async release(warning: WarningKey, claimant: string): Promise<void> {
    await this.knex(WARNINGS)
      .where({ ...rowKey(warning), claimed_by: claimant })
      .delete();
  }

  /** Forgets warnings of sleeps before `before` (they can never be due again). */
  async prune(before: Date): Promise<number> {
    return this.knex(WARNINGS)
      .where('sleeps_at', '<', before.toISOString())
      .delete();
  }

  /** The users whose wake of the environment, started at or after `since`, did not fail. */
  async wokeBy(env: Env, since: Date): Promise<string[]> {
    const rows = await this.knex(OPERATIONS)
      .where({
        clinic: env.clinic,
        stage: env.stage,
        kind: 'wake',
        trigger: 'user',
      })
      .whereNot('status', 'failed')
      .where('created_at', '>=', since)
      .where('requested_by', 'like', 'user:%')
      .distinct('requested_by')
      .orderBy('requested_by');
    return rows.map(r => r.requested_by as string);
  }
}

// @ts-check

/**
 * Wake and sleep: operations with their steps, the per-environment lock shared
 * by all replicas, remembered ECS desired counts, leases, schedule overrides,
 * the schedule boundaries already acted on, and the append-only audit history.
 * No foreign keys: the environments are rows of the status snapshot, which
 * is replaced whole; operations and audit records outlive them.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('stagelight_power_operations', table => {
    table.comment('One wake or sleep of one environment');
    table.string('id', 36).primary();
    table.string('clinic', 64).notNullable();
    table.string('stage', 64).notNullable();
    table.string('kind', 16).notNullable().comment('wake | sleep');
    table
      .string('status', 16)
      .notNullable()
      .comment('pending | running | succeeded | failed');
    table.string('trigger', 16).notNullable().comment('user | schedule');
    table.string('requested_by', 255).notNullable();
    table.text('reason').notNullable();
    table
      .string('idempotency_key', 255)
      .nullable()
      .unique()
      .comment(
        'Set by the scheduler: one operation per (environment, transition)',
      );
    table
      .text('targets')
      .notNullable()
      .comment('PowerTargets as JSON, fixed when the operation was created');
    table.string('outcome', 16).nullable();
    table.text('error').nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table.index(['clinic', 'stage', 'created_at']);
    table.index(['status']);
  });
  await knex.schema.createTable('stagelight_power_steps', table => {
    table.comment('The steps of an operation with what each did');
    table.string('operation_id', 36).notNullable();
    table.integer('position').notNullable();
    table.string('name', 32).notNullable();
    table
      .string('status', 16)
      .notNullable()
      .comment('pending | running | done | skipped | failed');
    table.text('result').nullable();
    table.text('error').nullable();
    table.timestamp('started_at', { useTz: true }).nullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table.primary(['operation_id', 'position']);
  });
  await knex.schema.createTable('stagelight_power_locks', table => {
    table.comment('At most one operation per environment across replicas');
    table.string('clinic', 64).notNullable();
    table.string('stage', 64).notNullable();
    table
      .string('owner', 64)
      .notNullable()
      .comment('The engine instance holding it');
    table.string('operation_id', 36).notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.primary(['clinic', 'stage']);
  });
  await knex.schema.createTable('stagelight_power_counts', table => {
    table.comment('ECS desired counts remembered before a sleep');
    table.string('clinic', 64).notNullable();
    table.string('stage', 64).notNullable();
    table.string('service_arn', 512).notNullable();
    table.integer('desired_count').notNullable();
    table.timestamp('remembered_at', { useTz: true }).notNullable();
    table.primary(['clinic', 'stage', 'service_arn']);
  });
  await knex.schema.createTable('stagelight_power_leases', table => {
    table.comment(
      'The latest lease of each environment (kept after it ends: its end is a transition)',
    );
    table.string('clinic', 64).notNullable();
    table.string('stage', 64).notNullable();
    table.timestamp('starts_at', { useTz: true }).notNullable();
    table.timestamp('ends_at', { useTz: true }).notNullable();
    table.string('requested_by', 255).notNullable();
    table.text('reason').notNullable();
    table.primary(['clinic', 'stage']);
  });
  await knex.schema.createTable('stagelight_power_schedules', table => {
    table.comment('Per-environment schedule overrides');
    table.string('clinic', 64).notNullable();
    table.string('stage', 64).notNullable();
    table.text('schedule').notNullable().comment('Schedule as JSON');
    table.string('updated_by', 255).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.primary(['clinic', 'stage']);
  });
  await knex.schema.createTable('stagelight_power_boundaries', table => {
    table.comment(
      'Schedule transitions already acted on, so each is applied once',
    );
    table.string('clinic', 64).notNullable();
    table.string('stage', 64).notNullable();
    table
      .string('boundary', 40)
      .notNullable()
      .comment('ISO instant the desired state began');
    table.string('claimed_by', 64).notNullable();
    table.timestamp('claimed_at', { useTz: true }).notNullable();
    table.primary(['clinic', 'stage', 'boundary']);
  });
  await knex.schema.createTable('stagelight_audit', table => {
    table.comment(
      'Every attempted mutation, allowed or denied; never updated or deleted',
    );
    table.increments('id');
    table.timestamp('at', { useTz: true }).notNullable();
    table.string('actor', 255).notNullable();
    table.string('action', 64).notNullable();
    table.string('clinic', 64).nullable();
    table.string('stage', 64).nullable();
    table.text('reason').nullable();
    table
      .string('result', 16)
      .notNullable()
      .comment('succeeded | denied | rejected | failed');
    table.text('detail').nullable();
    table.string('operation_id', 36).nullable();
    table.index(['clinic', 'stage', 'at']);
    table.index(['at']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const name of [
    'stagelight_audit',
    'stagelight_power_boundaries',
    'stagelight_power_schedules',
    'stagelight_power_leases',
    'stagelight_power_counts',
    'stagelight_power_locks',
    'stagelight_power_steps',
    'stagelight_power_operations',
  ]) {
    await knex.schema.dropTable(name);
  }
};

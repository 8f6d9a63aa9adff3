// @ts-check

/**
 * The status snapshot: one row per environment plus one row describing the
 * latest refresh, so another replica or a restart serves data without AWS calls.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('stagelight_environments', table => {
    table.comment('Last known status of each environment (clinic x stage)');
    table.string('clinic', 64).notNullable();
    table.string('stage', 64).notNullable();
    table
      .integer('position')
      .notNullable()
      .comment('Order: clinic, then stage in promotion order');
    table.text('record').notNullable().comment('EnvironmentRecord as JSON');
    table.timestamp('refreshed_at', { useTz: true }).notNullable();
    table.primary(['clinic', 'stage']);
  });
  await knex.schema.createTable('stagelight_refreshes', table => {
    table.comment('The snapshot generation; replicas reload when it changes');
    table.string('id', 32).primary();
    table.bigInteger('generation').notNullable();
    table.timestamp('refreshed_at', { useTz: true }).notNullable();
    table.integer('duration_ms').notNullable();
    table.integer('environment_count').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('stagelight_refreshes');
  await knex.schema.dropTable('stagelight_environments');
};

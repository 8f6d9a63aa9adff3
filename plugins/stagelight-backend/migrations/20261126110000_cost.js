// @ts-check

/**
 * Cost: Cost Explorer's daily results per (stage, clinic), the refresh state
 * shared by replicas, the per-day request budget, stored forecasts and the power
 * history that savings are computed from. Times that SQL compares are epoch
 * milliseconds, so PostgreSQL and SQLite compare them the same way.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('stagelight_cost_daily', table => {
    table.comment('Daily UnblendedCost of the app by stage and clinic tag');
    table.string('day', 10).notNullable().comment('UTC day, YYYY-MM-DD');
    table.string('stage', 64).notNullable().comment('Empty: no stage tag');
    table.string('clinic', 64).notNullable().comment('Empty: no clinic tag');
    table.double('amount').notNullable();
    table.boolean('estimated').notNullable();
    table.primary(['day', 'stage', 'clinic']);
    table.index(['stage', 'clinic', 'day']);
  });
  await knex.schema.createTable('stagelight_cost_refreshes', table => {
    table.comment('One row: the state of the cost data, shared by replicas');
    table.string('id', 32).primary();
    table.bigInteger('refreshed_at_ms').nullable();
    table.bigInteger('attempted_at_ms').nullable();
    table
      .bigInteger('claimed_until_ms')
      .nullable()
      .comment('A replica refreshing holds this claim');
    table.string('currency', 8).nullable();
    table.integer('pages').nullable();
    table.text('error').nullable().comment('Why the last attempt failed');
    table.text('tag_status').nullable().comment('ListCostAllocationTags, JSON');
  });
  await knex.schema.createTable('stagelight_cost_budget', table => {
    table.comment('Cost Explorer requests made per UTC day (each page counts)');
    table.string('day', 10).primary();
    table.integer('used').notNullable();
  });
  await knex.schema.createTable('stagelight_cost_forecasts', table => {
    table.comment('GetCostForecast results per stage for the current month');
    table.string('stage', 64).primary();
    table.bigInteger('fetched_at_ms').notNullable();
    table.string('start', 10).notNullable();
    table.string('end', 10).notNullable();
    table.double('amount').nullable();
    table.text('error').nullable();
  });
  await knex.schema.createTable('stagelight_cost_power_spans', table => {
    table.comment('Power history: one row per stretch of one power state');
    table.increments('id');
    table.string('clinic', 64).notNullable();
    table.string('stage', 64).notNullable();
    table.string('power', 16).notNullable();
    table.bigInteger('started_at_ms').notNullable();
    table.bigInteger('ended_at_ms').nullable().comment('Null: still current');
    table.index(['clinic', 'stage', 'started_at_ms']);
    table.index(['ended_at_ms']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('stagelight_cost_power_spans');
  await knex.schema.dropTable('stagelight_cost_forecasts');
  await knex.schema.dropTable('stagelight_cost_budget');
  await knex.schema.dropTable('stagelight_cost_refreshes');
  await knex.schema.dropTable('stagelight_cost_daily');
};

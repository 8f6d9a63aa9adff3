// @ts-check

/**
 * Lease warnings: which warnings of a coming sleep were sent, one row per
 * (environment, instant it sleeps, recipient), so each is sent once across
 * restarts and replicas. A lease extended or a schedule changed moves the
 * instant, which makes a new warning. Rows of past sleeps are pruned.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('stagelight_power_warnings', table => {
    table.comment('Warnings of a coming sleep already sent (or being sent)');
    table.string('clinic', 64).notNullable();
    table.string('stage', 64).notNullable();
    table
      .string('sleeps_at', 40)
      .notNullable()
      .comment('ISO instant the environment is due to sleep');
    table.string('recipient', 255).notNullable().comment('User entity ref');
    table.string('kind', 16).notNullable().comment('lease | schedule');
    table
      .string('claimed_by', 64)
      .notNullable()
      .comment('The warning pass that sends it');
    table.timestamp('claimed_at', { useTz: true }).notNullable();
    table.primary(['clinic', 'stage', 'sleeps_at', 'recipient']);
    table.index(['sleeps_at']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('stagelight_power_warnings');
};

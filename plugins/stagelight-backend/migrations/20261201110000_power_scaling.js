// @ts-check

/**
 * Application Auto Scaling bounds remembered before a sleep lowers them to
 * 0..0, so that a wake puts back exactly what the team had configured.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('stagelight_power_scaling', table => {
    table.comment(
      'Scalable-target bounds of ECS services remembered before a sleep',
    );
    table.string('clinic', 64).notNullable();
    table.string('stage', 64).notNullable();
    table.string('service_arn', 512).notNullable();
    table.integer('min_capacity').notNullable();
    table.integer('max_capacity').notNullable();
    table
      .text('suspended_state')
      .notNullable()
      .comment('JSON of the SuspendedState the target had');
    table.timestamp('remembered_at', { useTz: true }).notNullable();
    table.primary(['clinic', 'stage', 'service_arn']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('stagelight_power_scaling');
};

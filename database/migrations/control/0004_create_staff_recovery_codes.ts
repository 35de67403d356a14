import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Recovery codes of staff second factors: ten per enrolment, each usable
 * once in place of a TOTP code, stored as a SHA-256 only. A new set (or an
 * admin's reset of the second factor) replaces the old one.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('staff_recovery_codes', (table) => {
      table.bigIncrements('id')
      table.bigInteger('staff_id').unsigned().notNullable().references('id').inTable('staff').onDelete('CASCADE')
      table.string('code_hash', 64).notNullable().unique()
      table.datetime('used_at').nullable()
      table.datetime('created_at').notNullable()
      table.index(['staff_id'])
    })
  }

  async down() {
    this.schema.dropTable('staff_recovery_codes')
  }
}

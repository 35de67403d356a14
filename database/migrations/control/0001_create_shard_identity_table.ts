import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Marks the database as the control database (role "control"), so that a
 * shard URL pointing at it, or the reverse, is refused.
 */
export default class extends BaseSchema {
  protected tableName = 'shard_identity'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.tinyint('id').unsigned().primary()
      table.string('role', 40).notNullable()
      table.datetime('created_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

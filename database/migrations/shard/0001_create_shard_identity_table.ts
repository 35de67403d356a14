import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Names the region a shard database belongs to, so that a URL pointing one
 * region at another's database is caught (health, shards:migrate) before
 * any market's data lands in the wrong country.
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

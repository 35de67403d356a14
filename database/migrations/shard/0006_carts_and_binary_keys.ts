import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * `carts`: one row per buyer and market, locked by every write to the
 * buyer's cart, so parallel writes to one cart take turns (no deadlock on
 * `cart_lines`, and the line and quantity limits hold).
 *
 * Idempotency keys are case-sensitive byte strings: `KEY-a` and `key-A`
 * are two keys (the column's default collation compared them as one).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('carts', (table) => {
      table.bigIncrements('id')
      table.string('market_code', 2).notNullable()
      table.bigInteger('buyer_id').unsigned().notNullable().references('id').inTable('users').onDelete('CASCADE')
      table.datetime('created_at').notNullable()
      table.unique(['market_code', 'buyer_id'])
    })
    this.schema.raw('ALTER TABLE idempotency_keys MODIFY idempotency_key VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL')
  }

  async down() {
    this.schema.raw('ALTER TABLE idempotency_keys MODIFY idempotency_key VARCHAR(255) NOT NULL')
    this.schema.dropTable('carts')
  }
}

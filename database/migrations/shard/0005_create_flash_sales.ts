import { BaseSchema } from '@adonisjs/lucid/schema'

/** Time-boxed price and stock for a SKU; order lines remember the sale they used. */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('flash_sales', (table) => {
      table.bigIncrements('id')
      table.string('public_id', 32).notNullable().unique()
      table.string('market_code', 2).notNullable()
      table.bigInteger('sku_id').unsigned().notNullable().references('id').inTable('skus')
      table.datetime('starts_at').notNullable()
      table.datetime('ends_at').notNullable()
      table.bigInteger('price_amount').notNullable()
      table.integer('stock').unsigned().notNullable()
      table.integer('per_buyer_limit').unsigned().notNullable()
      table.string('created_by', 32).notNullable()
      table.datetime('created_at').notNullable()
      table.index(['sku_id', 'starts_at'])
    })
    this.schema.alterTable('order_lines', (table) => {
      table.bigInteger('flash_sale_id').unsigned().nullable()
      table.index(['flash_sale_id'])
    })
  }

  async down() {
    this.schema.alterTable('order_lines', (table) => {
      table.dropIndex(['flash_sale_id'])
      table.dropColumn('flash_sale_id')
    })
    this.schema.dropTable('flash_sales')
  }
}

import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The tax journal (DESIGN.md §10): one row per order line at its tax point
 * (the capture of a prepaid order, the delivery of a cash-on-delivery one),
 * and one per line a refund gives back, written in the transaction of the
 * event, dated by the market's local day. Every amount is copied from the
 * order's or the refund's snapshot, so a later rate or config change never
 * moves a past report. Closed periods keep their totals and their hash;
 * export jobs render large periods on the worker.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('orders', (table) => {
      table.datetime('tax_point_at').nullable()
      table.date('tax_day').nullable()
    })

    this.schema.createTable('tax_entries', (table) => {
      table.bigIncrements('id')
      table.string('market_code', 2).notNullable()
      table.enum('kind', ['sale', 'refund']).notNullable()
      table.date('tax_day').notNullable()
      table.datetime('occurred_at').notNullable()
      table.bigInteger('order_id').unsigned().notNullable()
      table.string('order_number', 32).notNullable()
      table.bigInteger('shop_id').unsigned().notNullable()
      table.bigInteger('order_line_id').unsigned().notNullable()
      // The refund's key ('' for a sale): a line is sold once and refunded once per refund.
      table.string('refund_key', 80).notNullable().defaultTo('')
      table.string('tax_category', 40).notNullable()
      table.decimal('tax_rate', 7, 4).notNullable()
      table.integer('taxable_base_numerator').unsigned().nullable()
      table.integer('taxable_base_denominator').unsigned().nullable()
      table.integer('quantity').unsigned().notNullable()
      table.bigInteger('net').notNullable()
      table.bigInteger('tax').notNullable()
      table.bigInteger('gross').notNullable()
      table.bigInteger('discount_shop').notNullable().defaultTo(0)
      table.bigInteger('discount_platform').notNullable().defaultTo(0)
      // A refund's sale day: a refund of a closed period is an adjustment labelled with it.
      table.date('sale_day').notNullable()
      table.unique(['order_line_id', 'kind', 'refund_key'])
      table.index(['market_code', 'tax_day'])
      table.index(['market_code', 'shop_id', 'tax_day'])
    })

    this.schema.createTable('tax_periods', (table) => {
      table.bigIncrements('id')
      table.string('market_code', 2).notNullable()
      table.string('month', 7).notNullable()
      table.json('report').notNullable()
      table.string('report_hash', 64).notNullable()
      table.string('closed_by', 40).notNullable()
      table.datetime('closed_at').notNullable()
      table.unique(['market_code', 'month'])
    })

    this.schema.createTable('finance_exports', (table) => {
      table.bigIncrements('id')
      table.string('public_id', 32).notNullable().unique()
      table.string('market_code', 2).notNullable()
      table.string('kind', 20).notNullable()
      table.string('format', 8).notNullable()
      table.date('from_day').notNullable()
      table.date('to_day').notNullable()
      table.enum('status', ['queued', 'running', 'ready', 'failed']).notNullable()
      table.bigInteger('rows_estimated').unsigned().notNullable().defaultTo(0)
      table.bigInteger('rows_done').unsigned().notNullable().defaultTo(0)
      table.string('file', 255).nullable()
      table.bigInteger('bytes').unsigned().nullable()
      table.string('error', 500).nullable()
      table.string('requested_by', 40).notNullable()
      table.datetime('created_at').notNullable()
      table.datetime('finished_at').nullable()
      table.datetime('expires_at').nullable()
    })
  }

  async down() {
    this.schema.dropTable('finance_exports')
    this.schema.dropTable('tax_periods')
    this.schema.dropTable('tax_entries')
    this.schema.alterTable('orders', (table) => {
      table.dropColumn('tax_point_at')
      table.dropColumn('tax_day')
    })
  }
}

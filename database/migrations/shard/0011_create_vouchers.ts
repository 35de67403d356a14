import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Vouchers of a market: platform vouchers (ops, funded by the platform)
 * and shop vouchers (a seller, funded by the seller). Counters of uses and
 * amount are moved by conditional UPDATEs in the order's transaction, so a
 * budget is never exceeded. voucher_redemptions: one row per voucher and
 * order (a checkout's use spans its orders), returned once when the order
 * is cancelled or refunded.
 *
 * Orders and lines keep what each funder gave: goods and shipping
 * discounts of the shop and of the platform (integer minor units), the
 * codes in `vouchers`.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('vouchers', (table) => {
      table.bigIncrements('id')
      table.string('public_id', 32).notNullable().unique()
      table.string('market_code', 2).notNullable()
      table.string('code', 24).notNullable()
      table.string('scope', 10).notNullable()
      table.bigInteger('shop_id').unsigned().nullable()
      table.string('kind', 16).notNullable()
      // percent: up to two decimals; fixed: the amount; free_shipping: up to `amount`.
      table.decimal('percent', 5, 2).nullable()
      table.bigInteger('amount').nullable()
      table.bigInteger('max_discount').nullable()
      table.bigInteger('min_spend').notNullable().defaultTo(0)
      table.datetime('starts_at').notNullable()
      table.datetime('ends_at').notNullable()
      table.integer('max_uses').unsigned().nullable()
      table.bigInteger('budget_amount').nullable()
      table.integer('uses_count').unsigned().notNullable().defaultTo(0)
      table.bigInteger('amount_used').notNullable().defaultTo(0)
      table.integer('per_buyer_limit').unsigned().nullable()
      table.json('eligible_shops').nullable()
      table.json('eligible_categories').nullable()
      table.string('status', 12).notNullable()
      table.string('created_by', 40).notNullable()
      table.datetime('created_at').notNullable()
      table.datetime('updated_at').notNullable()
      table.unique(['market_code', 'code'])
      table.index(['market_code', 'shop_id'])
    })

    this.schema.createTable('voucher_redemptions', (table) => {
      table.bigIncrements('id')
      table.bigInteger('voucher_id').unsigned().notNullable().references('id').inTable('vouchers')
      table.bigInteger('buyer_id').unsigned().notNullable()
      table.string('checkout_id', 32).notNullable()
      table.string('order_number', 32).notNullable()
      table.bigInteger('amount').notNullable()
      table.string('status', 10).notNullable()
      table.datetime('created_at').notNullable()
      table.datetime('returned_at').nullable()
      table.unique(['voucher_id', 'order_number'])
      table.index(['voucher_id', 'buyer_id', 'status'])
      table.index(['order_number'])
    })

    this.schema.alterTable('orders', (table) => {
      table.bigInteger('goods_discount_shop').notNullable().defaultTo(0)
      table.bigInteger('goods_discount_platform').notNullable().defaultTo(0)
      table.bigInteger('shipping_discount_shop').notNullable().defaultTo(0)
      table.bigInteger('shipping_discount_platform').notNullable().defaultTo(0)
      table.json('vouchers').nullable()
    })
    this.schema.alterTable('order_lines', (table) => {
      table.bigInteger('discount_shop').notNullable().defaultTo(0)
      table.bigInteger('discount_platform').notNullable().defaultTo(0)
    })
  }

  async down() {
    this.schema.alterTable('order_lines', (table) => {
      table.dropColumn('discount_shop')
      table.dropColumn('discount_platform')
    })
    this.schema.alterTable('orders', (table) => {
      for (const column of ['goods_discount_shop', 'goods_discount_platform', 'shipping_discount_shop', 'shipping_discount_platform', 'vouchers']) table.dropColumn(column)
    })
    this.schema.dropTable('voucher_redemptions')
    this.schema.dropTable('vouchers')
  }
}

import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Returns and refunds of delivered (or completed) orders.
 *
 * returns: one case per request, its state (requested → accepted |
 * disputed → awaiting_return → refunded, or rejected), the amounts asked,
 * approved and refunded (integer minor units), and who decided what.
 * return_lines: the order lines and quantities the case covers, and, once
 * refunded, what each line got back split into net and tax (allocated
 * exactly, so the tax refunded per rate adds up for finance).
 *
 * refunds: money sent back to a buyer, once per key: through the gateway
 * of the order's payment, or to the buyer's platform wallet (cash on
 * delivery), with the provider's answer.
 *
 * shipments gain a purpose: the delivery of an order (one), or the return
 * of goods to the seller (one per return case).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('returns', (table) => {
      table.bigIncrements('id')
      table.string('public_id', 32).notNullable().unique()
      table.string('market_code', 2).notNullable()
      table.bigInteger('order_id').unsigned().notNullable().references('id').inTable('orders')
      table.string('order_number', 32).notNullable()
      table.bigInteger('buyer_id').unsigned().notNullable()
      table.bigInteger('shop_id').unsigned().notNullable()
      table.string('status', 20).notNullable()
      table.string('reason', 40).notNullable()
      table.text('description').notNullable()
      table.json('photos').notNullable()
      table.boolean('goods_back').notNullable()
      // Released to the seller before the case opened: a refund claws back from the seller's payable.
      table.boolean('after_release').notNullable()
      table.bigInteger('requested_amount').notNullable()
      table.bigInteger('approved_amount').nullable()
      table.bigInteger('refunded_amount').notNullable().defaultTo(0)
      table.string('currency', 3).notNullable()
      table.string('decision', 20).nullable()
      table.string('decision_reason', 500).nullable()
      table.string('decided_by', 40).nullable()
      table.string('seller_note', 500).nullable()
      table.datetime('respond_by_at').notNullable()
      table.datetime('created_at').notNullable()
      table.datetime('updated_at').notNullable()
      table.datetime('closed_at').nullable()
      table.index(['market_code', 'status', 'respond_by_at'])
      table.index(['order_id'])
      table.index(['buyer_id', 'id'])
      table.index(['shop_id', 'id'])
    })

    this.schema.createTable('return_lines', (table) => {
      table.bigIncrements('id')
      table.bigInteger('return_id').unsigned().notNullable().references('id').inTable('returns').onDelete('CASCADE')
      table.bigInteger('order_line_id').unsigned().notNullable()
      table.integer('quantity').unsigned().notNullable()
      // What the returned quantity cost the buyer (gross, incl. tax).
      table.bigInteger('amount').notNullable()
      table.bigInteger('refund_gross').notNullable().defaultTo(0)
      table.bigInteger('refund_net').notNullable().defaultTo(0)
      table.bigInteger('refund_tax').notNullable().defaultTo(0)
      table.decimal('tax_rate', 7, 4).notNullable()
      table.unique(['return_id', 'order_line_id'])
    })

    this.schema.createTable('refunds', (table) => {
      table.bigIncrements('id')
      table.string('public_id', 32).notNullable().unique()
      table.string('market_code', 2).notNullable()
      table.string('refund_key', 80).notNullable().unique()
      table.string('order_number', 32).notNullable()
      table.bigInteger('payment_id').unsigned().nullable()
      table.string('return_public_id', 32).nullable()
      // gateway (through the payment's provider) or wallet (the buyer's platform wallet).
      table.string('destination', 10).notNullable()
      table.bigInteger('amount').notNullable()
      table.string('currency', 3).notNullable()
      // pending (decided, not yet sent), sent (the provider took it), failed (to retry), settled (in the wallet).
      table.string('status', 12).notNullable()
      table.string('provider_reference', 120).nullable()
      table.integer('attempts').unsigned().notNullable().defaultTo(0)
      table.string('last_error', 500).nullable()
      table.datetime('created_at').notNullable()
      table.datetime('updated_at').notNullable()
      table.index(['market_code', 'status'])
      table.index(['order_number'])
    })

    this.schema.alterTable('shipments', (table) => {
      table.string('purpose', 10).notNullable().defaultTo('delivery').after('order_number')
      // '' for the delivery: one delivery per order, one return parcel per return case.
      table.string('return_public_id', 32).notNullable().defaultTo('').after('purpose')
      table.unique(['order_id', 'purpose', 'return_public_id'])
    })
    // The composite unique index (order_id first) now serves the foreign key and lookups by order.
    this.schema.alterTable('shipments', (table) => table.dropUnique(['order_id']))
  }

  async down() {
    this.schema.alterTable('shipments', (table) => {
      table.unique(['order_id'])
    })
    this.schema.alterTable('shipments', (table) => {
      table.dropUnique(['order_id', 'purpose', 'return_public_id'])
      table.dropColumn('return_public_id')
      table.dropColumn('purpose')
    })
    this.schema.dropTable('refunds')
    this.schema.dropTable('return_lines')
    this.schema.dropTable('returns')
  }
}

import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Carts, orders (one per seller under one checkout), their lines with a
 * snapshot of price and tax, the history of every status change, the
 * idempotency keys of order placement, and the transactional outbox.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('cart_lines', (table) => {
      table.bigIncrements('id')
      table.string('market_code', 2).notNullable()
      table.bigInteger('buyer_id').unsigned().notNullable().references('id').inTable('users').onDelete('CASCADE')
      table.bigInteger('sku_id').unsigned().notNullable().references('id').inTable('skus').onDelete('CASCADE')
      table.integer('quantity').unsigned().notNullable()
      table.datetime('created_at').notNullable()
      table.datetime('updated_at').notNullable()
      table.unique(['buyer_id', 'sku_id'])
    })

    this.schema.createTable('orders', (table) => {
      table.bigIncrements('id')
      table.string('number', 32).notNullable().unique()
      table.string('checkout_id', 32).notNullable()
      table.string('market_code', 2).notNullable()
      table.bigInteger('buyer_id').unsigned().notNullable().references('id').inTable('users')
      table.bigInteger('shop_id').unsigned().notNullable().references('id').inTable('shops')
      table
        .enum('status', ['pending_payment', 'paid', 'ready_to_ship', 'shipped', 'delivered', 'completed', 'cancelled', 'return_requested', 'refunded'])
        .notNullable()
      table.string('currency', 3).notNullable()
      table.bigInteger('goods_gross').notNullable()
      table.bigInteger('goods_net').notNullable()
      table.bigInteger('goods_tax').notNullable()
      table.bigInteger('shipping_fee').notNullable()
      table.bigInteger('cod_surcharge').notNullable()
      table.bigInteger('total').notNullable()
      table.string('courier_id', 40).notNullable()
      table.string('payment_gateway', 40).notNullable()
      // Which market configuration priced the order (hash of the market file).
      table.string('config_revision', 64).notNullable()
      table.datetime('payment_due_at').notNullable()
      table.datetime('placed_at').notNullable()
      table.datetime('updated_at').notNullable()
      table.index(['market_code', 'status', 'payment_due_at'], 'orders_expiry')
      table.index(['buyer_id', 'placed_at'])
      table.index(['shop_id', 'placed_at'])
      table.index(['checkout_id'])
    })

    this.schema.createTable('order_lines', (table) => {
      table.bigIncrements('id')
      table.bigInteger('order_id').unsigned().notNullable().references('id').inTable('orders').onDelete('CASCADE')
      table.bigInteger('sku_id').unsigned().notNullable()
      table.string('sku_public_id', 32).notNullable()
      table.string('product_public_id', 32).notNullable()
      table.string('title', 200).notNullable()
      table.json('options').notNullable()
      table.integer('quantity').unsigned().notNullable()
      table.bigInteger('unit_price').notNullable()
      table.string('tax_category', 40).notNullable()
      table.decimal('tax_rate', 7, 4).notNullable()
      table.string('tax_effective_from', 10).notNullable()
      table.integer('taxable_base_numerator').unsigned().nullable()
      table.integer('taxable_base_denominator').unsigned().nullable()
      table.bigInteger('gross').notNullable()
      table.bigInteger('net').notNullable()
      table.bigInteger('tax').notNullable()
      table.integer('weight_grams').unsigned().notNullable()
    })

    this.schema.createTable('order_history', (table) => {
      table.bigIncrements('id')
      table.bigInteger('order_id').unsigned().notNullable().references('id').inTable('orders').onDelete('CASCADE')
      table.string('from_status', 20).nullable()
      table.string('to_status', 20).notNullable()
      table.string('actor_type', 20).notNullable()
      table.string('actor_id', 32).nullable()
      table.string('reason', 500).nullable()
      table.datetime('occurred_at', { precision: 3 }).notNullable()
      table.index(['order_id', 'id'])
    })

    this.schema.createTable('idempotency_keys', (table) => {
      table.bigIncrements('id')
      table.string('market_code', 2).notNullable()
      table.bigInteger('buyer_id').unsigned().notNullable()
      table.string('idempotency_key', 255).notNullable()
      table.string('request_hash', 64).notNullable()
      table.integer('response_status').unsigned().notNullable()
      table.text('response_body', 'mediumtext').notNullable()
      table.datetime('created_at').notNullable()
      table.unique(['market_code', 'buyer_id', 'idempotency_key'])
    })

    this.schema.createTable('outbox', (table) => {
      table.bigIncrements('id')
      table.string('message_id', 36).notNullable().unique()
      table.string('market_code', 2).notNullable()
      table.string('routing_key', 120).notNullable()
      table.json('payload').notNullable()
      table.string('correlation_id', 100).nullable()
      table.datetime('occurred_at', { precision: 3 }).notNullable()
      table.datetime('published_at', { precision: 3 }).nullable()
      table.integer('attempts').unsigned().notNullable().defaultTo(0)
      table.string('last_error', 500).nullable()
      table.index(['published_at', 'id'])
    })

    this.schema.createTable('processed_messages', (table) => {
      table.string('consumer', 60).notNullable()
      table.string('message_id', 36).notNullable()
      table.datetime('processed_at', { precision: 3 }).notNullable()
      table.primary(['consumer', 'message_id'])
    })
  }

  async down() {
    for (const name of ['processed_messages', 'outbox', 'idempotency_keys', 'order_history', 'order_lines', 'orders', 'cart_lines']) {
      this.schema.dropTable(name)
    }
  }
}

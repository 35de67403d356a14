import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The messages Pasar sent (or is sending) to a market's buyers and sellers
 * about their orders, payments, parcels, payouts and returns: one row per
 * recipient and kind of message of one event, rendered once, in the
 * recipient's language, as the recipient reads it in the inbox and in the
 * e-mail.
 *
 * `notifications_once` (event, recipient, kind) makes a redelivered event
 * write nothing twice. The e-mail follows the commit: `status` pending
 * until the relay took it (sent, with `sent_at`), or failed for good (the
 * relay refused the address); `attempts` and `last_error` record the tries.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('notifications', (table) => {
      table.bigIncrements('id')
      table.string('public_id', 32).notNullable().unique()
      table.string('market_code', 2).notNullable()
      table.bigInteger('user_id').unsigned().notNullable().references('id').inTable('users').onDelete('CASCADE')
      // The outbox message id of the event that caused it, and its type (`orders.paid`).
      table.string('event_id', 36).notNullable()
      table.string('event_type', 60).notNullable()
      table.string('kind', 40).notNullable()
      table.string('locale', 10).notNullable()
      // The address it went to (an account's e-mail may change later).
      table.string('email', 254).notNullable()
      table.string('subject', 200).notNullable()
      table.text('body').notNullable()
      // What it is about: an order (most), and a payment, payout or return case.
      table.string('order_number', 32).nullable()
      table.string('reference', 40).nullable()
      table.string('status', 10).notNullable()
      table.integer('attempts').unsigned().notNullable().defaultTo(0)
      table.string('last_error', 500).nullable()
      // When what it tells happened (the event's time): the inbox's order, whatever order events were handled in.
      table.datetime('occurred_at', { precision: 3 }).notNullable()
      table.datetime('created_at', { precision: 3 }).notNullable()
      table.datetime('sent_at', { precision: 3 }).nullable()
      table.unique(['event_id', 'user_id', 'kind'], { indexName: 'notifications_once' })
      // A recipient's inbox, newest first.
      table.index(['market_code', 'user_id', 'occurred_at', 'id'], 'notifications_inbox')
    })
  }

  async down() {
    this.schema.dropTable('notifications')
  }
}

import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Money and parcels of the shard's markets.
 *
 * payments: one row per attempt to pay a checkout (a checkout holds one
 * order per seller); at most one is open at a time. payment_events: every
 * provider event applied, once (unique provider event id), raw.
 *
 * The escrow ledger: accounts per market and currency, and immutable
 * transfers (one journal each, idempotent by `transfer_key`) whose legs sum
 * to zero. Amounts are integer minor units; a leg's amount is positive for
 * a debit and negative for a credit. Balances are kept on the account
 * (with a version) by the same transaction that writes the legs.
 *
 * shipments and their normalized tracking history; payouts to sellers.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('payments', (table) => {
      table.bigIncrements('id')
      table.string('public_id', 32).notNullable().unique()
      table.string('market_code', 2).notNullable()
      table.string('checkout_id', 32).notNullable()
      table.bigInteger('buyer_id').unsigned().notNullable()
      /** The orders this payment pays (those unpaid when it started). */
      table.json('order_numbers').notNullable()
      table.string('gateway', 40).notNullable()
      table.string('provider', 20).notNullable()
      table.string('method', 30).notNullable()
      table.string('status', 24).notNullable()
      table.bigInteger('amount').notNullable()
      table.bigInteger('refunded_amount').notNullable().defaultTo(0)
      table.string('currency', 3).notNullable()
      table.string('provider_reference', 120).nullable()
      table.json('action').nullable()
      table.string('config_revision', 32).notNullable()
      table.datetime('created_at').notNullable()
      table.datetime('updated_at').notNullable()
      table.datetime('captured_at').nullable()
      table.index(['market_code', 'checkout_id'])
      table.unique(['provider', 'provider_reference'])
    })

    this.schema.createTable('payment_events', (table) => {
      table.bigIncrements('id')
      table.string('market_code', 2).notNullable()
      table.bigInteger('payment_id').unsigned().nullable()
      table.string('provider', 20).notNullable()
      table.string('provider_event_id', 120).notNullable()
      table.string('type', 40).notNullable()
      table.json('payload').notNullable()
      table.string('outcome', 40).notNullable()
      table.datetime('received_at').notNullable()
      table.unique(['provider', 'provider_event_id'])
    })

    this.schema.createTable('ledger_accounts', (table) => {
      table.bigIncrements('id')
      table.string('market_code', 2).notNullable()
      table.string('code', 80).notNullable()
      table.string('kind', 40).notNullable()
      table.string('currency', 3).notNullable()
      /** Which side grows it: escrow and payables grow by credits, clearing accounts by debits. */
      table.string('normal_side', 6).notNullable()
      table.boolean('must_not_go_negative').notNullable().defaultTo(false)
      /** Sum of its legs (debits positive), kept by the transaction that writes them. */
      table.bigInteger('balance').notNullable().defaultTo(0)
      table.integer('version').unsigned().notNullable().defaultTo(0)
      table.datetime('created_at').notNullable()
      table.unique(['market_code', 'code'])
    })

    this.schema.createTable('ledger_transfers', (table) => {
      table.bigIncrements('id')
      table.string('market_code', 2).notNullable()
      table.string('transfer_key', 120).notNullable()
      table.string('kind', 30).notNullable()
      table.string('reference', 40).nullable()
      table.string('currency', 3).notNullable()
      table.json('metadata').nullable()
      table.datetime('occurred_at').notNullable()
      table.unique(['market_code', 'transfer_key'])
      table.index(['market_code', 'reference'])
    })

    this.schema.createTable('ledger_legs', (table) => {
      table.bigIncrements('id')
      table.bigInteger('transfer_id').unsigned().notNullable().references('id').inTable('ledger_transfers')
      table.bigInteger('account_id').unsigned().notNullable().references('id').inTable('ledger_accounts')
      table.bigInteger('amount').notNullable()
      table.index(['account_id', 'id'])
    })
    // Immutable: corrections are new transfers.
    for (const name of ['ledger_transfers', 'ledger_legs']) {
      this.schema.raw(`CREATE TRIGGER ${name}_no_update BEFORE UPDATE ON ${name} FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${name} is append-only'`)
      this.schema.raw(`CREATE TRIGGER ${name}_no_delete BEFORE DELETE ON ${name} FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${name} is append-only'`)
    }

    this.schema.createTable('shipments', (table) => {
      table.bigIncrements('id')
      table.string('public_id', 32).notNullable().unique()
      table.string('market_code', 2).notNullable()
      table.bigInteger('order_id').unsigned().notNullable().unique()
      table.string('courier_id', 40).notNullable()
      table.string('provider', 20).notNullable()
      table.string('tracking_number', 40).notNullable()
      table.string('label_url', 500).nullable()
      table.string('status', 30).notNullable()
      table.boolean('cash_on_delivery').notNullable().defaultTo(false)
      table.bigInteger('cod_amount').notNullable().defaultTo(0)
      table.date('pickup_date').nullable()
      table.datetime('created_at').notNullable()
      table.datetime('updated_at').notNullable()
      table.datetime('delivered_at').nullable()
      table.unique(['provider', 'tracking_number'])
    })

    this.schema.createTable('shipment_events', (table) => {
      table.bigIncrements('id')
      table.bigInteger('shipment_id').unsigned().notNullable().references('id').inTable('shipments')
      table.string('provider_event_id', 120).notNullable()
      table.string('status', 30).notNullable()
      table.string('location', 120).nullable()
      table.datetime('occurred_at').notNullable()
      table.datetime('received_at').notNullable()
      table.unique(['shipment_id', 'provider_event_id'])
    })

    this.schema.createTable('payouts', (table) => {
      table.bigIncrements('id')
      table.string('public_id', 32).notNullable().unique()
      table.string('market_code', 2).notNullable()
      table.bigInteger('shop_id').unsigned().notNullable()
      table.bigInteger('amount').notNullable()
      table.string('currency', 3).notNullable()
      table.string('status', 20).notNullable()
      table.string('provider', 20).notNullable()
      table.string('provider_reference', 120).nullable()
      table.string('failure_reason', 200).nullable()
      table.datetime('created_at').notNullable()
      table.datetime('updated_at').notNullable()
      table.index(['market_code', 'shop_id', 'id'])
    })

    this.schema.alterTable('orders', (table) => {
      table.datetime('delivered_at').nullable()
      table.datetime('release_due_at').nullable()
      table.boolean('guarantee_extended').notNullable().defaultTo(false)
      table.datetime('ship_by_at').nullable()
      table.index(['market_code', 'status', 'release_due_at'])
    })
  }

  async down() {
    this.schema.alterTable('orders', (table) => {
      table.dropIndex(['market_code', 'status', 'release_due_at'])
      table.dropColumn('delivered_at')
      table.dropColumn('release_due_at')
      table.dropColumn('guarantee_extended')
      table.dropColumn('ship_by_at')
    })
    for (const name of ['ledger_transfers', 'ledger_legs']) {
      this.schema.raw(`DROP TRIGGER IF EXISTS ${name}_no_update`)
      this.schema.raw(`DROP TRIGGER IF EXISTS ${name}_no_delete`)
    }
    for (const name of ['payouts', 'shipment_events', 'shipments', 'ledger_legs', 'ledger_transfers', 'ledger_accounts', 'payment_events', 'payments']) {
      this.schema.dropTable(name)
    }
  }
}

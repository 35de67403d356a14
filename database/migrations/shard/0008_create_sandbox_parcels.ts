import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The sandbox courier's own book of parcels (the embedded stand-in for a
 * courier's systems): where each parcel is on its route and when it last
 * moved. Pasar's shipments learn of it only through signed tracking webhooks.
 * Also: shipments name their order by number, ledger accounts their owner.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('sandbox_parcels', (table) => {
      table.bigIncrements('id')
      table.string('market_code', 2).notNullable()
      table.string('tracking_number', 40).notNullable().unique()
      table.json('route').notNullable()
      table.integer('step').unsigned().notNullable().defaultTo(0)
      table.boolean('cash_on_delivery').notNullable().defaultTo(false)
      table.bigInteger('cod_amount').notNullable().defaultTo(0)
      // When it last moved (or was booked); null once at the end of its route.
      table.datetime('moved_at').nullable()
      table.datetime('created_at').notNullable()
      table.index(['market_code', 'moved_at'])
    })
    // Logistics names the order by its number, not by reading the orders table.
    this.schema.alterTable('shipments', (table) => {
      table.string('order_number', 32).notNullable().after('order_id')
    })
    // Whose money an account holds (a shop for its payable and its orders' escrow): the seller's wallet in one indexed read.
    this.schema.alterTable('ledger_accounts', (table) => {
      table.string('owner', 32).nullable().after('kind')
      table.index(['market_code', 'owner', 'kind'])
    })
  }

  async down() {
    this.schema.alterTable('ledger_accounts', (table) => {
      table.dropIndex(['market_code', 'owner', 'kind'])
      table.dropColumn('owner')
    })
    this.schema.alterTable('shipments', (table) => table.dropColumn('order_number'))
    this.schema.dropTable('sandbox_parcels')
  }
}

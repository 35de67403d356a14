import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Buyer and seller accounts of the shard's markets. An account belongs to
 * one market: the same email in SG and MY (both in sea-1) is two accounts.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('users', (table) => {
      table.bigIncrements('id')
      table.string('public_id', 32).notNullable().unique()
      table.string('market_code', 2).notNullable()
      table.enum('role', ['buyer', 'seller']).notNullable()
      table.string('email', 254).notNullable()
      table.string('full_name', 120).notNullable()
      table.string('phone', 20).nullable()
      table.string('password', 255).notNullable()
      table.enum('status', ['active', 'suspended']).notNullable().defaultTo('active')
      table.datetime('last_login_at').nullable()
      table.datetime('password_changed_at').nullable()
      table.datetime('created_at').notNullable()
      table.datetime('updated_at').notNullable()
      table.unique(['market_code', 'email'])
    })

    this.schema.createTable('shops', (table) => {
      table.bigIncrements('id')
      table.string('public_id', 32).notNullable().unique()
      table.bigInteger('user_id').unsigned().notNullable().unique().references('id').inTable('users').onDelete('CASCADE')
      table.string('market_code', 2).notNullable()
      table.string('name', 80).notNullable()
      table.string('slug', 60).notNullable()
      table.json('pickup_address').notNullable()
      table.string('tax_id', 40).nullable()
      table.datetime('created_at').notNullable()
      table.datetime('updated_at').notNullable()
      table.unique(['market_code', 'slug'])
    })

    this.schema.createTable('access_tokens', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tokenable_id').unsigned().notNullable().references('id').inTable('users').onDelete('CASCADE')
      // A token answers only on the market that issued it.
      table.string('market_code', 2).notNullable()
      table.string('type', 40).notNullable()
      table.string('name', 120).nullable()
      table.string('hash', 80).notNullable()
      table.text('abilities').notNullable()
      table.datetime('created_at').notNullable()
      table.datetime('updated_at').notNullable()
      table.datetime('last_used_at').nullable()
      table.datetime('expires_at').nullable()
      table.index(['tokenable_id'])
    })
  }

  async down() {
    this.schema.dropTable('access_tokens')
    this.schema.dropTable('shops')
    this.schema.dropTable('users')
  }
}

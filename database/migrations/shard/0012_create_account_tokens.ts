import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Single-use tokens mailed to an account: password reset (30 minutes) and
 * e-mail verification. Only a SHA-256 of the token is stored; a token is
 * used by a conditional UPDATE of `used_at`, so it works once however many
 * requests carry it. `users.email_verified_at`: null until the account
 * proves its address.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('account_tokens', (table) => {
      table.bigIncrements('id')
      table.string('market_code', 2).notNullable()
      table.bigInteger('user_id').unsigned().notNullable().references('id').inTable('users').onDelete('CASCADE')
      table.string('purpose', 20).notNullable()
      table.string('token_hash', 64).notNullable().unique()
      table.datetime('expires_at').notNullable()
      table.datetime('used_at').nullable()
      table.datetime('created_at').notNullable()
      table.index(['user_id', 'purpose'])
    })
    this.schema.alterTable('users', (table) => {
      table.datetime('email_verified_at').nullable().after('password_changed_at')
    })
  }

  async down() {
    this.schema.alterTable('users', (table) => table.dropColumn('email_verified_at'))
    this.schema.dropTable('account_tokens')
  }
}

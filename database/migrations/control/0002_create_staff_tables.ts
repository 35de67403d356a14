import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Staff of the platform (ops, finance, support, admins) with roles scoped to
 * markets or regions, their tokens, and the append-only audit log.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('staff', (table) => {
      table.bigIncrements('id')
      table.string('public_id', 32).notNullable().unique()
      table.string('email', 254).notNullable().unique()
      table.string('full_name', 120).notNullable()
      table.string('password', 255).notNullable()
      // TOTP secret, encrypted with APP_KEY; confirmed once a first code checks out.
      table.text('totp_secret').nullable()
      table.datetime('totp_confirmed_at').nullable()
      // Last accepted TOTP time step: a code is never accepted twice.
      table.bigInteger('totp_last_step').nullable()
      table.enum('status', ['active', 'disabled']).notNullable().defaultTo('active')
      table.datetime('last_login_at').nullable()
      table.datetime('created_at').notNullable()
      table.datetime('updated_at').notNullable()
    })

    this.schema.createTable('staff_roles', (table) => {
      table.bigIncrements('id')
      table.bigInteger('staff_id').unsigned().notNullable().references('id').inTable('staff').onDelete('CASCADE')
      table.enum('role', ['admin', 'ops', 'finance', 'support']).notNullable()
      // Scope: market codes and region names; ["*"] in markets means every market.
      table.json('markets').notNullable()
      table.json('regions').notNullable()
      table.bigInteger('granted_by').unsigned().nullable()
      table.datetime('created_at').notNullable()
      table.index(['staff_id'])
    })

    this.schema.createTable('staff_access_tokens', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tokenable_id').unsigned().notNullable().references('id').inTable('staff').onDelete('CASCADE')
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

    this.schema.createTable('audit_logs', (table) => {
      table.bigIncrements('id')
      table.datetime('occurred_at', { precision: 3 }).notNullable()
      table.string('actor_type', 20).notNullable()
      table.string('actor_id', 32).nullable()
      table.string('actor_email', 254).nullable()
      table.string('action', 60).notNullable()
      table.string('target_type', 40).nullable()
      table.string('target_id', 32).nullable()
      table.string('market_code', 2).nullable()
      table.string('ip', 45).nullable()
      table.string('request_id', 100).nullable()
      table.json('details').nullable()
      table.index(['occurred_at'])
      table.index(['action', 'occurred_at'])
    })

    // Append-only: the database itself refuses to change or delete an entry.
    this.schema.raw(`
      CREATE TRIGGER audit_logs_no_update BEFORE UPDATE ON audit_logs FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_logs is append-only'
    `)
    this.schema.raw(`
      CREATE TRIGGER audit_logs_no_delete BEFORE DELETE ON audit_logs FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_logs is append-only'
    `)
  }

  async down() {
    this.schema.raw('DROP TRIGGER IF EXISTS audit_logs_no_delete')
    this.schema.raw('DROP TRIGGER IF EXISTS audit_logs_no_update')
    this.schema.dropTable('audit_logs')
    this.schema.dropTable('staff_access_tokens')
    this.schema.dropTable('staff_roles')
    this.schema.dropTable('staff')
  }
}

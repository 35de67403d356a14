import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Run-time market configuration (DESIGN.md §9). Every accepted change is a
 * numbered revision of its market, holding the whole set of overrides it
 * leads to (so any revision can be restored as it was) and the diff of the
 * effective config. The head row of a market is the approved revision that
 * every process serves; it is also the row a change locks, so revisions of
 * one market form a single line.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('market_config_revisions', (table) => {
      table.bigIncrements('id')
      table.string('market_code', 2).notNullable()
      table.integer('number').unsigned().notNullable()
      table.enum('status', ['applied', 'pending', 'superseded']).notNullable()
      table.enum('kind', ['change', 'rollback']).notNullable()
      // The approved revision this one was made on (0: the file alone).
      table.integer('base_number').unsigned().notNullable()
      table.integer('rollback_of').unsigned().nullable()
      table.string('author_id', 32).notNullable()
      table.string('author_email', 254).notNullable()
      table.string('approver_id', 32).nullable()
      table.string('approver_email', 254).nullable()
      table.text('reason').notNullable()
      // What the author asked for, the overrides it leads to, the effective config's diff (jsondiffpatch delta).
      table.json('changes').notNullable()
      table.json('overrides').notNullable()
      table.json('delta').nullable()
      // Fields of the effective config that make it wait for a second ops member.
      table.json('approval_fields').notNullable()
      // The whole effective config of this revision, as it was checked: what diffs compare.
      table.json('config').notNullable()
      table.string('config_hash', 16).notNullable()
      table.string('file_hash', 16).notNullable()
      table.datetime('created_at').notNullable()
      table.datetime('decided_at').nullable()
      table.unique(['market_code', 'number'])
      table.index(['market_code', 'status'])
    })

    this.schema.createTable('market_config_heads', (table) => {
      table.string('market_code', 2).primary()
      // The approved revision served, and the last number given to any revision (pending ones too).
      table.integer('revision').unsigned().notNullable()
      table.integer('last_number').unsigned().notNullable()
      table.json('overrides').notNullable()
      table.string('config_hash', 16).notNullable()
      table.datetime('updated_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTable('market_config_heads')
    this.schema.dropTable('market_config_revisions')
  }
}

import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * `request_id` is always Pasar's own id; the X-Request-Id a trusted proxy
 * sent is kept beside it, never in its place.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('audit_logs', (table) => {
      table.string('upstream_request_id', 128).nullable().after('request_id')
    })
  }

  async down() {
    this.schema.alterTable('audit_logs', (table) => {
      table.dropColumn('upstream_request_id')
    })
  }
}

import db from '@adonisjs/lucid/services/db'
import app from '@adonisjs/core/services/app'
import type { MessagingConfig } from '#config/messaging'
import redis from '@adonisjs/redis/services/main'
import { SHARDS } from '#tests/support/identity'

/**
 * A clean slate for a test run: identity tables of the test databases
 * truncated, and this run's Redis keys (test prefix only) deleted.
 */
export async function resetTestState() {
  for (const connection of SHARDS) {
    await db.connection(connection).rawQuery('SET FOREIGN_KEY_CHECKS = 0')
    for (const table of ['finance_exports', 'tax_periods', 'tax_entries', 'voucher_redemptions', 'vouchers', 'notifications', 'refunds', 'return_lines', 'returns', 'sandbox_parcels', 'payouts', 'shipment_events', 'shipments', 'ledger_legs', 'ledger_transfers', 'ledger_accounts', 'payment_events', 'payments', 'flash_sales', 'processed_messages', 'outbox', 'idempotency_keys', 'order_history', 'order_lines', 'orders', 'carts', 'cart_lines', 'search_documents', 'stock_adjustments', 'stock_levels', 'skus', 'products', 'categories', 'access_tokens', 'shops', 'users']) {
      await db.connection(connection).rawQuery(`TRUNCATE TABLE ${table}`)
    }
    await db.connection(connection).rawQuery('SET FOREIGN_KEY_CHECKS = 1')
  }
  const control = db.connection('control')
  await control.rawQuery('SET FOREIGN_KEY_CHECKS = 0')
  // TRUNCATE does not fire the append-only triggers: tests only.
  for (const table of ['staff_access_tokens', 'staff_roles', 'staff', 'audit_logs', 'market_config_revisions', 'market_config_heads']) {
    await control.rawQuery(`TRUNCATE TABLE ${table}`)
  }
  await control.rawQuery('SET FOREIGN_KEY_CHECKS = 1')
  // Every market back on its file alone, as the control database now says.
  const markets = await app.container.make('markets')
  markets.resetToFiles()

  await purgeQueues()

  const connection = redis.connection()
  const prefix = (connection.ioConnection.options.keyPrefix as string) ?? ''
  if (!prefix.startsWith('pasar_test')) throw new Error(`refusing to clear Redis keys without the test prefix (${prefix})`)
  let cursor = '0'
  do {
    const [next, keys] = await connection.ioConnection.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500)
    cursor = next
    if (keys.length) await connection.ioConnection.del(...keys.map((key) => key.slice(prefix.length)))
  } while (cursor !== '0')
}

/**
 * Messages left in the consumers' durable queues by an earlier run name
 * rows of that run (ids start again after the truncation): a worker of
 * this run would apply them to this run's rows. Purged before the run.
 */
async function purgeQueues() {
  const { Connection } = await import('rabbitmq-client')
  const { registeredConsumers } = await import('#messaging/consumers')
  const { queuesOf } = await import('#messaging/topology')
  await import('#start/consumers')
  const broker = new Connection({ url: app.config.get<MessagingConfig>('messaging').url, connectionName: 'pasar-tests-reset', retryLow: 100, retryHigh: 500 })
  broker.on('error', () => {})
  try {
    for (const definition of registeredConsumers()) {
      const queues = queuesOf(definition.name, definition.retryDelayMs ?? 2000)
      for (const queue of [queues.main, queues.retry, queues.parking]) {
        // A queue not declared yet has nothing in it (the broker answers 404 and closes the channel).
        const channel = await broker.acquire()
        await channel.queuePurge(queue).catch(() => {})
        await channel.close().catch(() => {})
      }
    }
  } finally {
    await broker.close()
  }
}

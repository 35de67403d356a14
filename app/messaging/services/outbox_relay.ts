import logger from '@adonisjs/core/services/logger'
import db from '@adonisjs/lucid/services/db'
import type { EventPublisher } from '#messaging/services/event_publisher'
import type { MessageEnvelope } from '#messaging/services/outbox'

/**
 * Moves outbox rows of every shard to RabbitMQ. A batch is taken with
 * `FOR UPDATE SKIP LOCKED` (several workers share the work, none sends a row
 * another holds), each row is published and confirmed, and the rows are
 * marked sent in the same transaction only after every confirm. A crash or a
 * broker outage mid-batch rolls the marks back: those rows go again later
 * (at-least-once; consumers are idempotent by message id).
 */
export class OutboxRelay {
  constructor(
    private publisher: EventPublisher,
    private shards: string[],
    private batchSize = 100
  ) {}

  #warned = new Map<string, number>()

  /** One pass over every shard: how many messages were confirmed, and how many shards failed. */
  async relayOnce(): Promise<{ sent: number; failed: number }> {
    let sent = 0
    let failed = 0
    for (const shard of this.shards) {
      try {
        sent += await this.relayShard(shard)
        this.#warned.delete(shard)
      } catch (error) {
        failed++
        // Once a shard starts failing, and then every minute while it does.
        const last = this.#warned.get(shard)
        if (last === undefined || Date.now() - last > 60_000) {
          logger.warn({ err: error, shard }, 'outbox relay: batch not published, will retry')
          this.#warned.set(shard, Date.now())
        }
      }
    }
    return { sent, failed }
  }

  async relayShard(shard: string): Promise<number> {
    return db.connection(shard).transaction(async (trx) => {
      const rows = await trx
        .from('outbox')
        .whereNull('published_at')
        .orderBy('id')
        .limit(this.batchSize)
        .forUpdate()
        .skipLocked()
      if (rows.length === 0) return 0
      for (const row of rows) {
        const envelope = (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as MessageEnvelope
        await this.publisher.publish(row.routing_key, envelope)
      }
      await trx
        .from('outbox')
        .whereIn('id', rows.map((row) => row.id))
        .update({ published_at: new Date(), attempts: db.raw('attempts + 1') })
      return rows.length
    })
  }

  /** Messages waiting in every shard's outbox (queue lag for /metrics). */
  async backlog(): Promise<number> {
    let total = 0
    for (const shard of this.shards) {
      const row = await db.connection(shard).from('outbox').whereNull('published_at').count('* as n').first()
      total += Number(row?.n ?? 0)
    }
    return total
  }
}

import { randomUUID } from 'node:crypto'
import type { MarketContext } from '#markets/market_context'

/**
 * Every message Pasar publishes has this envelope, versioned per type:
 * consumers read `type` and `version` before `data`.
 */
export interface MessageEnvelope<T = Record<string, unknown>> {
  id: string
  type: string
  version: number
  market: string
  correlationId: string | null
  occurredAt: string
  data: T
}

/**
 * The transactional outbox: a message is a row written in the same shard
 * transaction as the change it announces, so a committed change always has
 * its event and a rolled-back one never does. The relay publishes it later.
 * Routing key: `<market>.<domain>.<event>` (e.g. `sg.orders.placed`).
 */
export class Outbox {
  static async record(market: MarketContext, event: OutboxEvent): Promise<MessageEnvelope> {
    const [envelope] = await Outbox.recordMany(market, [event])
    return envelope
  }

  /**
   * Several events of one change, in one INSERT, in the context's
   * transaction: an event written outside the change's transaction could
   * announce a change that rolled back, so that is refused.
   */
  static async recordMany(market: MarketContext, events: OutboxEvent[]): Promise<MessageEnvelope[]> {
    if (!market.inTransaction) throw new Error('outbox events are written in the transaction of the change they announce')
    const occurredAt = new Date()
    const envelopes = events.map((event): MessageEnvelope => ({
      id: randomUUID(),
      type: `${event.domain}.${event.name}`,
      version: event.version ?? 1,
      market: market.code,
      correlationId: event.correlationId ?? null,
      occurredAt: occurredAt.toISOString(),
      data: event.data,
    }))
    if (envelopes.length === 0) return envelopes
    await market.insert(
      'outbox',
      envelopes.map((envelope, index) => ({
        message_id: envelope.id,
        routing_key: `${market.code.toLowerCase()}.${events[index].domain}.${events[index].name}`,
        payload: JSON.stringify(envelope),
        correlation_id: envelope.correlationId,
        occurred_at: occurredAt,
        published_at: null,
        attempts: 0,
      }))
    )
    return envelopes
  }
}

export interface OutboxEvent {
  domain: string
  name: string
  version?: number
  data: Record<string, unknown>
  correlationId?: string | null
}

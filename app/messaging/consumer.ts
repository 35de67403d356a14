import type { Connection, Consumer, AsyncMessage } from 'rabbitmq-client'
import logger from '@adonisjs/core/services/logger'
import type { MarketRegistry } from '#markets/services/market_registry'
import type { MarketContext } from '#markets/market_context'
import { EVENTS_EXCHANGE, queuesOf } from '#messaging/topology'
import type { EventPublisher } from '#messaging/services/event_publisher'
import type { MessageEnvelope } from '#messaging/services/outbox'

export interface ConsumerDefinition {
  /** Queue suffix and the key under which processed message ids are kept. */
  name: string
  /** Routing-key patterns, e.g. `*.orders.paid`. */
  bindings: string[]
  maxAttempts?: number
  retryDelayMs?: number
  prefetch?: number
  /**
   * The effect. `market` is the context of the envelope's market, bound to
   * the shard transaction that also records the message id.
   */
  handle(envelope: MessageEnvelope, market: MarketContext): Promise<void>
}

function isDuplicate(error: unknown) {
  return (error as { code?: string })?.code === 'ER_DUP_ENTRY'
}

/**
 * Starts a consumer: manual acks, prefetch, an effect applied once per
 * message id (the id is inserted into `processed_messages` in the same
 * transaction as the effect, so a redelivery finds it and is acked without
 * effect), a failed message goes to the retry queue and comes back after a
 * delay, and after `maxAttempts` it is parked with its error.
 */
export function startConsumer(
  connection: Connection,
  publisher: EventPublisher,
  markets: MarketRegistry,
  definition: ConsumerDefinition
): Consumer {
  const maxAttempts = definition.maxAttempts ?? 5
  const retryDelayMs = definition.retryDelayMs ?? 2000
  const queues = queuesOf(definition.name, retryDelayMs)

  const consumer = connection.createConsumer(
    {
      queue: queues.main,
      queueOptions: queues.declarations[0],
      qos: { prefetchCount: definition.prefetch ?? 20 },
      concurrency: Math.max(1, Math.floor((definition.prefetch ?? 20) / 2)),
      exchanges: [{ exchange: EVENTS_EXCHANGE, type: 'topic', durable: true }],
      queueBindings: definition.bindings.map((routingKey) => ({ exchange: EVENTS_EXCHANGE, queue: queues.main, routingKey })),
      requeue: false,
    },
    async (message: AsyncMessage) => {
      const envelope = (Buffer.isBuffer(message.body) ? JSON.parse(message.body.toString()) : message.body) as MessageEnvelope
      const attempt = Number(message.headers?.['x-attempt'] ?? 0) + 1
      try {
        await markets.context(envelope.market).transaction(async (market) => {
          await market.insert('processed_messages', { consumer: definition.name, message_id: envelope.id, processed_at: new Date() })
          await definition.handle(envelope, market)
        })
      } catch (error) {
        if (isDuplicate(error)) return // already applied: ack
        const reason = (error as Error).message?.slice(0, 500) ?? 'failed'
        if (attempt >= maxAttempts) {
          logger.error({ err: error, consumer: definition.name, messageId: envelope.id }, 'message parked')
          await publisher.sendToQueue(queues.parking, envelope, { 'x-attempt': attempt, 'x-error': reason })
        } else {
          logger.warn({ err: error, consumer: definition.name, messageId: envelope.id, attempt }, 'message will be retried')
          await publisher.sendToQueue(queues.retry, envelope, { 'x-attempt': attempt, 'x-error': reason })
        }
      }
    }
  )
  // A broker that is down or restarting makes the consumer's setup fail;
  // it sets itself up again on the next connection. Reported, never fatal.
  let lastReport = 0
  consumer.on('error', (error) => {
    if (Date.now() - lastReport < 30_000) return
    lastReport = Date.now()
    logger.warn({ err: error, consumer: definition.name }, 'consumer not set up yet (RabbitMQ unreachable); it will be when the broker answers')
  })
  return consumer
}

/** Declares the retry and parking queues (the consumer declares its main queue). */
export async function declareSideQueues(connection: Connection, definition: ConsumerDefinition) {
  const queues = queuesOf(definition.name, definition.retryDelayMs ?? 2000)
  const channel = await connection.acquire()
  try {
    await channel.exchangeDeclare({ exchange: 'pasar.dlx', type: 'direct', durable: true })
    for (const declaration of queues.declarations.slice(1)) await channel.queueDeclare(declaration)
    await channel.queueBind({ exchange: 'pasar.dlx', queue: queues.parking, routingKey: `${definition.name}.parking` })
  } finally {
    await channel.close()
  }
}

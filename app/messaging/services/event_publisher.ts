import type { Connection, Publisher } from 'rabbitmq-client'
import { DEAD_LETTER_EXCHANGE, EVENTS_EXCHANGE } from '#messaging/topology'
import type { MessageEnvelope } from '#messaging/services/outbox'

export class PublishFailedError extends Error {
  constructor(
    readonly routingKey: string,
    cause: unknown
  ) {
    super(`not published (${routingKey}): ${(cause as Error)?.message ?? cause}`, { cause })
    this.name = 'PublishFailedError'
  }
}

/**
 * Publishes with publisher confirms: `publish` resolves only once RabbitMQ
 * has taken responsibility for the message (persisted, for durable queues).
 */
export class EventPublisher {
  #publisher: Publisher

  constructor(connection: Connection) {
    this.#publisher = connection.createPublisher({
      confirm: true,
      maxAttempts: 1,
      exchanges: [
        { exchange: EVENTS_EXCHANGE, type: 'topic', durable: true },
        { exchange: DEAD_LETTER_EXCHANGE, type: 'direct', durable: true },
      ],
    })
  }

  async publish(routingKey: string, envelope: MessageEnvelope) {
    const sent = this.#publisher.send(
      {
        exchange: EVENTS_EXCHANGE,
        routingKey,
        messageId: envelope.id,
        correlationId: envelope.correlationId ?? undefined,
        contentType: 'application/json',
        durable: true,
        type: envelope.type,
        headers: { 'x-schema-version': envelope.version, 'x-market': envelope.market },
      },
      envelope
    )
    // rabbitmq-client's own error, re-thrown across our awaits, was once
    // reported as an unhandled rejection (crashing a worker waiting out a
    // broker outage): callers get an error of ours, with its cause.
    try {
      await sent
    } catch (error) {
      throw new PublishFailedError(routingKey, error)
    }
  }

  /** To one queue through the default exchange (retry and parking). */
  async sendToQueue(queue: string, envelope: MessageEnvelope, headers: Record<string, unknown>) {
    await this.#publisher.send(
      { routingKey: queue, messageId: envelope.id, correlationId: envelope.correlationId ?? undefined, contentType: 'application/json', durable: true, headers },
      envelope
    )
  }

  async close() {
    await this.#publisher.close()
  }
}

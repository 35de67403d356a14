import { Connection, type Consumer } from 'rabbitmq-client'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { EventPublisher } from '#messaging/services/event_publisher'
import { OutboxRelay } from '#messaging/services/outbox_relay'
import { declareSideQueues, startConsumer } from '#messaging/consumer'
import { registeredConsumers } from '#messaging/consumers'
import type { MessagingConfig } from '#config/messaging'
import { SHARDS } from '#tests/support/identity'
import '#start/consumers'

interface Running {
  connection: Connection
  publisher: EventPublisher
  relay: OutboxRelay
  consumers: Map<string, Consumer>
}
let running: Running | undefined

/** `*.catalog.product_changed` matches `sg.catalog.product_changed` (topic patterns, one word per `*`). */
function matches(pattern: string, routingKey: string) {
  const words = pattern.split('.')
  const parts = routingKey.split('.')
  return words.length === parts.length && words.every((word, index) => word === '*' || word === parts[index])
}

/**
 * What the worker does, for tests that need an event's effect: the real
 * outbox relay publishes every unsent event to RabbitMQ, and the real
 * consumers named here (started once, on their real queues) apply them.
 * Resolves once every event that was waiting has been applied by each of
 * these consumers it is routed to.
 */
export async function deliverEvents(consumerNames: string[] = ['search.index-products'], timeoutMs = 15_000) {
  if (!running) {
    const connection = new Connection({ url: app.config.get<MessagingConfig>('messaging').url, connectionName: 'pasar-tests' })
    connection.on('error', () => {})
    const publisher = new EventPublisher(connection)
    running = { connection, publisher, relay: new OutboxRelay(publisher, SHARDS), consumers: new Map() }
    app.terminating(async () => {
      for (const consumer of running!.consumers.values()) await consumer.close()
      await running!.publisher.close()
      await running!.connection.close()
    })
  }
  const markets = await app.container.make('markets')
  const definitions = registeredConsumers().filter((definition) => consumerNames.includes(definition.name))
  for (const definition of definitions) {
    if (running.consumers.has(definition.name)) continue
    await declareSideQueues(running.connection, definition)
    const consumer = startConsumer(running.connection, running.publisher, markets, definition)
    await new Promise((resolve) => consumer.once('ready', resolve))
    running.consumers.set(definition.name, consumer)
  }

  const awaited: { shard: string; consumer: string; messageId: string }[] = []
  for (const shard of SHARDS) {
    const rows = await db.connection(shard).from('outbox').whereNull('published_at').select('message_id', 'routing_key')
    for (const row of rows) {
      for (const definition of definitions) {
        if (definition.bindings.some((pattern) => matches(pattern, row.routing_key))) {
          awaited.push({ shard, consumer: definition.name, messageId: row.message_id })
        }
      }
    }
  }
  while ((await running.relay.relayOnce()).sent > 0);

  const deadline = Date.now() + timeoutMs
  let left = awaited
  while (left.length > 0) {
    if (Date.now() > deadline) throw new Error(`${left.length} events not applied in ${timeoutMs} ms (${left[0].consumer})`)
    const still = []
    for (const entry of left) {
      const done = await db.connection(entry.shard).from('processed_messages').where('consumer', entry.consumer).where('message_id', entry.messageId).first()
      if (!done) still.push(entry)
    }
    left = still
    if (left.length) await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

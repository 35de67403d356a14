import { test } from '@japa/runner'
import { randomBytes, randomUUID } from 'node:crypto'
import { Connection } from 'rabbitmq-client'
import db from '@adonisjs/lucid/services/db'
import app from '@adonisjs/core/services/app'
import { EventPublisher } from '#messaging/services/event_publisher'
import { OutboxRelay } from '#messaging/services/outbox_relay'
import { declareSideQueues, startConsumer, type ConsumerDefinition } from '#messaging/consumer'
import { queuesOf } from '#messaging/topology'
import { accountFactory, hostOf } from '#tests/support/identity'
import { categoryTree, productFactory } from '#tests/support/catalog'
import type { MessageEnvelope } from '#messaging/services/outbox'
import { commitPaidStock } from '#inventory/consumers/commit_paid_stock'
import { countSold } from '#catalog/consumers/count_sold'
import { OrderService } from '#orders/services/order_service'
import { marketContext } from '#tests/support/identity'
import { oncePerPeriod } from '#messaging/services/lease'

const URL = 'amqp://guest:guest@127.0.0.1:5672'
const SHARDS = ['sea-1', 'sea-2', 'sea-3', 'ea-1', 'latam-1']

async function until(check: () => Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('condition not met in time')
}

/** A consumer whose effect is a row per message in a table of the shard. */
function recordingConsumer(name: string, options: Partial<ConsumerDefinition> = {}): ConsumerDefinition {
  return {
    name,
    bindings: ['sg.orders.placed'],
    retryDelayMs: 200,
    maxAttempts: 3,
    async handle(envelope, market) {
      await market.insert('test_consumer_effects', { consumer: name, message_id: envelope.id, number: String(envelope.data.number) })
    },
    ...options,
  }
}

async function effectsOf(consumer: string) {
  return db.connection('sea-1').from('test_consumer_effects').where('consumer', consumer).select('number', 'message_id')
}

/** Sends every unsent outbox row of every shard until none is left. */
async function drain(relay: OutboxRelay) {
  for (let i = 0; i < 50 && (await relay.relayOnce()).sent > 0; i++);
}

test.group('Messaging: outbox, relay and consumers', (group) => {
  let connection: Connection
  let publisher: EventPublisher
  const queues: string[] = []

  group.setup(async () => {
    await db.connection('sea-1').rawQuery(
      'CREATE TABLE IF NOT EXISTS test_consumer_effects (id BIGINT AUTO_INCREMENT PRIMARY KEY, consumer VARCHAR(80), message_id VARCHAR(36), number VARCHAR(40))'
    )
    connection = new Connection({ url: URL, connectionName: 'pasar-test' })
    connection.on('error', () => {})
    publisher = new EventPublisher(connection)
    // Earlier tests left unsent rows; send them so each test sees only its own.
    await drain(new OutboxRelay(publisher, SHARDS))
    return async () => {
      const channel = await connection.acquire()
      for (const queue of queues) await channel.queueDelete({ queue }).catch(() => {})
      await channel.close()
      await publisher.close()
      await connection.close()
    }
  })

  async function consume(definition: ConsumerDefinition) {
    const markets = await app.container.make('markets')
    await declareSideQueues(connection, definition)
    const q = queuesOf(definition.name, definition.retryDelayMs ?? 2000)
    queues.push(q.main, q.retry, q.parking)
    const consumer = startConsumer(connection, publisher, markets, definition)
    await new Promise((resolve) => consumer.once('ready', resolve))
    return consumer
  }

  async function placeOrders(client: any, count: number) {
    const tree = await categoryTree('SG')
    const { product, market } = await productFactory('SG', { category: tree.tshirts.slug, prices: [1990], stock: 100 })
    const sku = (await market.table('skus').where('product_id', product.id).first()).public_id
    const buyer = await accountFactory('SG', 'buyer')
    const numbers: string[] = []
    for (let i = 0; i < count; i++) {
      const response = await client
        .post('/api/v1/orders')
        .header('Host', hostOf('SG'))
        .header('Idempotency-Key', randomUUID())
        .bearerToken(buyer.token)
        .json({ lines: [{ sku, quantity: 1 }] })
      response.assertStatus(201)
      numbers.push(response.body().data.orders[0].number)
    }
    return numbers
  }

  test('the relay publishes with confirms and marks rows sent; the consumer applies each event once', async ({ client, assert, cleanup }) => {
    const name = `test.delivered.${randomBytes(3).toString('hex')}`
    const consumer = await consume(recordingConsumer(name))
    cleanup(() => consumer.close())
    const numbers = await placeOrders(client, 3)
    await drain(new OutboxRelay(publisher, SHARDS))
    await until(async () => (await effectsOf(name)).length >= 3)
    assert.sameMembers((await effectsOf(name)).map((row) => row.number), numbers)
    const unsent = await db.connection('sea-1').from('outbox').whereIn('routing_key', ['sg.orders.placed']).whereNull('published_at').count('* as n').first()
    assert.equal(Number(unsent.n), 0)
  }).timeout(30_000)

  test('RabbitMQ unreachable: orders still succeed, events wait in the outbox and all arrive after recovery, once in effect', async ({ client, assert, cleanup }) => {
    const name = `test.outage.${randomBytes(3).toString('hex')}`
    const consumer = await consume(recordingConsumer(name))
    cleanup(() => consumer.close())
    const down = new Connection({ url: 'amqp://guest:guest@127.0.0.1:1', connectionTimeout: 300, acquireTimeout: 500, retryLow: 50, retryHigh: 100 })
    down.on('error', () => {})
    const deadRelay = new OutboxRelay(new EventPublisher(down), SHARDS)

    const numbers = await placeOrders(client, 5)
    const pass = await deadRelay.relayOnce()
    assert.equal(pass.sent, 0)
    assert.isAtLeast(pass.failed, 1)
    const pending = await db.connection('sea-1').from('outbox').whereNull('published_at').where('routing_key', 'sg.orders.placed').count('* as n').first()
    assert.isAtLeast(Number(pending.n), 5)
    await down.close()

    // Recovery: a working relay sends everything; sending twice changes nothing.
    await drain(new OutboxRelay(publisher, SHARDS))
    await db.connection('sea-1').from('outbox').whereIn('message_id', db.connection('sea-1').from('processed_messages').where('consumer', name).select('message_id')).update({ published_at: null })
    await drain(new OutboxRelay(publisher, SHARDS))
    await until(async () => (await effectsOf(name)).length >= 5)
    await new Promise((resolve) => setTimeout(resolve, 500))
    const effects = await effectsOf(name)
    assert.sameMembers(effects.map((row) => row.number), numbers, 'every order, exactly once')
  }).timeout(45_000)

  test('a worker dying mid-batch loses nothing: unconfirmed marks roll back and the batch goes again', async ({ client, assert, cleanup }) => {
    const name = `test.crash.${randomBytes(3).toString('hex')}`
    const consumer = await consume(recordingConsumer(name))
    cleanup(() => consumer.close())
    const numbers = await placeOrders(client, 6)

    // A publisher that dies after two confirmed sends, like a worker killed mid-batch.
    let sends = 0
    const dying = {
      publish: async (routingKey: string, envelope: MessageEnvelope) => {
        if (++sends > 2) throw new Error('worker killed')
        await publisher.publish(routingKey, envelope)
      },
    } as unknown as EventPublisher
    await new OutboxRelay(dying, ['sea-1'], 100).relayOnce()
    const unsent = await db.connection('sea-1').from('outbox').whereNull('published_at').where('routing_key', 'sg.orders.placed').count('* as n').first()
    assert.isAtLeast(Number(unsent.n), 6, 'nothing marked sent without every confirm')

    await drain(new OutboxRelay(publisher, SHARDS))
    await until(async () => (await effectsOf(name)).length >= 6)
    await new Promise((resolve) => setTimeout(resolve, 500))
    assert.sameMembers((await effectsOf(name)).map((row) => row.number), numbers)
  }).timeout(45_000)

  test('a consumer that keeps failing retries with a delay, then parks the message with its error', async ({ client, assert, cleanup }) => {
    const name = `test.poison.${randomBytes(3).toString('hex')}`
    let calls = 0
    const started: number[] = []
    const consumer = await consume(
      recordingConsumer(name, {
        maxAttempts: 3,
        retryDelayMs: 300,
        async handle() {
          calls++
          started.push(Date.now())
          throw new Error('downstream said no')
        },
      })
    )
    cleanup(() => consumer.close())
    await placeOrders(client, 1)
    await drain(new OutboxRelay(publisher, SHARDS))
    await until(async () => calls >= 3)

    const channel = await connection.acquire()
    let parked: any
    await until(async () => {
      parked = await channel.basicGet({ queue: queuesOf(name, 300).parking, noAck: true })
      return Boolean(parked)
    })
    await channel.close()
    assert.equal(calls, 3)
    assert.isAtLeast(started[1] - started[0], 250, 'retried after the delay')
    assert.equal(parked.headers['x-attempt'], 3)
    assert.equal(parked.headers['x-error'], 'downstream said no')
    const body = Buffer.isBuffer(parked.body) ? JSON.parse(parked.body.toString()) : parked.body
    assert.equal(body.type, 'orders.placed')
    assert.lengthOf(await effectsOf(name), 0)
  }).timeout(45_000)

  test('orders.paid commits the reserved stock and counts the sale, once even if the event comes twice', async ({ client, assert, cleanup }) => {
    const [number] = await placeOrders(client, 1)
    const market = await marketContext('SG')
    const line = await market.table('order_lines as l').join('orders as o', 'o.id', 'l.order_id').where('o.number', number).select('l.sku_id', 'l.product_public_id', 'o.id').first()
    const before = await market.table('stock_levels').where('sku_id', line.sku_id).first()
    const soldBefore = Number((await market.table('products').where('public_id', line.product_public_id).first()).sold_count)

    // The payments domain will do this on a captured payment; here the test does.
    await new OrderService().markPaid(market, number, { type: 'system', id: null })
    for (const definition of [commitPaidStock, countSold]) {
      // Only this order's event: the relay also sends other tests' orders.paid, whose stock is not this test's to commit.
      const consumer = await consume({
        ...definition,
        name: `test.${definition.name}.${randomBytes(3).toString('hex')}`,
        bindings: ['sg.orders.paid'],
        handle: async (envelope, market) => (envelope.data.number === number ? definition.handle(envelope, market) : undefined),
      })
      cleanup(() => consumer.close())
    }
    await drain(new OutboxRelay(publisher, SHARDS))
    const reservedBefore = Number(before.reserved)
    await until(async () => Number((await market.table('stock_levels').where('sku_id', line.sku_id).first()).reserved) === reservedBefore - 1)

    // Sent again (a relay that crashed before marking it): no second effect.
    await market.table('outbox').where('routing_key', 'sg.orders.paid').whereRaw("JSON_EXTRACT(payload, '$.data.number') = ?", [number]).update({ published_at: null })
    await drain(new OutboxRelay(publisher, SHARDS))
    await new Promise((resolve) => setTimeout(resolve, 800))
    const after = await market.table('stock_levels').where('sku_id', line.sku_id).first()
    assert.deepEqual([Number(after.available), Number(after.reserved)], [Number(before.available), reservedBefore - 1])
    await until(async () => Number((await market.table('products').where('public_id', line.product_public_id).first()).sold_count) === soldBefore + 1)
    await new Promise((resolve) => setTimeout(resolve, 300))
    assert.equal(Number((await market.table('products').where('public_id', line.product_public_id).first()).sold_count), soldBefore + 1)
  }).timeout(45_000)
})

test.group('Worker leases', () => {
  test('a periodic job runs once per period however many workers ask at once', async ({ assert }) => {
    const name = `test-${randomUUID()}`
    let runs = 0
    const job = async () => ++runs
    const attempts = await Promise.all(Array.from({ length: 6 }, () => oncePerPeriod(name, 400, job)))
    assert.equal(attempts.filter((attempt) => attempt.ran).length, 1)
    assert.equal(runs, 1)
    assert.isFalse((await oncePerPeriod(name, 400, job)).ran)
    await new Promise((resolve) => setTimeout(resolve, 450))
    assert.isTrue((await oncePerPeriod(name, 400, job)).ran)
    assert.equal(runs, 2)
  })
})

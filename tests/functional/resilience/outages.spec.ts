import { test } from '@japa/runner'
import type { ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { client as clientAt, startInstance, stopInstance } from '#tests/support/api_client'
import { PASSWORD, STAFF_HOST, accountFactory, hostOf, marketContext, staffWithSession, uniqueIp } from '#tests/support/identity'
import { categoryTree, productFactory } from '#tests/support/catalog'
import { RedisServer, TcpGate, until } from '#tests/support/outside'
import { spawnApp, stop } from '#tests/support/processes'
import { OrderService } from '#orders/services/order_service'
import { OrderPlacement } from '#orders/services/order_placement'

/** Paid orders of a fresh SG product: their `orders.paid` events are what a worker must deliver. */
async function paidOrders(count: number) {
  const tree = await categoryTree('SG')
  const { product, market } = await productFactory('SG', { category: tree.tshirts.slug, prices: [1990], stock: 100 })
  const sku = (await market.table('skus').where('product_id', product.id).first()).public_id
  const buyer = await accountFactory('SG', 'buyer')
  const numbers: string[] = []
  for (let i = 0; i < count; i++) {
    const placed = await new OrderPlacement().place(market, buyer.account, { lines: [{ sku, quantity: 1 }] }, randomUUID())
    const number = (placed.body as any).data.orders[0].number as string
    await new OrderService().markPaid(market, number, { type: 'system', id: null })
    numbers.push(number)
  }
  return { market, numbers }
}

/** How many times the worker's stock consumer applied each order's `orders.paid`. */
async function applied(market: Awaited<ReturnType<typeof marketContext>>, numbers: string[]) {
  const events = await market.table('outbox').where('routing_key', 'sg.orders.paid').select('message_id', 'payload')
  const ids = events.filter((event) => numbers.includes((typeof event.payload === "string" ? JSON.parse(event.payload) : event.payload).data.number)).map((event) => event.message_id)
  const rows = await market.db.from('processed_messages').where('consumer', 'inventory.commit-paid-stock').whereIn('message_id', ids).select('message_id')
  return { events: ids.length, applied: rows.length, distinct: new Set(rows.map((row) => row.message_id)).size }
}

test.group('Outage: Redis down', (group) => {
  const redis = new RedisServer(6391)
  let instance: ChildProcess
  const api = clientAt('http://127.0.0.1:3351')

  group.setup(async () => {
    await redis.start()
    instance = await startInstance(3351, { REDIS_PORT: '6391' })
  })
  group.teardown(async () => {
    await stopInstance(instance)
    await redis.stop()
  })

  test('signed-in buyers keep buying, flash sales and sign-in refuse with a 503 naming Redis, nothing hangs; all resumes when Redis returns', async ({ assert }) => {
    const tree = await categoryTree('SG')
    const normal = await productFactory('SG', { category: tree.tshirts.slug, prices: [1990], stock: 50 })
    const flash = await productFactory('SG', { category: tree.tshirts.slug, prices: [5990], stock: 50 })
    const skuOf = async (made: typeof normal) => (await made.market.table('skus').where('product_id', made.product.id).first()).public_id as string
    const [normalSku, flashSku] = [await skuOf(normal), await skuOf(flash)]
    const { email } = await accountFactory('SG', 'buyer')
    const login = () => api.post('/api/v1/auth/login').header('Host', hostOf('SG')).header('X-Forwarded-For', uniqueIp()).json({ email, password: PASSWORD })
    const tokenA = (await login()).body().data.token.value as string
    const tokenB = (await login()).body().data.token.value as string
    const ops = await staffWithSession(api, [{ role: 'ops', markets: ['SG'] }])
    const sale = await api
      .post('/api/v1/ops/markets/SG/flash-sales')
      .header('Host', STAFF_HOST)
      .bearerToken(ops.token)
      .json({ sku: flashSku, startsAt: new Date(Date.now() - 60_000).toISOString(), endsAt: new Date(Date.now() + 3_600_000).toISOString(), price: { amount: 990, currency: 'SGD' }, stock: 5, perBuyerLimit: 1 })
    sale.assertStatus(201)
    ;(await api.get('/api/v1/me').header('Host', hostOf('SG')).bearerToken(tokenA)).assertStatus(200)

    await redis.stop()
    const timed = async (label: string, request: any) => {
      const started = Date.now()
      const response = await request
      assert.isBelow(Date.now() - started, 2500, `${label} answered within 2.5 s`)
      return response
    }
    const order = (token: string, sku: string) =>
      api.post('/api/v1/orders').header('Host', hostOf('SG')).header('Idempotency-Key', randomUUID()).bearerToken(token).json({ lines: [{ sku, quantity: 1 }] })
    ;(await timed('GET /me, cached session', api.get('/api/v1/me').header('Host', hostOf('SG')).bearerToken(tokenA))).assertStatus(200)
    ;(await timed('GET /me, session from the shard', api.get('/api/v1/me').header('Host', hostOf('SG')).bearerToken(tokenB))).assertStatus(200)
    ;(await timed('cart add', api.post('/api/v1/cart/lines').header('Host', hostOf('SG')).bearerToken(tokenB).json({ sku: normalSku, quantity: 1 }))).assertStatus(201)
    ;(await timed('quote', api.post('/api/v1/checkout/quote').header('Host', hostOf('SG')).bearerToken(tokenB).json({ lines: [{ sku: normalSku, quantity: 1 }] }))).assertStatus(200)
    ;(await timed('order', order(tokenB, normalSku))).assertStatus(201)
    const refused = await timed('flash order', order(tokenA, flashSku))
    refused.assertStatus(503)
    assert.equal(refused.body().error.code, 'E_DEPENDENCY_UNAVAILABLE')
    assert.include(refused.body().error.message, 'Redis')
    const signIn = await timed('sign-in', login())
    signIn.assertStatus(503)
    assert.equal(signIn.body().error.code, 'E_DEPENDENCY_UNAVAILABLE')
    const thai = await timed('sign-in in Thai', api.post('/api/v1/auth/login').header('Host', hostOf('TH')).header('X-Forwarded-For', uniqueIp()).json({ email, password: PASSWORD }))
    assert.match(thai.body().error.message, /[\u0E00-\u0E7F]/)
    const salesBefore = await normal.market.table('flash_sales').count('* as n').first()
    const schedule = await timed(
      'flash-sale scheduling',
      api
        .post('/api/v1/ops/markets/SG/flash-sales')
        .header('Host', STAFF_HOST)
        .bearerToken(ops.token)
        .json({ sku: normalSku, startsAt: new Date().toISOString(), endsAt: new Date(Date.now() + 3_600_000).toISOString(), price: { amount: 990, currency: 'SGD' }, stock: 5, perBuyerLimit: 1 })
    )
    schedule.assertStatus(503)
    assert.equal(schedule.body().error.code, 'E_DEPENDENCY_UNAVAILABLE')
    assert.deepEqual(await normal.market.table('flash_sales').count('* as n').first(), salesBefore, 'no half-scheduled sale')
    ;(await timed('product listing', api.get('/api/v1/products').header('Host', hostOf('SG')))).assertStatus(200)
    ;(await timed('product detail', api.get(`/api/v1/products/${normal.product.publicId}`).header('Host', hostOf('SG')))).assertStatus(200)

    // Redis back (empty, as after a crash): sign-in and its lock-out work again, no restart.
    await redis.start()
    await until(async () => (await login()).status() === 200, 15_000, 'sign-in did not come back')
    const wrong = () => api.post('/api/v1/auth/login').header('Host', hostOf('SG')).header('X-Forwarded-For', uniqueIp()).json({ email, password: 'not the password' })
    for (let i = 0; i < 5; i++) (await wrong()).assertStatus(401)
    ;(await wrong()).assertStatus(429)
  }).timeout(120_000)
})

test.group('Outage: RabbitMQ down', () => {
  test('a worker started while the broker is unreachable keeps running and delivers every event once it comes up, and again after it restarts', async ({ assert }) => {
    const gate = new TcpGate(5699, 5672)
    const worker = spawnApp(['ace', 'worker', '--poll-ms=100'], { RABBITMQ_URL: 'amqp://guest:guest@127.0.0.1:5699' })
    try {
      await until(() => /RabbitMQ not ready/.test(worker.output()), 20_000, 'the worker did not report the broker as not ready')
      const { market, numbers } = await paidOrders(3)
      await new Promise((resolve) => setTimeout(resolve, 1000))
      assert.isNull(worker.child.exitCode, 'the worker is still running')

      await gate.open()
      await until(async () => (await applied(market, numbers)).applied === 3, 30_000, 'events were not delivered after the broker came up')
      assert.deepEqual(await applied(market, numbers), { events: 3, applied: 3, distinct: 3 })
      // The side queues are declared on the next try of its back-off (consumers may already run): soon, not necessarily yet.
      await until(() => /RabbitMQ topology declared/.test(worker.output()), 30_000, 'the topology was not declared after the broker came up')

      // The broker goes away and comes back: the worker reconnects by itself.
      await gate.close()
      const later = await paidOrders(2)
      await new Promise((resolve) => setTimeout(resolve, 1500))
      await gate.open()
      await until(async () => (await applied(later.market, later.numbers)).applied === 2, 30_000, 'events were not delivered after the broker restarted')
      assert.deepEqual(await applied(later.market, later.numbers), { events: 2, applied: 2, distinct: 2 })
    } finally {
      await stop(worker.child)
      await gate.close()
    }
  }).timeout(120_000)
})

test.group('Supervision: npm start', () => {
  test('a worker killed with SIGKILL is started again and events still arrive; SIGTERM stops both', async ({ assert }) => {
    const supervisor = spawnApp(['--import=@poppinss/ts-exec', 'bin/supervise.ts'], { PORT: '3353', LOG_LEVEL: 'warn' })
    try {
      await until(() => /worker started \(pid (\d+)\)/.test(supervisor.output()) && /web started/.test(supervisor.output()), 30_000, 'the supervisor did not start both')
      const first = Number(/worker started \(pid (\d+)\)/.exec(supervisor.output())![1])
      await until(async () => (await fetch('http://127.0.0.1:3353/health/live').catch(() => null))?.ok ?? false, 60_000, 'the web process did not answer')
      process.kill(first, 'SIGKILL')
      await until(() => /worker exited \(signal SIGKILL\); restarting/.test(supervisor.output()), 10_000, 'the supervisor did not see the worker die')
      await until(() => (supervisor.output().match(/worker started \(pid (\d+)\)/g) ?? []).length === 2, 20_000, 'the worker was not restarted')
      const second = Number([...supervisor.output().matchAll(/worker started \(pid (\d+)\)/g)][1][1])
      assert.notEqual(second, first)

      const { market, numbers } = await paidOrders(2)
      await until(async () => (await applied(market, numbers)).applied === 2, 40_000, 'events did not arrive through the restarted worker')
      assert.deepEqual(await applied(market, numbers), { events: 2, applied: 2, distinct: 2 })
    } finally {
      const code = await stop(supervisor.child)
      assert.equal(code, 0, `the supervisor stops cleanly:\n${supervisor.output().slice(-2000)}`)
      assert.match(supervisor.output(), /web stopped/)
      assert.match(supervisor.output(), /worker stopped/)
    }
  }).timeout(150_000)
})

test.group('Outage: the cache bus', () => {
  test('with Redis unreachable the bus publisher fails fast and its subscription waits instead of crashing the process; both work once Redis is up', async ({ assert }) => {
    const { OutageSafeRedisTransport } = await import('#cache/redis_bus')
    const redis = new RedisServer(6392)
    const options = { host: '127.0.0.1', port: 6392, retryStrategy: () => 100, connectTimeout: 300 }
    const listener = new OutageSafeRedisTransport(options).setId('listener')
    const speaker = new OutageSafeRedisTransport(options).setId('speaker')
    try {
      const received: unknown[] = []
      let settled = false
      const subscribed = listener.subscribe('pasar:test-bus', (payload) => received.push(payload)).finally(() => (settled = true))
      const started = Date.now()
      await assert.rejects(() => speaker.publish('pasar:test-bus', { keys: ['x'] }))
      assert.isBelow(Date.now() - started, 1500, 'a publish fails within the command timeout')
      await new Promise((resolve) => setTimeout(resolve, 2000))
      assert.isFalse(settled, 'the subscription is still waiting, not rejected')

      await redis.start()
      await subscribed
      await until(async () => {
        await speaker.publish('pasar:test-bus', { keys: ['x'] }).catch(() => {})
        return received.length > 0
      }, 10_000, 'no message went through the bus')
      assert.deepEqual(received[0], { keys: ['x'] })
    } finally {
      await listener.disconnect()
      await speaker.disconnect()
      await redis.stop()
    }
  }).timeout(30_000)
})

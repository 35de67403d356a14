import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import { accountFactory, hostOf } from '#tests/support/identity'
import { categoryTree, productFactory } from '#tests/support/catalog'
import { OrderService } from '#orders/services/order_service'
import { OrderPlacement } from '#orders/services/order_placement'
import { MAX_IN_FLIGHT, OrderWriter, type DraftedCheckout } from '#orders/services/order_writer'
import { priceCheckout } from '#orders/services/checkout_pricing'
import { orderWriteCounts } from '#metrics/order_metrics'

async function skuOf(market: any, productId: number) {
  return (await market.table('skus').where('product_id', productId).orderBy('id').first()).public_id as string
}

async function level(market: any, skuPublicId: string) {
  const row = await market.table('stock_levels as l').join('skus as s', 's.id', 'l.sku_id').where('s.public_id', skuPublicId).select('l.available', 'l.reserved').first()
  return { available: Number(row.available), reserved: Number(row.reserved) }
}

test.group('Checkout and orders', (group) => {
  let tree: Awaited<ReturnType<typeof categoryTree>>
  group.setup(async () => {
    tree = await categoryTree('SG')
  })

  const place = (client: any, token: string, body: Record<string, unknown>, key: string | null = randomUUID()) => {
    let call = client.post('/api/v1/orders').header('Host', hostOf('SG')).bearerToken(token)
    if (key !== null) call = call.header('Idempotency-Key', key)
    return call.json(body)
  }

  test('a quote splits parcels per seller, with GST inside the price and shipping per parcel', async ({ client, assert }) => {
    const a = await productFactory('SG', { category: tree.tshirts.slug, prices: [1090], stock: 5 })
    const b = await productFactory('SG', { category: tree.tshirts.slug, prices: [5000], stock: 5 })
    const buyer = await accountFactory('SG', 'buyer')
    const response = await client
      .post('/api/v1/checkout/quote')
      .header('Host', hostOf('SG'))
      .bearerToken(buyer.token)
      .json({ lines: [{ sku: await skuOf(a.market, a.product.id), quantity: 2 }, { sku: await skuOf(b.market, b.product.id), quantity: 1 }] })
    response.assertStatus(200)
    const quote = response.body().data
    assert.lengthOf(quote.parcels, 2)
    const [first, second] = quote.parcels
    // 2 × S$10.90 = S$21.80 holds 21.80 × 9/109 = S$1.80 of GST.
    assert.deepEqual([first.goods.gross.amount, first.goods.tax.amount, first.goods.net.amount], [2180, 180, 2000])
    assert.equal(first.lines[0].taxRate.rate, 9)
    const sum = quote.parcels.reduce((total: number, parcel: any) => total + parcel.total.amount, 0)
    assert.equal(quote.total.amount, sum)
    assert.equal(first.total.amount, first.goods.gross.amount + first.shipping.fee.amount)
    assert.equal(second.goods.gross.amount, 5000)
    assert.equal(quote.total.formatted.replace(/\s/g, ' ').startsWith('$'), true)
  })

  test('placing an order: one order per seller, stock reserved, cart emptied, events in the outbox', async ({ client, assert }) => {
    const a = await productFactory('SG', { category: tree.tshirts.slug, prices: [1990], stock: 5 })
    const b = await productFactory('SG', { category: tree.women.slug, prices: [2990], stock: 5 })
    const buyer = await accountFactory('SG', 'buyer')
    const skuA = await skuOf(a.market, a.product.id)
    const skuB = await skuOf(b.market, b.product.id)
    await client.post('/api/v1/cart/lines').header('Host', hostOf('SG')).bearerToken(buyer.token).json({ sku: skuA, quantity: 2 })
    await client.post('/api/v1/cart/lines').header('Host', hostOf('SG')).bearerToken(buyer.token).json({ sku: skuB, quantity: 1 })

    const response = await place(client, buyer.token, {})
    response.assertStatus(201)
    const orders = response.body().data.orders
    assert.lengthOf(orders, 2)
    assert.isTrue(orders.every((order: any) => order.status === 'pending_payment' && /^SG-/.test(order.number)))
    assert.deepEqual(await level(a.market, skuA), { available: 3, reserved: 2 })
    assert.deepEqual(await level(b.market, skuB), { available: 4, reserved: 1 })
    const cart = await client.get('/api/v1/cart').header('Host', hostOf('SG')).bearerToken(buyer.token)
    assert.deepEqual(cart.body().data.lines, [])
    const line = orders.find((order: any) => order.lines[0].sku === skuA).lines[0]
    assert.deepEqual([line.unitPrice.amount, line.quantity, line.taxRate.rate, line.taxRate.effectiveFrom], [1990, 2, 9, '2024-01-01'])
    const events = await a.market.table('outbox').where('correlation_id', response.body().data.checkoutId).orderBy('id')
    assert.deepEqual(events.map((event: any) => event.routing_key), ['sg.orders.placed', 'sg.orders.placed'])
    const envelope = typeof events[0].payload === 'string' ? JSON.parse(events[0].payload) : events[0].payload
    assert.deepEqual([envelope.type, envelope.version, envelope.market], ['orders.placed', 1, 'SG'])
    assert.isNull(events[0].published_at)
  })

  test('what POST /orders answers is exactly what the stored orders show', async ({ client, assert }) => {
    const a = await productFactory('SG', { category: tree.tshirts.slug, prices: [1995], stock: 5 })
    const b = await productFactory('SG', { category: tree.women.slug, prices: [12345], stock: 5 })
    const buyer = await accountFactory('SG', 'buyer')
    const lines = [
      { sku: await skuOf(a.market, a.product.id), quantity: 3 },
      { sku: await skuOf(b.market, b.product.id), quantity: 1 },
    ]
    const placed = await place(client, buyer.token, { lines, paymentGateway: 'card', courier: 'jnt' })
    placed.assertStatus(201)
    assert.lengthOf(placed.body().data.orders, 2)
    for (const order of placed.body().data.orders) {
      const stored = await client.get(`/api/v1/orders/${order.number}`).header('Host', hostOf('SG')).bearerToken(buyer.token)
      stored.assertStatus(200)
      assert.deepEqual(stored.body().data, order)
    }
  })

  test('the same key and body return the same response; a different body is 422', async ({ client, assert }) => {
    const { product, market } = await productFactory('SG', { category: tree.tshirts.slug, prices: [1990], stock: 5 })
    const buyer = await accountFactory('SG', 'buyer')
    const sku = await skuOf(market, product.id)
    const key = randomUUID()
    const first = await place(client, buyer.token, { lines: [{ sku, quantity: 1 }] }, key)
    const again = await place(client, buyer.token, { lines: [{ quantity: 1, sku }] }, key)
    first.assertStatus(201)
    again.assertStatus(201)
    assert.deepEqual(again.body(), first.body())
    const other = await place(client, buyer.token, { lines: [{ sku, quantity: 2 }] }, key)
    other.assertStatus(422)
    assert.deepEqual(other.body().error.fields.map((f: any) => f.field), ['Idempotency-Key'])
    const count = await market.table('orders').where('buyer_id', buyer.account.id).count('* as n').first()
    assert.equal(Number(count.n), 1)
    assert.deepEqual(await level(market, sku), { available: 4, reserved: 1 })
  })

  test('20 parallel requests with one key make exactly one order', async ({ client, assert }) => {
    const { product, market } = await productFactory('SG', { category: tree.tshirts.slug, prices: [1990], stock: 50 })
    const buyer = await accountFactory('SG', 'buyer')
    const sku = await skuOf(market, product.id)
    const key = randomUUID()
    const responses = await Promise.all(Array.from({ length: 20 }, () => place(client, buyer.token, { lines: [{ sku, quantity: 1 }] }, key)))
    assert.isTrue(responses.every((response) => response.status() === 201), responses.map((r) => r.status()).join(','))
    const numbers = new Set(responses.map((response) => response.body().data.orders[0].number))
    assert.equal(numbers.size, 1)
    const count = await market.table('orders').where('buyer_id', buyer.account.id).count('* as n').first()
    assert.equal(Number(count.n), 1)
    assert.deepEqual(await level(market, sku), { available: 49, reserved: 1 })
  }).timeout(30_000)

  test('not enough stock: 409 naming the SKU, and nothing is written', async ({ client, assert }) => {
    const a = await productFactory('SG', { category: tree.tshirts.slug, prices: [1990], stock: 10 })
    const b = await productFactory('SG', { category: tree.tshirts.slug, prices: [2990], stock: 1 })
    const buyer = await accountFactory('SG', 'buyer')
    const skuA = await skuOf(a.market, a.product.id)
    const skuB = await skuOf(b.market, b.product.id)
    const response = await place(client, buyer.token, { lines: [{ sku: skuA, quantity: 3 }, { sku: skuB, quantity: 2 }] })
    response.assertStatus(409)
    assert.equal(response.body().error.code, 'E_INSUFFICIENT_STOCK')
    assert.equal(response.body().error.sku, skuB)
    assert.include(response.body().error.message, skuB)
    assert.deepEqual(await level(a.market, skuA), { available: 10, reserved: 0 })
    const orders = await a.market.table('orders').where('buyer_id', buyer.account.id)
    assert.lengthOf(orders, 0)
  })

  test('bad checkout input is 422 naming each field; a missing key is refused', async ({ client, assert }) => {
    const buyer = await accountFactory('SG', 'buyer')
    const noKey = await place(client, buyer.token, { lines: [] }, null)
    noKey.assertStatus(422)
    assert.deepEqual(noKey.body().error.fields.map((f: any) => f.field), ['idempotency-key'])
    const bad = await place(client, buyer.token, { lines: [{ sku: 'nope', quantity: 0 }], courier: 'Pigeon!', paymentGateway: 7 })
    bad.assertStatus(422)
    assert.sameMembers(bad.body().error.fields.map((f: any) => f.field), ['lines.0.sku', 'lines.0.quantity', 'courier', 'paymentGateway'])
    const unknown = await place(client, buyer.token, { lines: [{ sku: 'SG-01ARZ3NDEKTSV4RRFFQ69G5FAV', quantity: 1 }], courier: 'pigeon_post' })
    assert.equal(unknown.status(), 422)
    const orders = await (await import('#tests/support/identity')).marketContext('SG').then((m) => m.db.from('orders').where('buyer_id', buyer.account.id))
    assert.lengthOf(orders, 0)
  })

  test('a buyer cancels an unpaid order: stock released, history kept, a second cancel is 409', async ({ client, assert }) => {
    const { product, market } = await productFactory('SG', { category: tree.tshirts.slug, prices: [1990], stock: 5 })
    const buyer = await accountFactory('SG', 'buyer')
    const sku = await skuOf(market, product.id)
    const number = (await place(client, buyer.token, { lines: [{ sku, quantity: 2 }] })).body().data.orders[0].number
    const cancelled = await client.post(`/api/v1/orders/${number}/cancel`).header('Host', hostOf('SG')).bearerToken(buyer.token)
    cancelled.assertStatus(200)
    assert.equal(cancelled.body().data.status, 'cancelled')
    assert.deepEqual(cancelled.body().data.history.map((h: any) => [h.from, h.to]), [[null, 'pending_payment'], ['pending_payment', 'cancelled']])
    assert.deepEqual(await level(market, sku), { available: 5, reserved: 0 })
    const again = await client.post(`/api/v1/orders/${number}/cancel`).header('Host', hostOf('SG')).bearerToken(buyer.token)
    again.assertStatus(409)
    assert.equal(again.body().error.code, 'E_ILLEGAL_TRANSITION')
    const other = await accountFactory('SG', 'buyer')
    ;(await client.get(`/api/v1/orders/${number}`).header('Host', hostOf('SG')).bearerToken(other.token)).assertStatus(404)
  })

  test('unpaid orders past the payment window are cancelled and their stock released', async ({ client, assert }) => {
    const { product, market } = await productFactory('SG', { category: tree.tshirts.slug, prices: [1990], stock: 3 })
    const buyer = await accountFactory('SG', 'buyer')
    const sku = await skuOf(market, product.id)
    const number = (await place(client, buyer.token, { lines: [{ sku, quantity: 3 }] })).body().data.orders[0].number
    assert.deepEqual(await level(market, sku), { available: 0, reserved: 3 })
    const windowMinutes = market.config.payments.paymentWindowMinutes
    await new OrderService().expireUnpaid(market, new Date(Date.now() + (windowMinutes - 1) * 60_000))
    assert.equal((await market.table('orders').where('number', number).first()).status, 'pending_payment')
    // Other tests' unpaid orders may come first: scan until nothing is left.
    let expired = 0
    for (let batch; (batch = await new OrderService().expireUnpaid(market, new Date(Date.now() + (windowMinutes + 1) * 60_000))) > 0; ) expired += batch
    assert.isAtLeast(expired, 1)
    assert.equal((await market.table('orders').where('number', number).first()).status, 'cancelled')
    assert.deepEqual(await level(market, sku), { available: 3, reserved: 0 })
    const detail = await client.get(`/api/v1/products/${product.publicId}`).header('Host', hostOf('SG'))
    assert.equal(detail.body().data.skus[0].stock.status, 'in_stock')
  })

  test('an expiry scan stops between orders when its worker is stopping', async ({ client, assert }) => {
    const { product, market } = await productFactory('SG', { category: tree.tshirts.slug, prices: [1990], stock: 10 })
    const buyer = await accountFactory('SG', 'buyer')
    const sku = await skuOf(market, product.id)
    const later = new Date(Date.now() + (market.config.payments.paymentWindowMinutes + 1) * 60_000)
    // Other tests' unpaid orders out of the way first.
    while ((await new OrderService().expireUnpaid(market, later)) > 0) {}
    for (let i = 0; i < 3; i++) (await place(client, buyer.token, { lines: [{ sku, quantity: 1 }] })).assertStatus(201)
    let asked = 0
    const cancelled = await new OrderService().expireUnpaid(market, later, 100, () => ++asked <= 1)
    assert.equal(cancelled, 1)
    const statuses = await market.table('orders').where('buyer_id', buyer.account.id).select('status')
    assert.sameMembers(statuses.map((row: any) => row.status), ['cancelled', 'pending_payment', 'pending_payment'])
    assert.deepEqual(await level(market, sku), { available: 8, reserved: 2 })
  })

  test("a buyer gets the market's checkouts per minute; retries of one key count once", async ({ client, assert }) => {
    const { product, market } = await productFactory('SG', { category: tree.tshirts.slug, prices: [1990], stock: 100 })
    const buyer = await accountFactory('SG', 'buyer')
    const sku = await skuOf(market, product.id)
    const budget = market.limits.checkoutPerMinute
    const keys = Array.from({ length: budget }, () => randomUUID())
    for (const key of keys) (await place(client, buyer.token, { lines: [{ sku, quantity: 1 }] }, key)).assertStatus(201)
    // Retries of an accepted checkout still answer; they are not new checkouts.
    ;(await place(client, buyer.token, { lines: [{ sku, quantity: 1 }] }, keys[0])).assertStatus(201)
    const over = await place(client, buyer.token, { lines: [{ sku, quantity: 1 }] })
    over.assertStatus(429)
    assert.isAbove(Number(over.header('retry-after')), 0)
    assert.equal(Number((await market.table('orders').where('buyer_id', buyer.account.id).count('* as n').first()).n), budget)
    // Another buyer is not affected.
    const other = await accountFactory('SG', 'buyer')
    ;(await place(client, other.token, { lines: [{ sku, quantity: 1 }] })).assertStatus(201)
  })

  test("a buyer pages through their own orders, newest first", async ({ client, assert }) => {
    const { product, market } = await productFactory('SG', { category: tree.tshirts.slug, prices: [1990], stock: 10 })
    const buyer = await accountFactory('SG', 'buyer')
    const sku = await skuOf(market, product.id)
    const first = (await place(client, buyer.token, { lines: [{ sku, quantity: 1 }] })).body().data.orders[0].number
    const second = (await place(client, buyer.token, { lines: [{ sku, quantity: 2 }] })).body().data.orders[0].number
    const page1 = await client.get('/api/v1/orders?limit=1').header('Host', hostOf('SG')).bearerToken(buyer.token)
    const page2 = await client.get(`/api/v1/orders?limit=1&cursor=${page1.body().meta.nextCursor}`).header('Host', hostOf('SG')).bearerToken(buyer.token)
    assert.deepEqual([page1.body().data[0].number, page2.body().data[0].number], [second, first])
    assert.isNull(page2.body().meta.nextCursor)
    const bad = await client.get('/api/v1/orders?limit=0&cursor=%24%24').header('Host', hostOf('SG')).bearerToken(buyer.token)
    assert.sameMembers(bad.body().error.fields.map((f: any) => f.field), ['limit', 'cursor'])
  })
})

test.group('Order writer: group commit', () => {
  async function drafts(code: string, count: number, stock: number) {
    const tree = await categoryTree(code)
    const { product, market } = await productFactory(code, { category: tree.tshirts.slug, prices: [1990], stock })
    const sku = await skuOf(market, product.id)
    const placement = new OrderPlacement()
    const people = await Promise.all(Array.from({ length: count }, () => accountFactory(code, 'buyer')))
    const quote = await priceCheckout(market, { lines: [{ sku, quantity: 1 }] })
    const draft = (buyer: (typeof people)[number], key: string): DraftedCheckout => {
      const { parts, now } = placement.draft(market, buyer.account, quote)
      const idempotencyKey = { buyer_id: buyer.account.id, idempotency_key: key, request_hash: 'h', response_status: 201, response_body: '{}', created_at: now }
      return { ...parts, idempotencyKey }
    }
    return { market, sku, people, draft }
  }

  test('checkouts that arrive while transactions run are written together in the next one', async ({ assert }) => {
    const { market, sku, people, draft } = await drafts('SG', 10, 20)
    const before = await orderWriteCounts('SG')
    // The first ones start a transaction each at once (up to the in-flight
    // limit); the others queue behind them and go together.
    await Promise.all(people.map((person) => OrderWriter.write(market, draft(person, randomUUID()))))
    const after = await orderWriteCounts('SG')
    assert.equal((after.transactions.single ?? 0) - (before.transactions.single ?? 0), MAX_IN_FLIGHT)
    assert.equal((after.transactions.group ?? 0) - (before.transactions.group ?? 0), 1)
    assert.equal((after.checkouts.group ?? 0) - (before.checkouts.group ?? 0), 10 - MAX_IN_FLIGHT)
    assert.deepEqual(await level(market, sku), { available: 10, reserved: 10 })
    const orders = await market.table('orders').whereIn('buyer_id', people.map((person) => person.account.id))
    assert.lengthOf(orders, 10)
    const lines = await market.table('order_lines').whereIn('order_id', orders.map((order: any) => order.id))
    assert.lengthOf(lines, 10)
    assert.equal(Number((await market.table('outbox').where('routing_key', 'sg.orders.placed').whereIn('correlation_id', orders.map((order: any) => order.checkout_id)).count('* as n').first()).n), 10)
  })

  test('a group with one bad checkout is rolled back and each is written alone: only the bad one fails', async ({ assert }) => {
    const { market, sku, people, draft } = await drafts('SG', 4 + MAX_IN_FLIGHT, 20)
    const reused = randomUUID()
    const checkouts = [
      // Enough to take the in-flight slots, then the group.
      ...people.slice(4).map((person) => draft(person, randomUUID())),
      draft(people[0], randomUUID()),
      draft(people[1], reused),
      draft(people[2], randomUUID()),
      // The same buyer and key again: the unique index refuses it.
      draft(people[1], reused),
      draft(people[3], randomUUID()),
    ]
    const before = await orderWriteCounts('SG')
    const results = await Promise.allSettled(checkouts.map((checkout) => OrderWriter.write(market, checkout)))
    // The two checkouts with one key are written alone, at once: whichever reaches the unique index first wins, the other fails.
    const sameKey = [MAX_IN_FLIGHT + 1, MAX_IN_FLIGHT + 3]
    const rejected = results.flatMap((result, index) => (result.status === 'rejected' ? [index] : []))
    assert.lengthOf(rejected, 1)
    assert.include(sameKey, rejected[0])
    assert.equal(((results[rejected[0]] as PromiseRejectedResult).reason as { code?: string }).code, 'ER_DUP_ENTRY')
    const after = await orderWriteCounts('SG')
    assert.equal((after.transactions.fallback ?? 0) - (before.transactions.fallback ?? 0), 1)
    assert.deepEqual(await level(market, sku), { available: 20 - (MAX_IN_FLIGHT + 4), reserved: MAX_IN_FLIGHT + 4 })
    assert.equal(Number((await market.table('orders').whereIn('buyer_id', people.map((person) => person.account.id)).count('* as n').first()).n), MAX_IN_FLIGHT + 4)
  })

  test('a group short of stock as a whole still sells every unit there is, and not one more', async ({ assert }) => {
    const { market, sku, people, draft } = await drafts('SG', 6, 3)
    const results = await Promise.allSettled(people.map((person) => OrderWriter.write(market, draft(person, randomUUID()))))
    assert.equal(results.filter((result) => result.status === 'fulfilled').length, 3)
    for (const result of results.filter((candidate) => candidate.status === 'rejected') as PromiseRejectedResult[]) {
      assert.equal(result.reason.code, 'E_INSUFFICIENT_STOCK')
    }
    assert.deepEqual(await level(market, sku), { available: 0, reserved: 3 })
    assert.equal(Number((await market.table('orders').whereIn('buyer_id', people.map((person) => person.account.id)).count('* as n').first()).n), 3)
  })
})

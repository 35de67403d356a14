import { test } from '@japa/runner'
import { randomBytes, randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import redis from '@adonisjs/redis/services/main'
import { storefrontTokens } from '#identity/auth/user_providers'
import { FlashSaleService } from '#flash_sales/services/flash_sale_service'
import { FlashSaleGate } from '#flash_sales/services/flash_sale_gate'
import { InventoryService } from '#inventory/services/inventory_service'
import { STAFF_HOST, hostOf, marketContext, staffWithSession } from '#tests/support/identity'
import { categoryTree, productFactory } from '#tests/support/catalog'
import type { MarketContext } from '#markets/market_context'

/** Many buyers at once: rows and tokens written directly (hashing 250 passwords is not the point here). */
async function buyers(market: MarketContext, count: number) {
  const password = await hash.make('irrelevant password')
  const now = new Date()
  const tag = randomBytes(3).toString('hex')
  const rows = Array.from({ length: count }, (_, index) => ({
    public_id: market.publicId(),
    role: 'buyer',
    email: `flash.${tag}.${index}@example.com`,
    full_name: 'Flash Buyer',
    password,
    status: 'active',
    email_verified_at: now,
    created_at: now,
    updated_at: now,
  }))
  await market.insert('users', rows)
  const ids = await market.table('users').where('email', 'like', `flash.${tag}.%`).orderBy('id').select('id')
  const tokens = []
  for (const { id } of ids) tokens.push({ id: Number(id), token: (await storefrontTokens(market).create(Number(id), ['storefront'])).value!.release() })
  return tokens
}

/** Normal and flash prices per market (IDR is priced in whole rupiah: multiples of 100 minor units). */
const PRICES: Record<string, { normal: number; flash: number; currency: string }> = {
  SG: { normal: 5990, flash: 990, currency: 'SGD' },
  ID: { normal: 5_990_000, flash: 990_000, currency: 'IDR' },
}

async function flashSku(stock: number, saleStock: number, perBuyerLimit: number, window = { from: -60, to: 3600 }, code = 'SG') {
  const prices = PRICES[code]
  const tree = await categoryTree(code)
  const { product, market } = await productFactory(code, { category: tree.tshirts.slug, prices: [prices.normal], stock })
  const sku = await market.table('skus').where('product_id', product.id).first()
  const sale = await new FlashSaleService().schedule(market, 'STF-test', {
    sku: sku.public_id,
    startsAt: DateTime.utc().plus({ seconds: window.from }),
    endsAt: DateTime.utc().plus({ seconds: window.to }),
    price: { amount: prices.flash, currency: prices.currency },
    stock: saleStock,
    perBuyerLimit,
  })
  return { market, sku: sku.public_id as string, skuId: Number(sku.id), sale, product }
}

function buy(client: any, token: string, sku: string, quantity = 1, code = 'SG') {
  return client
    .post('/api/v1/orders')
    .header('Host', hostOf(code))
    .header('Idempotency-Key', randomUUID())
    .bearerToken(token)
    .json({ lines: [{ sku, quantity }] })
}

test.group('Flash sales', () => {
  test('500 concurrent requests from 250 buyers on 100 units: exactly 100 orders, no buyer over the limit', async ({ client, assert }) => {
    const { market, sku, skuId, sale } = await flashSku(300, 100, 1)
    const people = await buyers(market, 250)
    const responses = await Promise.all(people.flatMap((person) => [buy(client, person.token, sku), buy(client, person.token, sku)]))
    const statuses = responses.map((response) => response.status())
    assert.equal(statuses.filter((status) => status === 201).length, 100)
    assert.isTrue(statuses.every((status) => status === 201 || status === 409), [...new Set(statuses)].join(','))

    const lines = await market.table('order_lines as l').join('orders as o', 'o.id', 'l.order_id').where('l.flash_sale_id', sale.id).select('o.buyer_id', 'l.quantity', 'l.unit_price')
    assert.lengthOf(lines, 100)
    assert.isTrue(lines.every((line) => Number(line.unit_price) === 990), 'every unit sold at the flash price')
    const perBuyer = new Map<number, number>()
    for (const line of lines) perBuyer.set(Number(line.buyer_id), (perBuyer.get(Number(line.buyer_id)) ?? 0) + Number(line.quantity))
    assert.isTrue([...perBuyer.values()].every((quantity) => quantity <= 1))
    // Written in groups under this load: every order still has its own line,
    // history row and event, matched by id.
    const orderIds = await market.table('order_lines').where('flash_sale_id', sale.id).select('order_id')
    assert.equal(new Set(orderIds.map((row) => Number(row.order_id))).size, 100)
    const histories = await market.table('order_history').whereIn('order_id', orderIds.map((row) => row.order_id)).select('order_id')
    assert.equal(new Set(histories.map((row) => Number(row.order_id))).size, 100)
    assert.lengthOf(histories, 100)
    const numbers = await market.table('orders').whereIn('id', orderIds.map((row) => row.order_id)).select('number')
    const events = await market.table('outbox').where('routing_key', 'sg.orders.placed').select('payload')
    const announced = new Set(events.map((event) => (typeof event.payload === 'string' ? JSON.parse(event.payload) : event.payload).data.number))
    assert.isTrue(numbers.every((row) => announced.has(row.number)), 'every order announced')
    const level = await new InventoryService().levels(market, [skuId])
    assert.deepEqual(level.get(skuId), { available: 200, reserved: 100 })
    assert.equal(await new FlashSaleGate().remaining(market, sale), 0)
    const report = (await new FlashSaleService().reconcile(market)).find((line) => line.sale === sale.publicId)!
    assert.deepEqual([report.soldInMysql, report.leftInRedis, report.drift], [100, 0, 0])
  }).timeout(120_000)

  test('a retried flash order (same key) gets its 201 again, even once sold out; parallel copies never take a second unit', async ({ client, assert }) => {
    const { market, sku, sale } = await flashSku(10, 3, 1)
    const [first, second] = await buyers(market, 2)
    const order = (token: string, key: string) =>
      client.post('/api/v1/orders').header('Host', hostOf('SG')).header('Idempotency-Key', key).bearerToken(token).json({ lines: [{ sku, quantity: 1 }] })

    // 12 copies of one request at once: one order; the others answer with it
    // or say it is still in progress (409), none takes a unit of its own.
    const key = randomUUID()
    const copies = await Promise.all(Array.from({ length: 12 }, () => order(first.token, key)))
    const created = copies.filter((response) => response.status() === 201)
    assert.isAtLeast(created.length, 1)
    assert.equal(new Set(created.map((response) => response.body().data.orders[0].number)).size, 1)
    for (const response of copies.filter((candidate) => candidate.status() !== 201)) {
      assert.equal(response.status(), 409)
      assert.equal(response.body().error.code, 'E_IDEMPOTENCY_IN_PROGRESS')
    }
    assert.equal(await new FlashSaleGate().remaining(market, sale), 2)

    // The other units go; the sale is sold out.
    ;(await order(second.token, randomUUID())).assertStatus(201)
    const third = (await buyers(market, 1))[0]
    ;(await order(third.token, randomUUID())).assertStatus(201)
    assert.equal(await new FlashSaleGate().remaining(market, sale), 0)

    const retried = await order(first.token, key)
    retried.assertStatus(201)
    assert.deepEqual(retried.body(), created[0].body())
    const other = await order(first.token, randomUUID())
    other.assertStatus(409)
    assert.equal(other.body().error.code, 'E_FLASH_SALE_REFUSED')
    const sold = await market.table('order_lines').where('flash_sale_id', sale.id).count('* as n').first()
    assert.equal(Number(sold.n), 3)
  })

  test('a cancelled flash order puts its unit back on sale and back in the buyer allowance', async ({ client, assert }) => {
    const { market, sku, sale } = await flashSku(10, 2, 1)
    const [person, other] = await buyers(market, 2)
    const bought = await buy(client, person.token, sku)
    bought.assertStatus(201)
    assert.equal(await new FlashSaleGate().remaining(market, sale), 1)
    const number = bought.body().data.orders[0].number
    ;(await client.post(`/api/v1/orders/${number}/cancel`).header('Host', hostOf('SG')).bearerToken(person.token)).assertStatus(200)

    assert.equal(await new FlashSaleGate().remaining(market, sale), 2)
    assert.deepEqual(await new FlashSaleGate().buyers(market, sale), {})
    const report = (await new FlashSaleService().reconcile(market)).find((line) => line.sale === sale.publicId)!
    assert.deepEqual([report.soldInMysql, report.leftInRedis, report.drift], [0, 2, 0])
    // Both units can be sold again, one of them to the same buyer.
    ;(await buy(client, person.token, sku)).assertStatus(201)
    ;(await buy(client, other.token, sku)).assertStatus(201)
    assert.equal(await new FlashSaleGate().remaining(market, sale), 0)
  })

  test('one SKU on two lines is a 422 that touches nothing; a unit given back twice comes back once', async ({ client, assert }) => {
    const { market, sku, sale } = await flashSku(10, 3, 1)
    const [person] = await buyers(market, 1)
    const twice = await client
      .post('/api/v1/orders')
      .header('Host', hostOf('SG'))
      .header('Idempotency-Key', randomUUID())
      .bearerToken(person.token)
      .json({ lines: [{ sku, quantity: 1 }, { sku, quantity: 1 }] })
    twice.assertStatus(422)
    assert.deepEqual(twice.body().error.fields.map((field: any) => [field.field, field.rule]), [['lines', 'distinct']])
    assert.equal(await new FlashSaleGate().remaining(market, sale), 3)
    assert.deepEqual(await new FlashSaleGate().buyers(market, sale), {})

    const gate = new FlashSaleGate()
    const key = randomUUID()
    assert.equal(await gate.reserve(market, { ...sale, perBuyerLimit: 1 }, String(person.id), key, 1, sku), 2)
    await gate.giveBack(market, sale, String(person.id), key, 1)
    await gate.giveBack(market, sale, String(person.id), key, 1)
    assert.equal(await gate.remaining(market, sale), 3)
    assert.deepEqual(await gate.buyers(market, sale), {})
  })

  test('a failure after the Redis step gives the unit back', async ({ client, assert }) => {
    const { market, sku, skuId, sale } = await flashSku(5, 5, 2)
    // MySQL has less than the sale thinks: the order fails after Redis said yes.
    await new InventoryService().adjustStock(market, { id: skuId, publicId: sku }, { delta: -5, reason: 'correction' }, { type: 'system', id: null })
    const [person] = await buyers(market, 1)
    const response = await buy(client, person.token, sku)
    response.assertStatus(409)
    assert.equal(response.body().error.code, 'E_INSUFFICIENT_STOCK')
    assert.equal(await new FlashSaleGate().remaining(market, sale), 5)
    assert.deepEqual(await new FlashSaleGate().buyers(market, sale), {})
  })

  test('outside its window a flash sale sells nothing', async ({ client, assert }) => {
    const { market, sku } = await flashSku(10, 5, 1, { from: 3600, to: 7200 })
    const [person] = await buyers(market, 1)
    // Not started: the SKU sells at its normal price.
    const normal = await buy(client, person.token, sku)
    normal.assertStatus(201)
    assert.equal(normal.body().data.orders[0].lines[0].unitPrice.amount, 5990)
  })

  test('reconciliation finds counters lost in Redis and reloads them from MySQL', async ({ client, assert }) => {
    const { market, sku, sale } = await flashSku(20, 10, 3)
    const people = await buyers(market, 2)
    ;(await buy(client, people[0].token, sku, 2)).assertStatus(201)
    await redis.connection().del(market.key('flash', `{${sale.publicId}}`, 'stock'))
    const ours = <T extends { sale: string }>(report: T[]) => report.find((line) => line.sale === sale.publicId)!
    const lost = ours(await new FlashSaleService().reconcile(market))
    assert.deepEqual([lost.leftInRedis, lost.drift], [null, null])
    const fixed = ours(await new FlashSaleService().reconcile(market, true))
    assert.isTrue(fixed.fixed)
    assert.equal(await new FlashSaleGate().remaining(market, sale), 8)
    // The buyer who took 2 may take 1 more, not 2.
    ;(await buy(client, people[0].token, sku, 2)).assertStatus(409)
    ;(await buy(client, people[0].token, sku, 1)).assertStatus(201)
  })

  test('ops schedule a flash sale in their market; bad input names each field', async ({ client, assert }) => {
    const tree = await categoryTree('SG')
    const { product, market } = await productFactory('SG', { category: tree.tshirts.slug, prices: [5990], stock: 10 })
    const sku = (await market.table('skus').where('product_id', product.id).first()).public_id
    const ops = await staffWithSession(client, [{ role: 'ops', markets: ['SG'] }])
    const created = await client
      .post('/api/v1/ops/markets/SG/flash-sales')
      .header('Host', STAFF_HOST)
      .bearerToken(ops.token)
      .json({ sku, startsAt: '2026-12-12T12:00:00+08:00', endsAt: '2026-12-12T14:00', price: { amount: 1990, currency: 'SGD' }, stock: 5, perBuyerLimit: 1 })
    created.assertStatus(201)
    const listed = await client.get('/api/v1/ops/markets/SG/flash-sales').header('Host', STAFF_HOST).bearerToken(ops.token)
    const sale = listed.body().data.find((row: any) => row.id === created.body().data.id)
    // 14:00 without an offset is Singapore time: 06:00 UTC.
    assert.deepEqual([sale.startsAt, sale.endsAt], ['2026-12-12T04:00:00.000Z', '2026-12-12T06:00:00.000Z'])

    const bad = await client
      .post('/api/v1/ops/markets/SG/flash-sales')
      .header('Host', STAFF_HOST)
      .bearerToken(ops.token)
      .json({ sku: 'x', startsAt: 'soon', endsAt: 3, price: { amount: -1, currency: 'SGD' }, stock: 0, perBuyerLimit: 1000 })
    bad.assertStatus(422)
    assert.sameMembers(bad.body().error.fields.map((f: any) => f.field), ['sku', 'startsAt', 'endsAt', 'price.amount', 'stock', 'perBuyerLimit'])
    const tooMany = await client
      .post('/api/v1/ops/markets/SG/flash-sales')
      .header('Host', STAFF_HOST)
      .bearerToken(ops.token)
      .json({ sku, startsAt: '2026-12-12T12:00:00Z', endsAt: '2026-12-12T14:00:00Z', price: { amount: 1990, currency: 'SGD' }, stock: 500, perBuyerLimit: 1 })
    assert.deepEqual(tooMany.body().error.fields.map((f: any) => f.field), ['stock'])
  })
})

test.group('Flash sales across shards', () => {
  test('an SG sale and an ID sale with the same row id each sell exactly their own stock (their shards share one Redis)', async ({ client, assert }) => {
    const sg = await marketContext('SG')
    const id = await marketContext('ID')
    // Row ids are per shard (SG in sea-1, ID in sea-2): make the next sale of both the same id.
    const nextId = async (market: MarketContext) => {
      const [rows] = await market.db.rawQuery("SELECT AUTO_INCREMENT AS next FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'flash_sales'")
      return Number(rows[0].next ?? 1)
    }
    const next = Math.max(await nextId(sg), await nextId(id)) + 1
    for (const market of [sg, id]) await market.db.rawQuery(`ALTER TABLE flash_sales AUTO_INCREMENT = ${next}`)

    const a = await flashSku(100, 30, 1, undefined, 'SG')
    const b = await flashSku(100, 50, 1, undefined, 'ID')
    assert.equal(a.sale.id, b.sale.id, 'the two sales share a row id')

    const [sgBuyers, idBuyers] = await Promise.all([buyers(a.market, 200), buyers(b.market, 200)])
    const responses = await Promise.all([
      ...sgBuyers.map((person) => buy(client, person.token, a.sku, 1, 'SG').then((response: any) => ['SG', response.status()])),
      ...idBuyers.map((person) => buy(client, person.token, b.sku, 1, 'ID').then((response: any) => ['ID', response.status()])),
    ])
    const sold = (code: string) => responses.filter(([market, status]) => market === code && status === 201).length
    assert.deepEqual({ SG: sold('SG'), ID: sold('ID') }, { SG: 30, ID: 50 })
    assert.isTrue(responses.every(([, status]) => status === 201 || status === 409))

    for (const { market, sale, expected } of [
      { market: a.market, sale: a.sale, expected: 30 },
      { market: b.market, sale: b.sale, expected: 50 },
    ]) {
      const lines = await market.table('order_lines').where('flash_sale_id', sale.id).sum('quantity as units').first()
      assert.equal(Number(lines.units), expected, `${market.code} units sold at the flash price`)
      const report = (await new FlashSaleService().reconcile(market)).find((line) => line.sale === sale.publicId)!
      assert.deepEqual([report.soldInMysql, report.leftInRedis, report.drift], [expected, 0, 0], `${market.code} reconciliation`)
    }
  }).timeout(120_000)
})

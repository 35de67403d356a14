import { test } from '@japa/runner'
import type { ChildProcess } from 'node:child_process'
import { cacheCounts } from '#metrics/cache_metrics'
import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import { FlashSaleService } from '#flash_sales/services/flash_sale_service'
import { accountFactory, hostOf } from '#tests/support/identity'
import { categoryTree, productFactory } from '#tests/support/catalog'
import { client as clientAt, startInstance, stopInstance } from '#tests/support/api_client'

test.group('Catalog cache', (group) => {
  let other: ChildProcess
  const OTHER_PORT = 3336

  group.setup(async () => {
    other = await startInstance(OTHER_PORT)
    return () => stopInstance(other)
  })

  test('a price change made on one instance is visible at once on another sharing Redis', async ({ client, assert }) => {
    const { tshirts } = await categoryTree('MY')
    const { product, seller } = await productFactory('MY', { category: tshirts.slug, prices: [2990], stock: 5 })
    const elsewhere = clientAt(`http://127.0.0.1:${OTHER_PORT}`)
    const read = () => elsewhere.get(`/api/v1/products/${product.publicId}`).header('Host', hostOf('MY'))

    // Warm both cache levels of the other instance.
    assert.equal((await read()).body().data.skus[0].price.amount, 2990)
    assert.equal((await read()).body().data.skus[0].price.amount, 2990)

    const skuId = (await client.get(`/api/v1/seller/products/${product.publicId}`).header('Host', hostOf('MY')).bearerToken(seller.token)).body().data.skus[0].id
    const updated = await client
      .put(`/api/v1/seller/products/${product.publicId}`)
      .header('Host', hostOf('MY'))
      .bearerToken(seller.token)
      .json({ skus: [{ id: skuId, price: { amount: 2490, currency: 'MYR' } }] })
    updated.assertStatus(200)

    const after = await read()
    assert.equal(after.body().data.skus[0].price.amount, 2490)
    assert.equal(after.body().data.skus[0].price.formatted, 'RM\u00a024.90')
    const listing = await elsewhere.get(`/api/v1/products?category=${tshirts.slug}`).header('Host', hostOf('MY'))
    assert.equal(listing.body().data[0].price.min.amount, 2490)
  }).timeout(30_000)

  test('a flash sale scheduled on one instance prices orders at once on another', async ({ assert }) => {
    const { tshirts } = await categoryTree('SG')
    const { product, market } = await productFactory('SG', { category: tshirts.slug, prices: [5990], stock: 10 })
    const sku = (await market.db.from('skus').where('product_id', product.id).first()).public_id as string
    const buyer = await accountFactory('SG', 'buyer')
    const elsewhere = clientAt(`http://127.0.0.1:${OTHER_PORT}`)
    const order = () =>
      elsewhere.post('/api/v1/orders').header('Host', hostOf('SG')).header('Idempotency-Key', randomUUID()).bearerToken(buyer.token).json({ lines: [{ sku, quantity: 1 }] })

    // The other instance has looked the market's flash sales up (none).
    const before = await order()
    before.assertStatus(201)
    assert.equal(before.body().data.orders[0].lines[0].unitPrice.amount, 5990)

    await new FlashSaleService().schedule(market, 'STF-test', {
      sku,
      startsAt: DateTime.utc().minus({ minutes: 1 }),
      endsAt: DateTime.utc().plus({ hours: 1 }),
      price: { amount: 990, currency: 'SGD' },
      stock: 5,
      perBuyerLimit: 2,
    })
    const after = await order()
    after.assertStatus(201)
    assert.equal(after.body().data.orders[0].lines[0].unitPrice.amount, 990)
  }).timeout(30_000)

  test('cache hits and misses are counted', async ({ client, assert }) => {
    const { tshirts } = await categoryTree('TW')
    const { product } = await productFactory('TW', { category: tshirts.slug, prices: [29900] })
    const before = await cacheCounts()
    await client.get(`/api/v1/products/${product.publicId}`).header('Host', hostOf('TW'))
    await client.get(`/api/v1/products/${product.publicId}`).header('Host', hostOf('TW'))
    await client.get(`/api/v1/products/${product.publicId}`).header('Host', hostOf('TW'))
    const after = await cacheCounts()
    assert.equal(after.misses - before.misses, 1)
    assert.equal(after.hits - before.hits, 2)
  })

  test('with Redis down, reads fall back to the database: no 500', async ({ assert }) => {
    const { tshirts } = await categoryTree('PH')
    const { product } = await productFactory('PH', { category: tshirts.slug, prices: [49900] })
    const redisless = await startInstance(3337, { REDIS_PORT: '1' })
    try {
      const api = clientAt('http://127.0.0.1:3337')
      const started = Date.now()
      const detail = await api.get(`/api/v1/products/${product.publicId}`).header('Host', hostOf('PH'))
      detail.assertStatus(200)
      assert.equal(detail.body().data.id, product.publicId)
      const listing = await api.get(`/api/v1/products?category=${tshirts.slug}`).header('Host', hostOf('PH'))
      listing.assertStatus(200)
      assert.lengthOf(listing.body().data, 1)
      const categories = await api.get('/api/v1/categories').header('Host', hostOf('PH'))
      categories.assertStatus(200)
      assert.isBelow(Date.now() - started, 5000)
    } finally {
      await stopInstance(redisless)
    }
  }).timeout(60_000)
})

import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { accountFactory, hostOf, stateFingerprint } from '#tests/support/identity'
import { categoryTree, titlesFor } from '#tests/support/catalog'

async function catalogFingerprint(connection: string) {
  const [rows] = await db.connection(connection).rawQuery('CHECKSUM TABLE products, skus, stock_levels, stock_adjustments, search_documents')
  return `${await stateFingerprint()}|${rows.map((row: any) => row.Checksum).join(',')}`
}

test.group('Seller products', () => {
  test('a seller lists a product in the market currency; rows land in the market shard', async ({ client, assert }) => {
    const { tshirts, market } = await categoryTree('ID')
    const seller = await accountFactory('ID', 'seller')
    const response = await client
      .post('/api/v1/seller/products')
      .header('Host', hostOf('ID'))
      .bearerToken(seller.token)
      .json({
        category: tshirts.slug,
        titles: { 'id-ID': 'Kaos Polos Cotton Combed 30s', 'en-ID': 'Plain Cotton Combed 30s T-Shirt' },
        descriptions: { 'id-ID': 'Bahan adem, jahitan rapi.' },
        brand: 'Kaosku',
        images: ['https://img.example.com/kaos.jpg'],
        status: 'active',
        skus: [
          { sellerSku: 'KAOS-M', options: { Ukuran: 'M' }, price: { amount: 5_990_000, currency: 'IDR' }, weightGrams: 200, stock: 30 },
          { sellerSku: 'KAOS-XL', options: { Ukuran: 'XL' }, price: { amount: 6_490_000, currency: 'IDR' }, weightGrams: 220, stock: 0, taxCategory: 'standard' },
        ],
      })
    response.assertStatus(201)
    const data = response.body().data
    assert.match(data.id, /^ID-/)
    assert.deepEqual(data.skus.map((sku: any) => [sku.price.amount, sku.price.currency, sku.price.formatted]), [
      [5_990_000, 'IDR', 'Rp\u00a059.900'],
      [6_490_000, 'IDR', 'Rp\u00a064.900'],
    ])
    assert.deepEqual(data.skus.map((sku: any) => sku.stock.available), [30, 0])
    const row = await db.connection('sea-2').from('products').where('public_id', data.id).first()
    assert.equal(row.min_price, 5_990_000)
    assert.equal(row.max_price, 6_490_000)
    assert.isOk(row.in_stock)
    for (const other of ['sea-1', 'sea-3', 'ea-1', 'latam-1']) {
      assert.isNull(await db.connection(other).from('products').where('public_id', data.id).first(), other)
    }
    void market
  })

  test('bad prices, tax categories, currencies and locales are 422 naming each field; nothing written', async ({ client, assert }) => {
    const { tshirts } = await categoryTree('ID')
    const seller = await accountFactory('ID', 'seller')
    const before = await catalogFingerprint('sea-2')
    const response = await client
      .post('/api/v1/seller/products')
      .header('Host', hostOf('ID'))
      .bearerToken(seller.token)
      .json({
        category: tshirts.slug,
        titles: { 'en-ID': 'No Indonesian title', 'th-TH': 'ไม่ใช่' },
        skus: [
          { sellerSku: 'NEG', price: { amount: -100, currency: 'IDR' }, weightGrams: 100 },
          { sellerSku: 'DEC', price: { amount: 5_990_050, currency: 'IDR' }, weightGrams: 100 },
          { sellerSku: 'USD', price: { amount: 1000, currency: 'USD' }, weightGrams: 100 },
          { sellerSku: 'TAX', price: { amount: 1_000_000, currency: 'IDR' }, weightGrams: 100, taxCategory: 'luxury_yacht' },
          { sellerSku: 'FLOAT', price: { amount: 12.5, currency: 'IDR' }, weightGrams: 0 },
        ],
      })
    response.assertStatus(422)
    const fields = response.body().error.fields.map((field: any) => [field.field, field.rule])
    assert.includeDeepMembers(fields, [
      ['titles', 'locale'],
      ['skus.0.price.amount', 'min'],
      ['skus.1.price', 'priceDecimals'],
      ['skus.2.price', 'currency'],
      ['skus.3.taxCategory', 'taxCategory'],
      ['skus.4.price.amount', 'withoutDecimals'],
      ['skus.4.weightGrams', 'range'],
    ])
    assert.equal(await catalogFingerprint('sea-2'), before)
  })

  test('a product without the default-locale title or with an unknown category is refused', async ({ client, assert }) => {
    const seller = await accountFactory('SG', 'seller')
    const { tshirts } = await categoryTree('SG')
    const missingDefault = await client
      .post('/api/v1/seller/products')
      .header('Host', hostOf('SG'))
      .bearerToken(seller.token)
      .json({ category: tshirts.slug, titles: { 'zh-SG': '纯棉T恤' }, skus: [{ sellerSku: 'A', price: { amount: 1990, currency: 'SGD' }, weightGrams: 100 }] })
    assert.deepEqual(missingDefault.body().error.fields.map((field: any) => [field.field, field.rule]), [['titles', 'defaultLocale']])
    const unknown = await client
      .post('/api/v1/seller/products')
      .header('Host', hostOf('SG'))
      .bearerToken(seller.token)
      .json({ category: 'no-such-category', titles: { 'en-SG': 'Tee' }, skus: [{ sellerSku: 'A', price: { amount: 1990, currency: 'SGD' }, weightGrams: 100 }] })
    assert.deepEqual(unknown.body().error.fields.map((field: any) => [field.field, field.rule]), [['category', 'exists']])
  })

  test("a seller cannot see or change another seller's product: 404", async ({ client }) => {
    const { tshirts, market } = await categoryTree('TH')
    const owner = await accountFactory('TH', 'seller')
    const other = await accountFactory('TH', 'seller')
    const created = await client
      .post('/api/v1/seller/products')
      .header('Host', hostOf('TH'))
      .bearerToken(owner.token)
      .json({ category: tshirts.slug, titles: titlesFor(market, 'เสื้อยืดคอกลม'), skus: [{ sellerSku: 'A', price: { amount: 19900, currency: 'THB' }, weightGrams: 100, stock: 3 }] })
    created.assertStatus(201)
    const id = created.body().data.id
    const skuId = created.body().data.skus[0].id
    ;(await client.get(`/api/v1/seller/products/${id}`).header('Host', hostOf('TH')).bearerToken(other.token)).assertStatus(404)
    ;(await client.put(`/api/v1/seller/products/${id}`).header('Host', hostOf('TH')).bearerToken(other.token).json({ brand: 'Stolen' })).assertStatus(404)
    ;(await client.delete(`/api/v1/seller/products/${id}`).header('Host', hostOf('TH')).bearerToken(other.token)).assertStatus(404)
    ;(await client.post(`/api/v1/seller/skus/${skuId}/stock-adjustments`).header('Host', hostOf('TH')).bearerToken(other.token).json({ delta: 5, reason: 'restock' })).assertStatus(404)
    ;(await client.get(`/api/v1/seller/products/${id}`).header('Host', hostOf('TH')).bearerToken(owner.token)).assertStatus(200)
  })

  test('stock adjustments through the API: recorded, and never below zero', async ({ client, assert }) => {
    const { tshirts, market } = await categoryTree('PH')
    const seller = await accountFactory('PH', 'seller')
    const created = await client
      .post('/api/v1/seller/products')
      .header('Host', hostOf('PH'))
      .bearerToken(seller.token)
      .json({ category: tshirts.slug, titles: titlesFor(market, 'Cotton Tee'), status: 'active', skus: [{ sellerSku: 'A', price: { amount: 29900, currency: 'PHP' }, weightGrams: 100, stock: 2 }] })
    const skuId = created.body().data.skus[0].id
    const restock = await client.post(`/api/v1/seller/skus/${skuId}/stock-adjustments`).header('Host', hostOf('PH')).bearerToken(seller.token).json({ delta: 10, reason: 'restock', note: 'container 4' })
    restock.assertStatus(201)
    assert.equal(restock.body().data.available, 12)
    const tooMany = await client.post(`/api/v1/seller/skus/${skuId}/stock-adjustments`).header('Host', hostOf('PH')).bearerToken(seller.token).json({ delta: -13, reason: 'damaged' })
    tooMany.assertStatus(409)
    assert.equal(tooMany.body().error.code, 'E_INSUFFICIENT_STOCK')
    const bad = await client.post(`/api/v1/seller/skus/${skuId}/stock-adjustments`).header('Host', hostOf('PH')).bearerToken(seller.token).json({ delta: 0, reason: 'theft' })
    bad.assertStatus(422)
    assert.sameMembers(bad.body().error.fields.map((field: any) => field.field), ['delta', 'reason'])
    const rows = await db.connection('sea-2').from('stock_adjustments as a').join('skus as s', 's.id', 'a.sku_id').where('s.public_id', skuId).select('a.delta', 'a.reason', 'a.actor_id')
    assert.deepEqual(rows.map((row) => [row.delta, row.reason, row.actor_id]), [
      [2, 'initial', seller.account.publicId],
      [10, 'restock', seller.account.publicId],
    ])
  })

  test('ops ban a product in their market; it leaves the storefront; the seller cannot re-activate it', async ({ client, assert }) => {
    const { staffWithSession, STAFF_HOST } = await import('#tests/support/identity')
    const { tshirts, market } = await categoryTree('SG')
    const seller = await accountFactory('SG', 'seller')
    const created = await client
      .post('/api/v1/seller/products')
      .header('Host', hostOf('SG'))
      .bearerToken(seller.token)
      .json({ category: tshirts.slug, titles: titlesFor(market, 'Counterfeit Watch'), status: 'active', skus: [{ sellerSku: 'A', price: { amount: 9900, currency: 'SGD' }, weightGrams: 100, stock: 3 }] })
    const id = created.body().data.id
    ;(await client.get(`/api/v1/products/${id}`).header('Host', hostOf('SG'))).assertStatus(200)

    const idOps = await staffWithSession(client, [{ role: 'ops', markets: ['ID'] }])
    ;(await client.post(`/api/v1/ops/markets/SG/products/${id}/ban`).header('Host', STAFF_HOST).bearerToken(idOps.token).json({ reason: 'counterfeit' })).assertStatus(403)

    const support = await staffWithSession(client, [{ role: 'support', markets: ['SG'] }])
    const banned = await client.post(`/api/v1/ops/markets/SG/products/${id}/ban`).header('Host', STAFF_HOST).bearerToken(support.token).json({ reason: 'counterfeit goods' })
    banned.assertStatus(200)
    assert.equal(banned.body().data.status, 'banned')
    ;(await client.get(`/api/v1/products/${id}`).header('Host', hostOf('SG'))).assertStatus(404)
    const reactivate = await client.put(`/api/v1/seller/products/${id}`).header('Host', hostOf('SG')).bearerToken(seller.token).json({ status: 'active' })
    reactivate.assertStatus(422)
    const audit = await db.connection('control').from('audit_logs').where('action', 'catalog.product_banned').where('target_id', id).first()
    assert.equal(audit.actor_email, support.email)
  })
})

test.group('Seller products: limits that hold', () => {
  const sku = (index: number) => ({ sellerSku: `S-${index}`, price: { amount: 1990, currency: 'SGD' }, weightGrams: 100 })
  async function productWith(count: number) {
    const { tshirts, market } = await categoryTree('SG')
    const seller = await accountFactory('SG', 'seller')
    const created = await fetchJson('POST', '/api/v1/seller/products', seller.token, {
      category: tshirts.slug,
      titles: titlesFor(market, 'Limit Tee'),
      skus: Array.from({ length: count }, (_, index) => ({ ...sku(index), stock: 1 })),
    })
    return { seller, market, tree: { tshirts }, id: created.body().data.id as string, skus: created.body().data.skus as { id: string }[] }
  }
  let fetchJson: (method: string, path: string, token: string, body?: unknown) => Promise<any>

  test('an update never grows a product past 50 SKUs, not even with parallel updates', async ({ client, assert }) => {
    fetchJson = (method, path, token, body) => (client as any)[method.toLowerCase()](path).header('Host', hostOf('SG')).bearerToken(token).json(body)
    const { seller, market, id } = await productWith(40)
    const grown = await fetchJson('PUT', `/api/v1/seller/products/${id}`, seller.token, { skus: Array.from({ length: 20 }, (_, index) => sku(100 + index)) })
    grown.assertStatus(422)
    assert.deepEqual(grown.body().error.fields.map((field: any) => [field.field, field.rule]), [['skus', 'maxSkus']])
    // Five updates of 4 new SKUs each, at once: 40 + 20 would be 60.
    const parallel = await Promise.all(
      Array.from({ length: 5 }, (_, batch) => fetchJson('PUT', `/api/v1/seller/products/${id}`, seller.token, { skus: Array.from({ length: 4 }, (_, index) => sku(200 + batch * 10 + index)) }))
    )
    assert.isTrue(parallel.every((response: any) => [200, 422].includes(response.status())))
    const count = await market.table('skus').whereIn('product_id', market.table('products').where('public_id', id).select('id')).count('* as n').first()
    assert.equal(Number(count.n), 40 + 4 * parallel.filter((response: any) => response.status() === 200).length)
    assert.isAtMost(Number(count.n), 50)
  }).timeout(60_000)

  test('an update refuses stock (stock moves by adjustments), the same SKU twice, and any field it does not take', async ({ client, assert }) => {
    fetchJson = (method, path, token, body) => (client as any)[method.toLowerCase()](path).header('Host', hostOf('SG')).bearerToken(token).json(body)
    const { seller, id, skus } = await productWith(2)
    const before = await stateFingerprint()
    const stock = await fetchJson('PUT', `/api/v1/seller/products/${id}`, seller.token, { skus: [{ id: skus[0].id, stock: 500 }], colour: 'red' })
    stock.assertStatus(422)
    assert.sameDeepMembers(stock.body().error.fields.map((field: any) => [field.field, field.rule]), [['skus.0.stock', 'unknown'], ['colour', 'unknown']])
    const twice = await fetchJson('PUT', `/api/v1/seller/products/${id}`, seller.token, { skus: [{ id: skus[0].id, weightGrams: 300 }, { id: skus[0].id, weightGrams: 400 }] })
    twice.assertStatus(422)
    assert.deepEqual(twice.body().error.fields.map((field: any) => [field.field, field.rule]), [['skus.1.id', 'distinct']])
    assert.equal(await stateFingerprint(), before)
  })

  test('titles with markup, images off https or on a private host, and a category with subcategories are refused', async ({ client, assert }) => {
    const { fashion, tshirts, market } = await categoryTree('SG')
    const seller = await accountFactory('SG', 'seller')
    const before = await stateFingerprint()
    const response = await client
      .post('/api/v1/seller/products')
      .header('Host', hostOf('SG'))
      .bearerToken(seller.token)
      .json({
        category: tshirts.slug,
        titles: { 'en-SG': 'Tee <img src=x onerror=alert(1)>', 'zh-SG': 'T恤 &lt;b&gt;' },
        brand: '<b>Brand</b>',
        images: ['http://img.example.com/a.jpg', 'https://127.0.0.1:6379/', 'https://localhost/a.jpg', 'https://user:pw@img.example.com/a.jpg', 'https://img.example.com/ok.jpg'],
        skus: [sku(1)],
      })
    response.assertStatus(422)
    assert.sameMembers(response.body().error.fields.map((field: any) => field.field), ['titles.en-SG', 'titles.zh-SG', 'brand', 'images.0', 'images.1', 'images.2', 'images.3'])
    const parent = await client.post('/api/v1/seller/products').header('Host', hostOf('SG')).bearerToken(seller.token).json({ category: fashion.slug, titles: titlesFor(market, 'Parent Tee'), skus: [sku(1)] })
    parent.assertStatus(422)
    assert.deepEqual(parent.body().error.fields.map((field: any) => [field.field, field.rule]), [['category', 'leaf']])
    assert.equal(await stateFingerprint(), before)
  })
})

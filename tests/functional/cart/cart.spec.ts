import { test } from '@japa/runner'
import { accountFactory, hostOf, marketContext, stateFingerprint } from '#tests/support/identity'
import { categoryTree, productFactory } from '#tests/support/catalog'

test.group('Cart', (group) => {
  let tree: Awaited<ReturnType<typeof categoryTree>>
  group.setup(async () => {
    tree = await categoryTree('SG')
  })

  const skuOf = async (market: any, productId: number) => (await market.table('skus').where('product_id', productId).first()).public_id as string
  const cart = (client: any, token: string, code = 'SG') => ({
    show: () => client.get('/api/v1/cart').header('Host', hostOf(code)).bearerToken(token),
    add: (body: unknown) => client.post('/api/v1/cart/lines').header('Host', hostOf(code)).bearerToken(token).json(body),
    update: (id: unknown, body: unknown) => client.patch(`/api/v1/cart/lines/${id}`).header('Host', hostOf(code)).bearerToken(token).json(body),
    remove: (id: unknown) => client.delete(`/api/v1/cart/lines/${id}`).header('Host', hostOf(code)).bearerToken(token),
  })

  test('a buyer adds, merges, changes and removes lines; the cart lives in the market shard', async ({ client, assert }) => {
    const { product, market } = await productFactory('SG', { category: tree.tshirts.slug, prices: [1990], stock: 10 })
    const sku = await skuOf(market, product.id)
    const buyer = await accountFactory('SG', 'buyer')
    const api = cart(client, buyer.token)
    ;(await api.add({ sku, quantity: 2 })).assertStatus(201)
    const merged = await api.add({ sku, quantity: 3 })
    assert.deepEqual(merged.body().data.lines.map((line: any) => [line.sku, line.quantity]), [[sku, 5]])
    const lineId = merged.body().data.lines[0].id
    assert.equal((await market.table('cart_lines').where('id', lineId).first()).buyer_id, buyer.account.id)
    assert.deepEqual((await api.update(lineId, { quantity: 1 })).body().data.lines.map((line: any) => line.quantity), [1])
    assert.deepEqual((await api.remove(lineId)).body().data.lines, [])
    assert.deepEqual((await api.show()).body().data.lines, [])
  })

  test("another buyer's line is not found; a line of SG is not found on MY", async ({ client, assert }) => {
    const { product, market } = await productFactory('SG', { category: tree.tshirts.slug, prices: [1990], stock: 10 })
    const sku = await skuOf(market, product.id)
    const owner = await accountFactory('SG', 'buyer')
    const lineId = (await cart(client, owner.token).add({ sku, quantity: 1 })).body().data.lines[0].id
    const other = await accountFactory('SG', 'buyer')
    const stolen = await cart(client, other.token).update(lineId, { quantity: 9 })
    stolen.assertStatus(404)
    assert.deepEqual([stolen.body().error.code, stolen.body().error.entity], ['E_NOT_FOUND', 'cart_line'])
    ;(await cart(client, other.token).remove(lineId)).assertStatus(404)
    const myBuyer = await accountFactory('MY', 'buyer')
    ;(await cart(client, myBuyer.token, 'MY').add({ sku, quantity: 1 })).assertStatus(422)
    assert.equal((await market.table('cart_lines').where('id', lineId).first()).quantity, 1)
  })

  test('bad cart input is 422 naming each field and changes nothing', async ({ client, assert }) => {
    const buyer = await accountFactory('SG', 'buyer')
    const api = cart(client, buyer.token)
    const before = await stateFingerprint()
    const bad = await api.add({ sku: 'not-a-sku', quantity: 0 })
    bad.assertStatus(422)
    assert.sameMembers(bad.body().error.fields.map((field: any) => field.field), ['sku', 'quantity'])
    const badUpdate = await api.update('abc', { quantity: 1000 })
    badUpdate.assertStatus(422)
    assert.sameMembers(badUpdate.body().error.fields.map((field: any) => field.field), ['params.id', 'quantity'])
    assert.equal(await stateFingerprint(), before)
  })
})

test.group('Cart under parallel writes', (group) => {
  let tree: Awaited<ReturnType<typeof categoryTree>>
  group.setup(async () => {
    tree = await categoryTree('SG')
  })

  /** `count` SKUs of the market, in products of at most 40 SKUs. */
  async function skus(count: number) {
    const found: string[] = []
    while (found.length < count) {
      const size = Math.min(40, count - found.length)
      const { product, market } = await productFactory('SG', { category: tree.tshirts.slug, prices: Array.from({ length: size }, (_, index) => 1000 + index), stock: 5000 })
      const rows = await market.table('skus').where('product_id', product.id).orderBy('id').select('public_id')
      found.push(...rows.map((row) => row.public_id as string))
    }
    return found
  }
  const add = (client: any, token: string, sku: string, quantity = 1) =>
    client.post('/api/v1/cart/lines').header('Host', hostOf('SG')).bearerToken(token).json({ sku, quantity })
  const cartOf = async (client: any, token: string) =>
    (await client.get('/api/v1/cart').header('Host', hostOf('SG')).bearerToken(token)).body().data.lines as { sku: string; quantity: number }[]

  test('50 parallel adds of distinct SKUs by one buyer: no 5xx, and the cart holds exactly what was accepted', async ({ client, assert }) => {
    const list = await skus(50)
    const buyer = await accountFactory('SG', 'buyer')
    const responses = await Promise.all(list.map((sku) => add(client, buyer.token, sku)))
    const statuses = responses.map((response: any) => response.status())
    assert.deepEqual([...new Set(statuses)], [201], `statuses ${[...new Set(statuses)].join(',')}`)
    const lines = await cartOf(client, buyer.token)
    assert.sameMembers(lines.map((line) => line.sku), list)
    assert.isTrue(lines.every((line) => line.quantity === 1))
  }).timeout(120_000)

  test('200 adds by 20 buyers at once, and 20 parallel first adds of one SKU: no 5xx, every cart matches its 201s', async ({ client, assert }) => {
    const list = await skus(10)
    const buyers = await Promise.all(Array.from({ length: 20 }, () => accountFactory('SG', 'buyer')))
    // Each buyer adds each of the 10 SKUs once; the first buyer also adds one SKU 20 more times.
    const calls = buyers.flatMap((buyer) => list.map((sku) => ({ buyer, sku })))
    const extra = Array.from({ length: 20 }, () => ({ buyer: buyers[0], sku: list[0] }))
    const responses = await Promise.all([...calls, ...extra].map(({ buyer, sku }) => add(client, buyer.token, sku).then((response: any) => ({ buyer, sku, status: response.status() }))))
    assert.isTrue(responses.every((response) => response.status < 500), [...new Set(responses.map((response) => response.status))].join(','))
    for (const buyer of buyers) {
      const accepted = new Map<string, number>()
      for (const response of responses.filter((candidate) => candidate.buyer === buyer && candidate.status === 201)) {
        accepted.set(response.sku, (accepted.get(response.sku) ?? 0) + 1)
      }
      const lines = await cartOf(client, buyer.token)
      assert.deepEqual(Object.fromEntries(lines.map((line) => [line.sku, line.quantity])), Object.fromEntries(accepted))
    }
    assert.equal((await cartOf(client, buyers[0].token)).find((line) => line.sku === list[0])!.quantity, 21)
  }).timeout(120_000)

  test('units added up never pass 999 on a line; parallel adds never pass the line limit of the market', async ({ client, assert }) => {
    const market = await marketContext('SG')
    const limit = market.limits.maxCartLines
    const list = await skus(limit + 10)
    const buyer = await accountFactory('SG', 'buyer')
    ;(await add(client, buyer.token, list[0], 999)).assertStatus(201)
    const over = await add(client, buyer.token, list[0], 999)
    over.assertStatus(422)
    assert.deepEqual(over.body().error.fields.map((field: any) => [field.field, field.rule]), [['quantity', 'maxLineQuantity']])
    assert.equal((await cartOf(client, buyer.token))[0].quantity, 999)

    const responses = await Promise.all(list.slice(1).map((sku) => add(client, buyer.token, sku)))
    const statuses = responses.map((response: any) => response.status())
    assert.equal(statuses.filter((status: number) => status === 201).length, limit - 1)
    assert.equal(statuses.filter((status: number) => status === 422).length, list.length - limit)
    assert.lengthOf(await cartOf(client, buyer.token), limit)
  }).timeout(180_000)
})

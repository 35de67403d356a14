import { test } from '@japa/runner'
import { accountFactory, hostOf, stateFingerprint } from '#tests/support/identity'
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

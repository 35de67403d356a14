import { test } from '@japa/runner'
import Sku from '#catalog/models/sku'
import { InventoryService, InsufficientStockError } from '#inventory/services/inventory_service'
import { categoryTree, productFactory } from '#tests/support/catalog'

async function levelOf(market: any, skuId: number) {
  const row = await market.db.from('stock_levels').where('sku_id', skuId).first()
  return { available: Number(row.available), reserved: Number(row.reserved) }
}

test.group('Inventory', () => {
  test('200 parallel reservations of 1 unit on 50 in stock: exactly 50 succeed', async ({ assert }) => {
    const { tshirts } = await categoryTree('SG')
    const { product, market } = await productFactory('SG', { category: tshirts.slug, prices: [1990], stock: 50 })
    const sku = await Sku.query({ client: market.db }).where('product_id', product.id).firstOrFail()
    const inventory = new InventoryService()

    const results = await Promise.allSettled(
      Array.from({ length: 200 }, () => inventory.reserveStock(market, sku, 1))
    )
    const succeeded = results.filter((result) => result.status === 'fulfilled').length
    const refused = results.filter((result) => result.status === 'rejected')
    assert.equal(succeeded, 50)
    assert.lengthOf(refused, 150)
    assert.isTrue(refused.every((result) => (result as PromiseRejectedResult).reason instanceof InsufficientStockError))
    assert.deepEqual(await levelOf(market, sku.id), { available: 0, reserved: 50 })
  }).timeout(60_000)

  test('parallel mixed reservations never oversell and conserve units', async ({ assert }) => {
    const { tshirts } = await categoryTree('ID')
    const { product, market } = await productFactory('ID', { category: tshirts.slug, prices: [5990000], stock: 100 })
    const sku = await Sku.query({ client: market.db }).where('product_id', product.id).firstOrFail()
    const inventory = new InventoryService()
    const quantities = Array.from({ length: 120 }, (_, index) => 1 + (index % 3))
    const results = await Promise.allSettled(quantities.map((quantity) => inventory.reserveStock(market, sku, quantity)))
    const reserved = quantities.filter((_, index) => results[index].status === 'fulfilled').reduce((sum, q) => sum + q, 0)
    const level = await levelOf(market, sku.id)
    assert.equal(level.reserved, reserved)
    assert.equal(level.available + level.reserved, 100)
    assert.isAtMost(reserved, 100)
  }).timeout(60_000)

  test('commit and release move reserved units; over-releasing is refused', async ({ assert }) => {
    const { tshirts } = await categoryTree('TH')
    const { product, market } = await productFactory('TH', { category: tshirts.slug, prices: [29900], stock: 10 })
    const sku = await Sku.query({ client: market.db }).where('product_id', product.id).firstOrFail()
    const inventory = new InventoryService()
    await inventory.reserveStock(market, sku, 4)
    await inventory.commitStock(market, sku, 1)
    await inventory.releaseStock(market, sku, 2)
    assert.deepEqual(await levelOf(market, sku.id), { available: 8, reserved: 1 })
    await assert.rejects(() => inventory.releaseStock(market, sku, 2))
    await assert.rejects(() => inventory.commitStock(market, sku, 5))
    assert.deepEqual(await levelOf(market, sku.id), { available: 8, reserved: 1 })
  })

  test('every adjustment is recorded with who, why, delta and the resulting level', async ({ assert }) => {
    const { tshirts } = await categoryTree('VN')
    const { product, market, seller } = await productFactory('VN', { category: tshirts.slug, prices: [259000], stock: 5 })
    const sku = await Sku.query({ client: market.db }).where('product_id', product.id).firstOrFail()
    const inventory = new InventoryService()
    await inventory.adjustStock(market, sku, { delta: 20, reason: 'restock', note: 'PO-17' }, { type: 'seller', id: seller.account.publicId })
    await inventory.adjustStock(market, sku, { delta: -3, reason: 'damaged' }, { type: 'seller', id: seller.account.publicId })
    await assert.rejects(() =>
      inventory.adjustStock(market, sku, { delta: -100, reason: 'correction' }, { type: 'seller', id: seller.account.publicId })
    )
    const rows = await market.db.from('stock_adjustments').where('sku_id', sku.id).orderBy('id')
    assert.deepEqual(
      rows.map((row) => [row.reason, row.delta, row.available_after, row.actor_type, row.actor_id]),
      [
        ['initial', 5, 5, 'seller', seller.account.publicId],
        ['restock', 20, 25, 'seller', seller.account.publicId],
        ['damaged', -3, 22, 'seller', seller.account.publicId],
      ]
    )
    assert.equal(rows[1].note, 'PO-17')
  })
})

import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import { STAFF_HOST, accountFactory, hostOf, staffWithSession } from '#tests/support/identity'
import { categoryTree, productFactory } from '#tests/support/catalog'
import { deliverEvents } from '#tests/support/events'
import { assertBooksBalance, sandboxWebhook, startPayment } from '#tests/support/payments'
import { EscrowService, escrowOrderOf } from '#escrow/services/escrow_service'
import { Ledger } from '#escrow/services/ledger'
import { Accounts } from '#escrow/ledger_accounts'
import { OrderService } from '#orders/services/order_service'
import type { MarketContext } from '#markets/market_context'

const escrow = new EscrowService()
const WINDOW = { startsAt: '2026-01-01T00:00:00', endsAt: '2030-01-01T00:00:00' }
let codes = 0
const uniqueCode = (prefix: string) => `${prefix}${Date.now().toString(36).toUpperCase()}${codes++}`.slice(0, 24)

async function opsOf(client: any, code: string) {
  return staffWithSession(client, [{ role: 'ops', markets: [code] }])
}

function createPlatformVoucher(client: any, token: string, code: string, body: Record<string, unknown>) {
  return client.post(`/api/v1/ops/markets/${code}/vouchers`).header('Host', STAFF_HOST).bearerToken(token).json(body)
}

function place(client: any, code: string, token: string, lines: { sku: string; quantity: number }[], vouchers?: string[], key = randomUUID()) {
  return client.post('/api/v1/orders').header('Host', hostOf(code)).header('Idempotency-Key', key).bearerToken(token).json({ lines, ...(vouchers && { vouchers }) })
}

async function skuOf(market: MarketContext, productId: number) {
  return (await market.table('skus').where('product_id', productId).first()).public_id as string
}

const fieldsOf = (response: any) => response.body().error.fields.map((field: any) => field.field).sort()

test.group('Vouchers: created by ops and sellers, applied in quote and order', () => {
  test('ops create a platform voucher; bad input names every bad field and creates nothing', async ({ client, assert }) => {
    const ops = await opsOf(client, 'ID')
    const bad = await createPlatformVoucher(client, ops.token, 'ID', { code: 'HEMAT10', kind: 'fixed', amount: 1_000_050, maxDiscount: 500_000, startsAt: '2026-12-10T00:00:00', endsAt: '2026-12-01T00:00:00', eligibleCategories: ['no-such-category'] })
    bad.assertStatus(422)
    assert.includeMembers(fieldsOf(bad), ['amount', 'maxDiscount', 'endsAt', 'eligibleCategories.0'])
    assert.deepEqual(bad.body().error.fields.find((field: any) => field.field === 'amount').rule, 'priceStep')
    const noPercent = await createPlatformVoucher(client, ops.token, 'ID', { code: 'PERSEN', kind: 'percent', ...WINDOW })
    noPercent.assertStatus(422)
    assert.deepEqual(fieldsOf(noPercent), ['percent'])
    const market = (await accountFactory('ID')).market
    assert.notExists(await market.table('vouchers').where('code', 'HEMAT10').first())

    const code = uniqueCode('HEMAT')
    const created = await createPlatformVoucher(client, ops.token, 'ID', { code, kind: 'fixed', amount: 1_000_000, minSpend: 5_000_000, ...WINDOW, maxUses: 50 })
    created.assertStatus(201)
    assert.deepEqual([created.body().data.code, created.body().data.amount.amount, created.body().data.used.uses], [code, 1_000_000, 0])
    assert.match(created.body().data.amount.formatted, /^IDR\s10,000$/, 'staff read amounts in the console language')
    const again = await createPlatformVoucher(client, ops.token, 'ID', { code: code.toLowerCase(), kind: 'fixed', amount: 1_000_000, ...WINDOW })
    again.assertStatus(422)
    assert.deepEqual(fieldsOf(again), ['code'])
    // Ops of another market cannot.
    const sgOps = await opsOf(client, 'SG')
    ;(await createPlatformVoucher(client, sgOps.token, 'ID', { code: uniqueCode('X'), kind: 'fixed', amount: 100, ...WINDOW })).assertStatus(403)
  }).timeout(60_000)

  test('ID: the quote shows each voucher per parcel and, in Indonesian, why the others do not apply; the order keeps the discount, its funder and the tax on the discounted price', async ({ client, assert }) => {
    const tree = await categoryTree('ID')
    const first = await productFactory('ID', { category: tree.tshirts.slug, prices: [5_990_000], stock: 20 })
    const second = await productFactory('ID', { category: tree.tshirts.slug, prices: [3_000_000], stock: 20 })
    const market = first.market
    const [skuA, skuB] = [await skuOf(market, first.product.id), await skuOf(market, second.product.id)]
    const ops = await opsOf(client, 'ID')
    const platform = uniqueCode('PLAT')
    ;(await createPlatformVoucher(client, ops.token, 'ID', { code: platform, kind: 'percent', percent: 10, maxDiscount: 500_000, ...WINDOW })).assertStatus(201)
    const expired = uniqueCode('OLD')
    ;(await createPlatformVoucher(client, ops.token, 'ID', { code: expired, kind: 'fixed', amount: 100_000, startsAt: '2025-01-01T00:00:00', endsAt: '2025-02-01T00:00:00' })).assertStatus(201)
    const shopCode = uniqueCode('TOKO')
    const shopVoucher = await client.post('/api/v1/seller/vouchers').header('Host', hostOf('ID')).bearerToken(first.seller.token).json({ code: shopCode, kind: 'fixed', amount: 1_000_000, ...WINDOW })
    shopVoucher.assertStatus(201)
    const buyer = await accountFactory('ID')
    const lines = [{ sku: skuA, quantity: 1 }, { sku: skuB, quantity: 1 }]

    const quote = await client.post('/api/v1/checkout/quote').header('Host', hostOf('ID')).bearerToken(buyer.token).json({ lines, vouchers: [platform, shopCode, expired, 'NOPE1'] })
    quote.assertStatus(200)
    const outcomes = new Map(quote.body().data.vouchers.map((entry: any) => [entry.code, entry]))
    assert.equal((outcomes.get(shopCode) as any).discount.amount, 1_000_000)
    // The shop's Rp10.000 first (seller A only), then 10 % of Rp49.900 + Rp30.000 = Rp7.990 (under the Rp5.000 cap? no: capped at Rp5.000).
    assert.equal((outcomes.get(platform) as any).discount.amount, 500_000)
    assert.deepEqual([(outcomes.get(expired) as any).reason, (outcomes.get('NOPE1') as any).reason], ['expired', 'unknown'])
    assert.match((outcomes.get(expired) as any).message, /kedaluwarsa/)

    const refused = await place(client, 'ID', buyer.token, lines, [platform, expired])
    refused.assertStatus(422)
    assert.deepEqual(refused.body().error.fields.map((field: any) => [field.field, field.rule]), [['vouchers.1', 'voucher_expired']])
    assert.lengthOf(await market.table('orders').where('buyer_id', buyer.account.id), 0, 'nothing placed')

    const placed = await place(client, 'ID', buyer.token, lines, [platform, shopCode])
    placed.assertStatus(201)
    const orders = placed.body().data.orders
    const a = orders.find((order: any) => order.lines[0].sku === skuA)
    const b = orders.find((order: any) => order.lines[0].sku === skuB)
    // Platform Rp5.000 over Rp49.900 : Rp30.000 → Rp3.123 + Rp1.877 (whole rupiah are minor units × 100 here: allocated in minor units).
    const platformA = a.discounts.goods.platform.amount
    const platformB = b.discounts.goods.platform.amount
    assert.equal(platformA + platformB, 500_000)
    assert.equal(a.discounts.goods.shop.amount, 1_000_000)
    assert.equal(a.goods.gross.amount, 5_990_000 - 1_000_000 - platformA)
    assert.equal(b.goods.gross.amount, 3_000_000 - platformB)
    // PPN 12 % × 11/12 inside the discounted price.
    const expectedTax = Math.round(((5_990_000 - 1_000_000 - platformA) * 11) / 111)
    assert.equal(a.lines[0].tax.amount, expectedTax)
    const row = await market.table('order_lines as l').join('orders as o', 'o.id', 'l.order_id').where('o.number', a.number).select('l.discount_shop', 'l.discount_platform').first()
    assert.deepEqual([Number(row.discount_shop), Number(row.discount_platform)], [1_000_000, platformA])
    const voucherRow = await market.table('vouchers').where('code', platform).first()
    assert.deepEqual([voucherRow.uses_count, Number(voucherRow.amount_used)], [1, 500_000])
    assert.lengthOf(await market.table('voucher_redemptions').where('voucher_id', voucherRow.id), 2, 'one redemption row per order of the checkout')
  }).timeout(60_000)

  test('SG ledger: a platform voucher is paid by the platform (the seller gets its price less commission), a shop voucher by the seller', async ({ client, assert }) => {
    const tree = await categoryTree('SG')
    const made = await productFactory('SG', { category: tree.tshirts.slug, prices: [5000], stock: 20 })
    const market = made.market
    const sku = await skuOf(market, made.product.id)
    const ops = await opsOf(client, 'SG')
    const platform = uniqueCode('SGP')
    ;(await createPlatformVoucher(client, ops.token, 'SG', { code: platform, kind: 'fixed', amount: 1000, ...WINDOW })).assertStatus(201)
    const shopCode = uniqueCode('SGS')
    ;(await client.post('/api/v1/seller/vouchers').header('Host', hostOf('SG')).bearerToken(made.seller.token).json({ code: shopCode, kind: 'fixed', amount: 500, ...WINDOW })).assertStatus(201)
    const shop = made.seller.shop!.publicId

    const settle = async (voucher: string) => {
      const buyer = await accountFactory('SG')
      const placed = await place(client, 'SG', buyer.token, [{ sku, quantity: 1 }], [voucher])
      placed.assertStatus(201)
      const order = placed.body().data.orders[0]
      const payment = (await startPayment(client, 'SG', buyer.token, placed.body().data.checkoutId, { gateway: 'grabpay' })).body().data
      assert.equal((await sandboxWebhook(client, 'SG', { id: payment.id, amount: order.total.amount, currency: 'SGD' }, 'payment.captured').send()).body().data.outcome, 'captured')
      const row = await market.table('orders as o').join('shops as s', 's.id', 'o.shop_id').where('o.number', order.number).select('o.*', 's.public_id as shop_public_id').first()
      const before = await escrow.available(market, shop)
      const split = await escrow.release(market, escrowOrderOf(row))
      return { order, split, credited: (await escrow.available(market, shop)) - before }
    }
    const promotionsBefore = await new Ledger().balance(market, Accounts.platformPromotions())
    const withPlatform = await settle(platform)
    // The buyer paid S$40 for goods; the seller is paid on S$50: 50.00 − 6 % commission (3.00) − 2 % fee on what was paid.
    assert.equal(withPlatform.order.goods.gross.amount, 4000)
    const feeA = Math.round(withPlatform.order.total.amount * 0.02)
    assert.equal(withPlatform.credited, 5000 - 300 - feeA)
    assert.equal((await new Ledger().balance(market, Accounts.platformPromotions())) - promotionsBefore, 1000)

    const withShop = await settle(shopCode)
    // The seller's own price cut: paid on S$45 (commission 6 % of 45.00 = 2.70).
    const feeB = Math.round(withShop.order.total.amount * 0.02)
    assert.equal(withShop.credited, 4500 - 270 - feeB)
    assert.equal((await new Ledger().balance(market, Accounts.platformPromotions())) - promotionsBefore, 1000, 'the platform pays nothing for a shop voucher')
    await assertBooksBalance(assert, market)
  }).timeout(60_000)
})

test.group('Vouchers: redemption under concurrency', () => {
  test('100 uses, 500 buyers ordering at once: exactly 100 redemptions; a cancelled order gives its use back once', async ({ client, assert }) => {
    const tree = await categoryTree('SG')
    const made = await productFactory('SG', { category: tree.tshirts.slug, prices: [2000], stock: 1000 })
    const market = made.market
    const sku = await skuOf(market, made.product.id)
    const ops = await opsOf(client, 'SG')
    const code = uniqueCode('HUNDRED')
    ;(await createPlatformVoucher(client, ops.token, 'SG', { code, kind: 'fixed', amount: 100, maxUses: 100, ...WINDOW })).assertStatus(201)
    const buyers = await Promise.all(Array.from({ length: 500 }, () => accountFactory('SG')))
    const answers = await Promise.all(buyers.map((buyer) => place(client, 'SG', buyer.token, [{ sku, quantity: 1 }], [code])))
    const statuses = answers.map((answer: any) => answer.status())
    assert.equal(statuses.filter((status) => status === 201).length, 100, statuses.filter((status) => status !== 201 && status !== 409 && status !== 422).join(','))
    assert.isTrue(statuses.every((status) => [201, 409, 422].includes(status)))
    const voucher = await market.table('vouchers').where('code', code).first()
    assert.equal(voucher.uses_count, 100)
    assert.equal(Number((await market.table('voucher_redemptions').where('voucher_id', voucher.id).count('* as n').first()).n), 100)

    const won = answers.find((answer: any) => answer.status() === 201)!
    const number = won.body().data.orders[0].number
    await new OrderService().cancel(market, number, { type: 'system', id: null }, 'test')
    await deliverEvents(['promotions.give-back-vouchers'])
    await deliverEvents(['promotions.give-back-vouchers'])
    const after = await market.table('vouchers').where('code', code).first()
    assert.deepEqual([after.uses_count, Number(after.amount_used)], [99, 9900])
    assert.equal((await market.table('voucher_redemptions').where('order_number', number).first()).status, 'returned')
  }).timeout(120_000)

  test('a per-buyer limit of 1 holds under 20 parallel orders of one buyer', async ({ client, assert }) => {
    const tree = await categoryTree('SG')
    const made = await productFactory('SG', { category: tree.tshirts.slug, prices: [2000], stock: 100 })
    const market = made.market
    const sku = await skuOf(market, made.product.id)
    const ops = await opsOf(client, 'SG')
    const code = uniqueCode('ONCE')
    ;(await createPlatformVoucher(client, ops.token, 'SG', { code, kind: 'fixed', amount: 200, perBuyerLimit: 1, ...WINDOW })).assertStatus(201)
    const buyer = await accountFactory('SG')
    const answers = await Promise.all(Array.from({ length: 20 }, () => place(client, 'SG', buyer.token, [{ sku, quantity: 1 }], [code])))
    const statuses = answers.map((answer: any) => answer.status())
    assert.equal(statuses.filter((status) => status === 201).length, 1, statuses.join(','))
    const voucher = await market.table('vouchers').where('code', code).first()
    assert.equal(voucher.uses_count, 1)
    const later = await client.post('/api/v1/checkout/quote').header('Host', hostOf('SG')).bearerToken(buyer.token).json({ lines: [{ sku, quantity: 1 }], vouchers: [code] })
    assert.equal(later.body().data.vouchers[0].reason, 'limit_reached')
  }).timeout(60_000)
})

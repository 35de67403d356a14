import { test } from '@japa/runner'
import fc from 'fast-check'
import { toSnapshot } from 'dinero.js'
import { DateTime } from 'luxon'
import { calculateTax } from '#tax/services/tax_calculator'
import { applyVouchers, shippingDiscounts, standingRefusal, type Voucher, type VoucherParcel } from '#promotions/voucher_rules'
import { MarketContext } from '#markets/market_context'
import type { Market } from '#markets/market'
import { demoMarket } from '#tests/support/markets'

const NOW = new Date('2026-11-25T04:00:00Z')
const minor = (value: any) => toSnapshot(value).amount as number

let nextId = 1
function voucher(fields: Partial<Voucher>): Voucher {
  const id = nextId++
  return {
    id,
    publicId: `V${id}`,
    code: `CODE${id}`,
    scope: 'platform',
    shopId: null,
    kind: 'fixed',
    percent: null,
    amount: null,
    maxDiscount: null,
    minSpend: 0,
    startsAt: new Date('2026-01-01T00:00:00Z'),
    endsAt: new Date('2027-01-01T00:00:00Z'),
    maxUses: null,
    budgetAmount: null,
    usesCount: 0,
    amountUsed: 0,
    perBuyerLimit: null,
    eligibleShops: null,
    eligibleCategories: null,
    status: 'active',
    ...fields,
  }
}

/** Vouchers, then the market's tax on each parcel's discounted lines, as checkout pricing does (no database). */
function priced(market: MarketContext, parcels: (VoucherParcel & { unit: Record<string, { price: number; quantity: number }> })[], vouchers: Voucher[], codes = vouchers.map((v) => v.code)) {
  const outcomes = applyVouchers(market, parcels, codes, new Map(vouchers.map((v) => [v.code, v])), (v) => standingRefusal(v, NOW, 0))
  const discount = (key: string) => outcomes.reduce((sum, outcome) => sum + (outcome.applied?.lines.get(key) ?? 0), 0)
  const taxed = parcels.map((parcel) =>
    calculateTax(
      market,
      parcel.lines.map((line) => ({ key: line.key, unitPrice: parcel.unit[line.key].price, quantity: parcel.unit[line.key].quantity, taxCategory: 'standard', discount: discount(line.key) })),
      DateTime.fromJSDate(NOW)
    )
  )
  return {
    outcomes,
    lines: taxed.flatMap((result) => result.lines.map((line) => ({ key: line.key, gross: minor(line.gross), net: minor(line.net), tax: minor(line.tax), discount: discount(line.key) }))),
    taxed,
  }
}

function parcel(shopId: number, lines: { key: string; price: number; quantity: number; categoryId?: number }[]) {
  return {
    shopId,
    lines: lines.map((line) => ({ key: line.key, amount: line.price * line.quantity, categoryId: line.categoryId ?? 1 })),
    unit: Object.fromEntries(lines.map((line) => [line.key, { price: line.price, quantity: line.quantity }])),
  }
}

test.group('Vouchers: hand-computed discounts and the tax on the discounted price', () => {
  test('SG (GST 9 % inside the price, invoice rounding): 10 % capped at S$3.00 over two lines', async ({ assert }) => {
    const base = await demoMarket('SG')
    const sg = MarketContext.of({ ...base.config, tax: { ...base.config.tax, roundingLevel: 'invoice' } } as Market)
    const v = voucher({ kind: 'percent', percent: 10, maxDiscount: 300 })
    const { outcomes, lines, taxed } = priced(sg, [parcel(1, [{ key: 'A', price: 1990, quantity: 2 }, { key: 'B', price: 1550, quantity: 1 }])], [v])
    // 10 % of 55.30 = 5.53, capped at 3.00; allocated by line value 39.80 : 15.50 → 2.16 + 0.84.
    assert.equal(outcomes[0].applied!.total, 300)
    assert.deepEqual(lines.map((line) => line.discount), [216, 84])
    // Invoice GST on 52.30: 52.30 × 9/109 = 4.3183… → 4.32, spread 37.64 : 14.66 → 3.11 + 1.21.
    assert.deepEqual(lines.map((line) => [line.gross, line.tax, line.net]), [[3764, 311, 3453], [1466, 121, 1345]])
    assert.equal(minor(taxed[0].tax), 432)
  })

  test('ID (PPN 12 % on 11/12 of the price): Rp10.000 off Rp59.900, above the Rp50.000 minimum', async ({ assert }) => {
    const id = await demoMarket('ID')
    const v = voucher({ kind: 'fixed', amount: 1_000_000, minSpend: 5_000_000 })
    const { lines } = priced(id, [parcel(1, [{ key: 'A', price: 5_990_000, quantity: 1 }])], [v])
    // Rp49.900 holds 49,900 × 11/111 = 4,945.045… → Rp4.945,05.
    assert.deepEqual(lines[0], { key: 'A', gross: 4_990_000, net: 4_990_000 - 494_505, tax: 494_505, discount: 1_000_000 })
    const below = voucher({ kind: 'fixed', amount: 1_000_000, minSpend: 6_000_000 })
    assert.equal(priced(id, [parcel(1, [{ key: 'A', price: 5_990_000, quantity: 1 }])], [below]).outcomes[0].refusal, 'below_minimum')
  })

  test('VN (VND has no minor unit): 15 % off ₫159.000; VAT 10 % inside ₫135.150', async ({ assert }) => {
    const vn = await demoMarket('VN')
    const v = voucher({ kind: 'percent', percent: 15 })
    const { lines } = priced(vn, [parcel(1, [{ key: 'A', price: 159_000, quantity: 1 }])], [v])
    // 15 % of 159,000 = 23,850; 135,150 × 10/110 = 12,286.36 → 12,286.
    assert.deepEqual(lines[0], { key: 'A', gross: 135_150, net: 122_864, tax: 12_286, discount: 23_850 })
  })

  test('BR (ICMS 18 % inside the price): a shop voucher covers only its own seller\'s parcel', async ({ assert }) => {
    const br = await demoMarket('BR')
    const v = voucher({ scope: 'shop', shopId: 1, kind: 'fixed', amount: 500 })
    const { lines, outcomes } = priced(br, [parcel(1, [{ key: 'A', price: 4990, quantity: 1 }]), parcel(2, [{ key: 'B', price: 9980, quantity: 1 }])], [v])
    assert.equal(outcomes[0].applied!.total, 500)
    // R$44.90 holds 44.90 × 18/118 = 6.849… → 6.85; the other seller's R$99.80 keeps its 15.22.
    assert.deepEqual(lines, [
      { key: 'A', gross: 4490, net: 3805, tax: 685, discount: 500 },
      { key: 'B', gross: 9980, net: 8458, tax: 1522, discount: 0 },
    ])
  })

  test('one shop voucher per shop and one platform voucher: the rest is refused with its reason, in any order typed', async ({ assert }) => {
    const sg = await demoMarket('SG')
    const shopA = voucher({ scope: 'shop', shopId: 1, kind: 'fixed', amount: 100 })
    const shopB = voucher({ scope: 'shop', shopId: 1, kind: 'fixed', amount: 200 })
    const platform = voucher({ kind: 'percent', percent: 10 })
    const platform2 = voucher({ kind: 'fixed', amount: 50 })
    const expired = voucher({ endsAt: new Date('2026-11-01T00:00:00Z'), kind: 'fixed', amount: 50 })
    const shoes = voucher({ kind: 'fixed', amount: 50, eligibleCategories: [99] })
    const { outcomes, lines } = priced(sg, [parcel(1, [{ key: 'A', price: 2000, quantity: 1 }])], [platform, shopA, shopB, platform2, expired, shoes])
    const by = new Map(outcomes.map((outcome) => [outcome.code, outcome.refusal]))
    assert.deepEqual([by.get(shopA.code), by.get(shopB.code), by.get(platform.code), by.get(platform2.code), by.get(expired.code), by.get(shoes.code)], [null, 'not_stackable', null, 'not_stackable', 'expired', 'not_stackable'])
    // Alone, the shoes voucher finds nothing of its category in the basket.
    assert.equal(priced(sg, [parcel(1, [{ key: 'A', price: 2000, quantity: 1 }])], [shoes]).outcomes[0].refusal, 'not_eligible')
    // The shop's 1.00 first, then 10 % of the 19.00 left: 1.90.
    assert.equal(lines[0].discount, 100 + 190)
  })

  test('free shipping up to an amount, spread over the covered parcels by fee; a budget nearly spent gives what is left', async ({ assert }) => {
    const sg = await demoMarket('SG')
    const free = voucher({ kind: 'free_shipping', amount: 500 })
    const parcels = [parcel(1, [{ key: 'A', price: 2000, quantity: 1 }]), parcel(2, [{ key: 'B', price: 2000, quantity: 1 }])]
    const outcomes = applyVouchers(sg, parcels, [free.code], new Map([[free.code, free]]), () => null)
    shippingDiscounts(sg, outcomes, parcels, new Map([[1, 399], [2, 199]]))
    assert.deepEqual([...outcomes[0].applied!.shipping.entries()], [[1, 334], [2, 166]])
    const nearlySpent = voucher({ kind: 'fixed', amount: 500, budgetAmount: 1000, amountUsed: 880 })
    assert.equal(applyVouchers(sg, parcels, [nearlySpent.code], new Map([[nearlySpent.code, nearlySpent]]), () => null)[0].applied!.total, 120)
  })
})

test.group('Vouchers: found by review', () => {
  test('a shop and a platform free-shipping voucher never take one fee off twice; a shop\'s own free shipping stops at its goods', async ({ assert }) => {
    const sg = await demoMarket('SG')
    const shopFree = voucher({ scope: 'shop', shopId: 1, kind: 'free_shipping', amount: 100_000 })
    const platformFree = voucher({ kind: 'free_shipping', amount: 100_000 })
    const parcels = [parcel(1, [{ key: 'A', price: 5000, quantity: 1 }])]
    const outcomes = applyVouchers(sg, parcels, [platformFree.code, shopFree.code], new Map([[shopFree.code, shopFree], [platformFree.code, platformFree]]), () => null)
    shippingDiscounts(sg, outcomes, parcels, new Map([[1, 9000]]), new Map([[1, 5000]]))
    const byScope = Object.fromEntries(outcomes.map((outcome) => [outcome.applied!.voucher.scope, outcome.applied!.shipping.get(1)]))
    // The shop pays at most what its goods bring (5,000); the platform the rest of the 9,000 fee; never 18,000.
    assert.deepEqual(byScope, { shop: 5000, platform: 4000 })
  })

  test('percentages are read from their digits: 1.15 % and 0.29 % are exact', async ({ assert }) => {
    const sg = await demoMarket('SG')
    for (const [percent, base, expected] of [[1.15, 10_000, 115], [0.29, 100_000, 290], [33.33, 300, 100]] as const) {
      const v = voucher({ kind: 'percent', percent })
      assert.equal(applyVouchers(sg, [parcel(1, [{ key: 'A', price: base, quantity: 1 }])], [v.code], new Map([[v.code, v]]), () => null)[0].applied!.total, expected, `${percent} % of ${base}`)
    }
  })

  test('a percent voucher in IDR takes whole rupiah only', async ({ assert }) => {
    const id = await demoMarket('ID')
    const v = voucher({ kind: 'percent', percent: 7.5 })
    const { lines, outcomes } = priced(id, [parcel(1, [{ key: 'A', price: 3_333_300, quantity: 1 }, { key: 'B', price: 1_111_100, quantity: 1 }])], [v])
    // 7.5 % of Rp44.444 = Rp3.333,30 → Rp3.333; each line's share is whole rupiah too.
    assert.equal(outcomes[0].applied!.total, 333_300)
    for (const line of lines) assert.equal(line.discount % 100, 0, `${line.key}: ${line.discount}`)
  })
})

test.group('Vouchers: properties', () => {
  test('discounted lines always sum to the discounted total and no line goes below zero', async ({ assert }) => {
    const sg = await demoMarket('SG')
    const line = fc.record({ price: fc.integer({ min: 0, max: 200_000 }), quantity: fc.integer({ min: 1, max: 5 }), categoryId: fc.constantFrom(1, 2) })
    const kind = fc.oneof(
      fc.record({ kind: fc.constant('percent' as const), percent: fc.integer({ min: 1, max: 10_000 }).map((basis) => basis / 100), maxDiscount: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: null }) }),
      fc.record({ kind: fc.constant('fixed' as const), amount: fc.integer({ min: 1, max: 500_000 }) })
    )
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(line, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }), kind, kind, fc.option(fc.constant([1]).map((ids) => [...ids]), { nil: null }), async (shops, platformKind, shopKind, categories) => {
        const parcels = shops.map((lines, shop) => parcel(shop + 1, lines.map((entry, index) => ({ key: `${shop}-${index}`, ...entry }))))
        const vouchers = [voucher({ ...platformKind, eligibleCategories: categories }), voucher({ ...shopKind, scope: 'shop', shopId: 1 })]
        const { outcomes, lines, taxed } = priced(sg, parcels, vouchers)
        const listed = parcels.flatMap((p) => p.lines).reduce((sum, l) => sum + l.amount, 0)
        const discounts = outcomes.reduce((sum, outcome) => sum + (outcome.applied?.total ?? 0), 0)
        assert.equal(lines.reduce((sum, l) => sum + l.gross, 0), listed - discounts)
        assert.equal(taxed.reduce((sum, result) => sum + minor(result.gross), 0), listed - discounts)
        for (const l of lines) {
          assert.isAtLeast(l.gross, 0)
          assert.isAtLeast(l.tax, 0)
          assert.equal(l.net + l.tax, l.gross)
        }
      }),
      { numRuns: 200 }
    )
  })
})

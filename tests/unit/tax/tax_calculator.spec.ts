import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import fc from 'fast-check'
import { toSnapshot } from 'dinero.js'
import { calculateTax } from '#tax/services/tax_calculator'
import { divideRounded, type Money } from '#money/money'
import { MarketContext } from '#markets/market_context'
import type { Market } from '#markets/market'
import { demoMarket, demoMarkets } from '#tests/support/markets'

const minor = (value: Money) => toSnapshot(value).amount
const on = (day: string) => DateTime.fromISO(`${day}T12:00:00`, { zone: 'utc' })
const NOW = on('2026-11-25')

const market = (code: string) => demoMarket(code)
/** The same market with other tax settings. */
const withTax = (m: MarketContext, tax: Partial<Market['tax']>) => MarketContext.of({ ...m.config, tax: { ...m.config.tax, ...tax } } as Market)

/** One line's tax, net and gross in minor units. */
function taxOf(m: MarketContext, lines: { unitPrice: number; quantity: number; taxCategory?: string }[], at = NOW) {
  const result = calculateTax(
    m,
    lines.map((line, index) => ({ key: String(index), taxCategory: 'standard', ...line })),
    at
  )
  return {
    lines: result.lines.map((line) => ({ gross: minor(line.gross), tax: minor(line.tax), net: minor(line.net), rate: line.rate.rate })),
    tax: minor(result.tax),
    gross: minor(result.gross),
    net: minor(result.net),
  }
}

test.group('Tax: hand-computed market rules', () => {
  test('SG: GST 9 % inside the price since 2024, 8 % in 2023, rounded half-up per line', async ({ assert }) => {
    const sg = await market('SG')
    // S$10.90 holds 10.90 × 9/109 = 0.90 exactly.
    assert.deepEqual(taxOf(sg, [{ unitPrice: 1090, quantity: 1 }]).lines[0], { gross: 1090, tax: 90, net: 1000, rate: 9 })
    // 3 × S$19.99 = 59.97; 59.97 × 9/109 = 4.9516… → 4.95.
    assert.equal(taxOf(sg, [{ unitPrice: 1999, quantity: 3 }]).tax, 495)
    // The same price on a day of 2023: 8 %, 10.80 × 8/108 = 0.80.
    assert.deepEqual(taxOf(sg, [{ unitPrice: 1080, quantity: 1 }], on('2023-06-01')).lines[0].tax, 80)
  })

  test('ID: PPN 12 % on an 11/12 base (11 % effective), rounded once per invoice', async ({ assert }) => {
    const id = await market('ID')
    // 2 × Rp59.900 + Rp100.000 = Rp219.800; × 11/111 = Rp21.781,98… → Rp21.781,98 (2,178,198 minor).
    const result = taxOf(id, [
      { unitPrice: 5_990_000, quantity: 2 },
      { unitPrice: 10_000_000, quantity: 1 },
    ])
    assert.equal(result.tax, 2_178_198)
    assert.equal(result.lines[0].rate, 12)
    // Spread over the lines in proportion; the lines add up to the invoice.
    assert.deepEqual(result.lines.map((line) => line.tax), [1_187_208, 990_990])
    assert.equal(result.net + result.tax, result.gross)
    // In 2024 the rate was 11 % on the full price: the same tax fraction.
    assert.equal(taxOf(id, [{ unitPrice: 11_100_000, quantity: 1 }], on('2024-06-01')).tax, 1_100_000)
  })

  test('ID: invoice-level rounding differs from per-line rounding where fractions accumulate', async ({ assert }) => {
    const id = await market('ID')
    // Each Rp40 line holds 4000 × 11/111 = 396.396… minor: per line 396 × 3 = 1188,
    // per invoice 12000 × 11/111 = 1189.189… → 1189.
    const invoice = taxOf(id, [1, 2, 3].map(() => ({ unitPrice: 4000, quantity: 1 })))
    assert.equal(invoice.tax, 1189)
    const perLine = taxOf(withTax(id, { roundingLevel: 'line' }), [1, 2, 3].map(() => ({ unitPrice: 4000, quantity: 1 })))
    assert.equal(perLine.tax, 1188)
  })

  test('TH: VAT 7 % inside the price', async ({ assert }) => {
    const th = await market('TH')
    assert.equal(taxOf(th, [{ unitPrice: 10_700, quantity: 1 }]).tax, 700)
    // ฿99.00 × 7/107 = ฿6.4766… → ฿6.48
    assert.equal(taxOf(th, [{ unitPrice: 9_900, quantity: 1 }]).tax, 648)
  })

  test('VN: 10 % standard, 8 % reduced until 2026-12-31, in whole đồng (exponent 0)', async ({ assert }) => {
    const vn = await market('VN')
    const result = taxOf(vn, [
      { unitPrice: 259_000, quantity: 1, taxCategory: 'standard' },
      { unitPrice: 259_000, quantity: 1, taxCategory: 'reduced' },
    ])
    // 259,000 × 10/110 = 23,545.45 → 23,545; × 8/108 = 19,185.19 → 19,185
    assert.deepEqual(result.lines.map((line) => [line.rate, line.tax]), [
      [10, 23_545],
      [8, 19_185],
    ])
    const next = taxOf(vn, [{ unitPrice: 259_000, quantity: 1, taxCategory: 'reduced' }], on('2027-01-02'))
    assert.equal(next.lines[0].rate, 10)
  })

  test('BR: rates per category (simplified ICMS)', async ({ assert }) => {
    const br = await market('BR')
    const result = taxOf(br, [
      { unitPrice: 10_000, quantity: 1, taxCategory: 'standard' },
      { unitPrice: 2_000, quantity: 1, taxCategory: 'basic_food' },
    ])
    // R$100,00 × 18/118 = 15,2542 → 15,25; R$20,00 × 7/107 = 1,3084 → 1,31
    assert.deepEqual(result.lines.map((line) => [line.rate, line.tax]), [
      [18, 1_525],
      [7, 131],
    ])
  })

  test('the market local day picks the rate: 23:30 UTC on 2023-12-31 is already 2024 in Singapore', async ({ assert }) => {
    const sg = await market('SG')
    const lateUtc = DateTime.fromISO('2023-12-31T23:30:00', { zone: 'utc' })
    assert.equal(taxOf(sg, [{ unitPrice: 1090, quantity: 1 }], lateUtc).lines[0].rate, 9)
  })

  test('half-even and half-up differ exactly on a half, on exclusive prices', async ({ assert }) => {
    const sg = await market('SG')
    const exclusive = (rounding: 'half-up' | 'half-even') =>
      withTax(sg, { pricesIncludeTax: false, rounding })
    // 50 × 9 % = 4.5 minor units
    assert.equal(taxOf(exclusive('half-up'), [{ unitPrice: 50, quantity: 1 }]).tax, 5)
    assert.equal(taxOf(exclusive('half-even'), [{ unitPrice: 50, quantity: 1 }]).tax, 4)
    assert.equal(taxOf(exclusive('half-even'), [{ unitPrice: 150, quantity: 1 }]).tax, 14) // 13.5 → 14
    assert.deepEqual(taxOf(exclusive('half-up'), [{ unitPrice: 1000, quantity: 1 }]).lines[0], { gross: 1090, tax: 90, net: 1000, rate: 9 })
  })

  test('an unknown tax category is refused', async ({ assert }) => {
    const sg = await market('SG')
    assert.throws(() => taxOf(sg, [{ unitPrice: 100, quantity: 1, taxCategory: 'luxury' }]), /not a tax category/)
  })

  test('exact division with the two rounding modes', ({ assert }) => {
    assert.deepEqual(
      [[5n, 2n], [7n, 2n], [-5n, 2n], [10n, 4n], [11n, 4n]].map(([n, d]) => [divideRounded(n, d, 'half-up'), divideRounded(n, d, 'half-even')]),
      [[3n, 2n], [4n, 4n], [-3n, -2n], [3n, 2n], [3n, 3n]]
    )
  })
})

test.group('Tax: properties', () => {
  test('for any lines in any market: lines add up to the totals, net + tax = gross, tax never negative', async ({ assert }) => {
    const markets = await demoMarkets()
    const run = fc.check(
      fc.property(
        fc.constantFrom(...markets),
        fc.array(fc.record({ unitPrice: fc.integer({ min: 0, max: 50_000_000 }), quantity: fc.integer({ min: 1, max: 50 }), pick: fc.nat() }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom<'line' | 'invoice'>('line', 'invoice'),
        fc.boolean(),
        (m, lines, level, inclusive) => {
          const categories = Object.keys(m.tax.categories)
          const variant = withTax(m, { roundingLevel: level, pricesIncludeTax: inclusive })
          const result = taxOf(variant, lines.map((line) => ({ ...line, taxCategory: categories[line.pick % categories.length] })))
          const sum = (key: 'gross' | 'tax' | 'net') => result.lines.reduce((total, line) => total + line[key], 0)
          return (
            sum('gross') === result.gross &&
            sum('tax') === result.tax &&
            sum('net') === result.net &&
            result.lines.every((line) => line.tax >= 0 && line.net + line.tax === line.gross && line.tax <= line.gross)
          )
        }
      ),
      { numRuns: 400 }
    )
    assert.isFalse(run.failed, fc.defaultReportMessage(run))
    assert.equal(run.numRuns, 400)
  })
})

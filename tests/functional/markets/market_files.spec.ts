import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { MarketRegistry } from '#markets/services/market_registry'
import { DEMO_REGIONS } from '#tests/support/markets'

/** What MARKETS.md says of each demo market; the files must agree. */
const FACTS = {
  SG: { region: 'sea-1', currency: 'SGD', exponent: 2, timezone: 'Asia/Singapore', locale: 'en-SG', tax: 'GST', standard: 9 },
  MY: { region: 'sea-1', currency: 'MYR', exponent: 2, timezone: 'Asia/Kuala_Lumpur', locale: 'ms-MY', tax: 'SST', standard: 10 },
  ID: { region: 'sea-2', currency: 'IDR', exponent: 2, timezone: 'Asia/Jakarta', locale: 'id-ID', tax: 'PPN', standard: 12 },
  PH: { region: 'sea-2', currency: 'PHP', exponent: 2, timezone: 'Asia/Manila', locale: 'en-PH', tax: 'VAT', standard: 12 },
  TH: { region: 'sea-3', currency: 'THB', exponent: 2, timezone: 'Asia/Bangkok', locale: 'th-TH', tax: 'VAT', standard: 7 },
  VN: { region: 'sea-3', currency: 'VND', exponent: 0, timezone: 'Asia/Ho_Chi_Minh', locale: 'vi-VN', tax: 'VAT', standard: 10 },
  TW: { region: 'ea-1', currency: 'TWD', exponent: 2, timezone: 'Asia/Taipei', locale: 'zh-TW', tax: 'Business Tax', standard: 5 },
  BR: { region: 'latam-1', currency: 'BRL', exponent: 2, timezone: 'America/Sao_Paulo', locale: 'pt-BR', tax: 'ICMS', standard: 18 },
} as const

test.group('Market files', () => {
  test('every file in config/markets loads and validates', async ({ assert }) => {
    const registry = await MarketRegistry.loadFolder(app.configPath('markets'), app.appRoot.pathname, {
      regions: DEMO_REGIONS,
    })
    assert.sameMembers(registry.codes(), Object.keys(FACTS))
  })

  test('each demo market carries its real currency, region, timezone, locale and tax', async ({ assert }) => {
    const registry = await app.container.make('markets')
    for (const [code, fact] of Object.entries(FACTS)) {
      const market = registry.find(code)!
      assert.equal(market.region, fact.region, `${code} region`)
      assert.equal(market.currency, fact.currency, `${code} currency`)
      assert.equal(market.currencyExponent, fact.exponent, `${code} exponent`)
      assert.equal(market.timezone, fact.timezone, `${code} timezone`)
      assert.equal(market.defaultLocale, fact.locale, `${code} default locale`)
      assert.equal(market.tax.label, fact.tax, `${code} tax label`)
      assert.isTrue(market.tax.pricesIncludeTax, `${code} shows consumer prices with tax`)
      const rates = market.tax.categories.standard.rates
      const latest = [...rates].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom)).at(-1)!
      // VN's standard category keeps 10 %; the temporary 8 % is its own category.
      assert.equal(latest.rate, fact.standard, `${code} standard rate`)
      assert.include(market.domains, `${code.toLowerCase()}.pasar.localhost`)
    }
  })

  test('Indonesia taxes 12 % on a base of 11/12 of the price from 2025', async ({ assert }) => {
    const registry = await app.container.make('markets')
    const rate = registry.find('ID')!.tax.categories.standard.rates.find((r) => r.effectiveFrom === '2025-01-01')!
    assert.deepEqual({ rate: rate.rate, base: rate.taxableBase }, { rate: 12, base: { numerator: 11, denominator: 12 } })
  })

  test('whole-unit currencies allow no price decimals (IDR, TWD, VND)', async ({ assert }) => {
    const registry = await app.container.make('markets')
    assert.deepEqual(
      ['ID', 'TW', 'VN'].map((code) => registry.find(code)!.priceDecimals),
      [0, 0, 0]
    )
  })

  test('a loaded market cannot be changed at run time', async ({ assert }) => {
    const registry = await app.container.make('markets')
    const market = registry.find('SG')!
    assert.throws(() => {
      ;(market.tax.categories.standard.rates[0] as { rate: number }).rate = 0
    })
    assert.equal(market.tax.categories.standard.rates[0].rate, 8)
  })
})

import { test } from '@japa/runner'
import { InvalidMarketConfigError } from '#markets/errors'
import { marketFixture, problemsOf, source } from '#tests/support/markets'

/**
 * Every rule a market file must follow, each broken alone: the registry
 * refuses the whole set and names the file, the field and the problem.
 */
test.group('Market validation', () => {
  test('an unknown ISO 4217 currency is refused', async ({ assert }) => {
    const market = marketFixture()
    market.currency = 'XYZ'
    const problems = await problemsOf([source(market)])
    assert.deepEqual(problems, [
      { file: 'config/markets/sg.ts', field: 'currency', message: '"XYZ" is not an ISO 4217 currency code' },
    ])
  })

  test('an unknown locale is refused', async ({ assert }) => {
    const market = marketFixture()
    market.locales = ['en-SG', 'xx-QQ']
    const problems = await problemsOf([source(market)])
    assert.deepEqual(problems, [
      {
        file: 'config/markets/sg.ts',
        field: 'locales.1',
        message: '"xx-QQ" is not a known BCP 47 locale (e.g. en-SG)',
      },
    ])
  })

  test('a locale with an unknown country is refused', async ({ assert }) => {
    const market = marketFixture()
    market.locales = ['en-QQ']
    const [problem] = await problemsOf([source(market)])
    assert.equal(problem.field, 'locales.0')
  })

  test('a domain claimed by two markets is refused, naming both files', async ({ assert }) => {
    const sg = marketFixture('SG')
    const id = marketFixture('ID')
    id.domains = ['id.pasar.localhost', 'sg.pasar.localhost']
    const problems = await problemsOf([source(sg), source(id, 'config/markets/id.ts')])
    assert.deepEqual(problems, [
      {
        file: 'config/markets/id.ts',
        field: 'domains.1',
        message: '"sg.pasar.localhost" is already a domain of config/markets/sg.ts (SG)',
      },
    ])
  })

  test('domains are compared case-insensitively', async ({ assert }) => {
    const sg = marketFixture('SG')
    const id = marketFixture('ID')
    id.domains = ['PASAR.SG']
    const problems = await problemsOf([source(sg), source(id, 'config/markets/id.ts')])
    assert.equal(problems[0]?.field, 'domains.0')
  })

  test('a region without a shard is refused', async ({ assert }) => {
    const market = marketFixture()
    market.region = 'eu-9'
    const problems = await problemsOf([source(market)])
    assert.deepEqual(problems, [
      {
        file: 'config/markets/sg.ts',
        field: 'region',
        message: '"eu-9" has no shard (regions with a shard: sea-1, sea-2, sea-3, ea-1, latam-1)',
      },
    ])
  })

  test('a tax rate above 100 or below 0 is refused', async ({ assert }) => {
    const market = marketFixture()
    ;(market.tax.categories.standard.rates[1] as { rate: number }).rate = 109
    ;(market.tax.categories.zero.rates[0] as { rate: number }).rate = -1
    const problems = await problemsOf([source(market)])
    assert.deepEqual(problems, [
      { file: 'config/markets/sg.ts', field: 'tax.categories.standard.rates.1.rate', message: 'must be between 0 and 100' },
      { file: 'config/markets/sg.ts', field: 'tax.categories.zero.rates.0.rate', message: 'must be between 0 and 100' },
    ])
  })

  test('a default courier that is not among the couriers is refused', async ({ assert }) => {
    const market = marketFixture()
    market.couriers.defaultCourier = 'pigeon_post'
    const problems = await problemsOf([source(market)])
    assert.lengthOf(problems, 1)
    assert.equal(problems[0].field, 'couriers.defaultCourier')
    assert.match(problems[0].message, /^"pigeon_post" is not one of the couriers \(ninja_van, /)
  })

  test('a missing default gateway is refused', async ({ assert }) => {
    const market = marketFixture() as unknown as { payments: Record<string, unknown> }
    delete market.payments.defaultGateway
    const problems = await problemsOf([source(market)])
    assert.deepEqual(problems, [
      { file: 'config/markets/sg.ts', field: 'payments.defaultGateway', message: 'is missing' },
    ])
  })

  test('a default gateway that is not enabled is refused', async ({ assert }) => {
    const market = marketFixture()
    market.payments.defaultGateway = 'bitcoin'
    const problems = await problemsOf([source(market)])
    assert.equal(problems[0].field, 'payments.defaultGateway')
    assert.match(problems[0].message, /"bitcoin" is not one of the gateways/)
  })

  test('a market with no courier at all is refused', async ({ assert }) => {
    const market = marketFixture()
    market.couriers.list = []
    const fields = (await problemsOf([source(market)])).map((problem) => problem.field)
    assert.sameMembers(fields, ['couriers.list', 'couriers.defaultCourier'])
  })

  test('a file whose code differs from its name is refused', async ({ assert }) => {
    const market = marketFixture()
    market.code = 'MY'
    const problems = await problemsOf([source(market)])
    assert.equal(problems[0].field, 'code')
  })

  test('cash on delivery without a maximum amount is refused', async ({ assert }) => {
    const market = marketFixture('ID')
    const cod = market.payments.gateways.find((gateway) => gateway.provider === 'cod')!
    delete cod.settings!.maxAmount
    const index = market.payments.gateways.indexOf(cod)
    const problems = await problemsOf([source(market, 'config/markets/id.ts')])
    assert.deepEqual(
      problems.map((problem) => problem.field),
      [`payments.gateways.${index}.settings.maxAmount`]
    )
  })

  test('weight bands out of order are refused', async ({ assert }) => {
    const market = marketFixture()
    const bands = market.couriers.list[0].rates.bands
    ;[bands[0], bands[1]] = [bands[1], bands[0]]
    const problems = await problemsOf([source(market)])
    assert.include(problems.map((problem) => problem.field), 'couriers.list.0.rates.bands.1.upToGrams')
  })

  test('more price decimals than the currency has are refused', async ({ assert }) => {
    const market = marketFixture('ID')
    market.currency = 'VND'
    market.priceDecimals = 2
    const problems = await problemsOf([source(market, 'config/markets/id.ts')])
    assert.deepEqual(problems.map((p) => p.field), ['priceDecimals'])
  })

  test('every problem of every file is reported at once, one line each', async ({ assert }) => {
    const sg = marketFixture('SG')
    sg.currency = 'XYZ'
    sg.timezone = 'Mars/Olympus'
    const id = marketFixture('ID')
    id.region = 'nowhere'
    const problems = await problemsOf([source(sg), source(id, 'config/markets/id.ts')])
    assert.sameMembers(
      problems.map((problem) => `${problem.file}:${problem.field}`),
      ['config/markets/sg.ts:currency', 'config/markets/sg.ts:timezone', 'config/markets/id.ts:region']
    )
    const error = new InvalidMarketConfigError(problems)
    assert.equal(error.message.split('\n').length, 4)
    assert.include(error.message, 'config/markets/sg.ts: timezone: "Mars/Olympus" is not an IANA timezone')
  })

  test('a staff host cannot be a storefront domain', async ({ assert }) => {
    const market = marketFixture()
    market.domains = ['admin.pasar.localhost']
    const problems = await problemsOf([source(market)])
    assert.equal(problems[0].field, 'domains.0')
  })

  test('a well-formed file passes', async ({ assert }) => {
    assert.deepEqual(await problemsOf([source(marketFixture())]), [])
  })
})

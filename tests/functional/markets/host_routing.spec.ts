import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import type { StorefrontConfig } from '#config/storefront'

const DEMO = ['SG', 'MY', 'ID', 'PH', 'TH', 'VN', 'TW', 'BR']

test.group('Host routing', () => {
  test('every domain of every demo market serves that market', async ({ client, assert }) => {
    const markets = await app.container.make('markets')
    for (const code of DEMO) {
      for (const domain of markets.find(code)!.domains) {
        const response = await client.get('/api/v1/market').header('Host', domain)
        response.assertStatus(200)
        assert.equal(response.body().data.code, code, domain)
      }
    }
  })

  test('the port and the letter case of the Host do not matter', async ({ client, assert }) => {
    for (const host of ['ID.Pasar.LOCALHOST:3334', 'id.pasar.localhost:80', 'Pasar.Co.Id']) {
      const response = await client.get('/api/v1/market').header('Host', host)
      response.assertStatus(200)
      assert.equal(response.body().data.code, 'ID', host)
    }
  })

  test('the public market config has no secrets', async ({ client, assert }) => {
    const response = await client.get('/api/v1/market').header('Host', 'sg.pasar.localhost')
    const text = JSON.stringify(response.body())
    for (const secret of ['Env', 'STRIPE', 'WEBHOOK', 'file', 'region', 'registry']) {
      assert.notInclude(text, secret)
    }
    assert.deepEqual(response.body().data.currency, { code: 'SGD', exponent: 2, priceDecimals: 2 })
  })

  test('an unknown host is a JSON 404 E_UNKNOWN_MARKET', async ({ client, assert }) => {
    const response = await client.get('/api/v1/market').header('Host', 'shop.example.com')
    response.assertStatus(404)
    assert.equal(response.body().error.code, 'E_UNKNOWN_MARKET')
    assert.include(response.body().error.message, 'shop.example.com')
    assert.match(response.header('content-type') ?? '', /application\/json/)
  })

  test('a near miss of a market domain is unknown, not routed', async ({ client }) => {
    for (const host of ['sg.pasar.localhost.evil.com', 'xsg.pasar.localhost', 'pasar.sg.example', '']) {
      const response = await client.get('/api/v1/market').header('Host', host)
      response.assertStatus(404)
      response.assertBodyContains({ error: { code: 'E_UNKNOWN_MARKET' } })
    }
  })

  test('the staff host is not a storefront', async ({ client }) => {
    const response = await client.get('/api/v1/market').header('Host', 'admin.pasar.localhost')
    response.assertStatus(404)
  })

  test('the response names its locale, picked among the market locales', async ({ client, assert }) => {
    const thai = await client.get('/api/v1/market').header('Host', 'th.pasar.localhost')
    assert.equal(thai.header('content-language'), 'th-TH')
    const english = await client
      .get('/api/v1/market')
      .header('Host', 'th.pasar.localhost')
      .header('Accept-Language', 'en-GB,en;q=0.9')
    assert.equal(english.header('content-language'), 'en-TH')
  })
})

test.group('X-Market header', (group) => {
  const config = () => app.config.get<StorefrontConfig>('storefront')
  group.each.teardown(() => {
    config().allowMarketHeader = false
  })

  test('is ignored unless ALLOW_MARKET_HEADER is on', async ({ client, assert }) => {
    config().allowMarketHeader = false
    const response = await client.get('/api/v1/market').header('Host', 'sg.pasar.localhost').header('X-Market', 'BR')
    assert.equal(response.body().data.code, 'SG')

    const unknownHost = await client.get('/api/v1/market').header('Host', '127.0.0.1').header('X-Market', 'BR')
    unknownHost.assertStatus(404)
  })

  test('selects the market when ALLOW_MARKET_HEADER is on', async ({ client, assert }) => {
    config().allowMarketHeader = true
    const response = await client.get('/api/v1/market').header('Host', '127.0.0.1').header('X-Market', 'br')
    response.assertStatus(200)
    assert.equal(response.body().data.code, 'BR')
  })

  test('an unknown X-Market code is a 404, never a fallback to the host', async ({ client, assert }) => {
    config().allowMarketHeader = true
    const response = await client.get('/api/v1/market').header('Host', 'sg.pasar.localhost').header('X-Market', 'ZZ')
    response.assertStatus(404)
    assert.equal(response.body().error.code, 'E_UNKNOWN_MARKET')
  })
})

test.group('Errors and request ids', () => {
  test('an error message is in the language of the storefront', async ({ client, assert }) => {
    const indonesian = await client.get('/api/v1/nothing-here').header('Host', 'id.pasar.localhost')
    const english = await client
      .get('/api/v1/nothing-here')
      .header('Host', 'id.pasar.localhost')
      .header('Accept-Language', 'en')
    indonesian.assertStatus(404)
    english.assertStatus(404)
    assert.equal(indonesian.body().error.code, 'E_ROUTE_NOT_FOUND')
    assert.equal(english.body().error.message, 'There is no GET /api/v1/nothing-here route.')
    assert.notEqual(indonesian.body().error.message, english.body().error.message)
    assert.include(indonesian.body().error.message, '/api/v1/nothing-here')
  })

  test('an unknown host answers in the language the client asks for', async ({ client, assert }) => {
    const portuguese = await client.get('/api/v1/market').header('Host', 'nowhere.test').header('Accept-Language', 'pt-BR')
    const chinese = await client.get('/api/v1/market').header('Host', 'nowhere.test').header('Accept-Language', 'zh-TW')
    assert.notEqual(portuguese.body().error.message, chinese.body().error.message)
    assert.include(portuguese.body().error.message, 'nowhere.test')
    assert.include(chinese.body().error.message, 'nowhere.test')
  })

  test('every response carries a request id, errors included', async ({ client, assert }) => {
    const ok = await client.get('/api/v1/market').header('Host', 'vn.pasar.localhost')
    const notFound = await client.get('/api/v1/market').header('Host', 'unknown.test')
    const live = await client.get('/health/live')
    const ids = [ok, notFound, live].map((response) => response.header('x-request-id'))
    for (const id of ids) assert.match(id ?? '', /^[0-9a-f-]{36}$/)
    assert.lengthOf(new Set(ids), 3)
  })

  test('every answer carries our own request id, whatever the client sent', async ({ client, assert }) => {
    const response = await client.get('/api/v1/market').header('Host', 'vn.pasar.localhost').header('X-Request-Id', 'edge-7f3a')
    assert.notEqual(response.header('x-request-id'), 'edge-7f3a')
    assert.match(response.header('x-request-id')!, /^[0-9a-f-]{36}$/)
  })
})

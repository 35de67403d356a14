import { test } from '@japa/runner'
import { gzipSync } from 'node:zlib'
import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import identityConfig from '#config/identity'
import { HealthAccess } from '#health/services/health_access'
import { PASSWORD, STAFF_HOST, accountFactory, hostOf, stateFingerprint, uniqueEmail, uniqueIp, staffWithSession } from '#tests/support/identity'
import { categoryTree, productFactory } from '#tests/support/catalog'
import { raw } from '#tests/support/http'

test.group('Hardening: bodies the API refuses', () => {
  test('a compressed body that does not decompress is a 400, a real gzip body is read', async ({ assert }) => {
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const response = await raw({ method: 'POST', path: '/api/v1/auth/login', host: hostOf('SG'), headers: { 'content-type': 'application/json', 'content-encoding': encoding, 'x-forwarded-for': uniqueIp() }, body: 'not compressed at all' })
      assert.equal(response.status, 400, encoding)
      assert.equal(response.body.error.code, 'E_BAD_REQUEST')
    }
    const { email } = await accountFactory('SG')
    const zipped = await raw({
      method: 'POST',
      path: '/api/v1/auth/login',
      host: hostOf('SG'),
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', 'x-forwarded-for': uniqueIp() },
      body: gzipSync(JSON.stringify({ email, password: PASSWORD })),
    })
    assert.equal(zipped.status, 200)
  })

  test('a write with a form, multipart or text body is a 415 and creates nothing', async ({ assert }) => {
    const before = await stateFingerprint()
    const email = uniqueEmail()
    const bodies: [string, string][] = [
      ['application/x-www-form-urlencoded', `role=buyer&email=${encodeURIComponent(email)}&password=${encodeURIComponent(PASSWORD)}&fullName=Form`],
      ['multipart/form-data; boundary=x', `--x\r\nContent-Disposition: form-data; name="email"\r\n\r\n${email}\r\n--x--\r\n`],
      ['text/plain', JSON.stringify({ role: 'buyer', email, password: PASSWORD, fullName: 'Text' })],
      ['', JSON.stringify({ role: 'buyer', email, password: PASSWORD, fullName: 'Untyped' })],
    ]
    for (const [type, body] of bodies) {
      const response = await raw({ method: 'POST', path: '/api/v1/auth/register', host: hostOf('SG'), headers: { ...(type && { 'content-type': type }), 'x-forwarded-for': uniqueIp() }, body })
      assert.equal(response.status, 415, type || 'no content type')
      assert.equal(response.body.error.code, 'E_UNSUPPORTED_MEDIA_TYPE')
    }
    assert.equal(await stateFingerprint(), before)
  })

  test('numbers are JSON numbers: "0x10", true, [1000] and " 1 " are 422 naming each field', async ({ client, assert }) => {
    const tree = await categoryTree('SG')
    const { product, market } = await productFactory('SG', { category: tree.tshirts.slug, prices: [1990], stock: 10 })
    const sku = (await market.table('skus').where('product_id', product.id).first()).public_id
    const buyer = await accountFactory('SG', 'buyer')
    const seller = await accountFactory('SG', 'seller')
    const before = await stateFingerprint()
    for (const quantity of ['0x10', true, [1000], ' 1 ', '2']) {
      const response = await client.post('/api/v1/cart/lines').header('Host', hostOf('SG')).bearerToken(buyer.token).json({ sku, quantity })
      response.assertStatus(422)
      assert.deepEqual(response.body().error.fields.map((field: any) => [field.field, field.rule]), [['quantity', 'number']], JSON.stringify(quantity))
    }
    const price = await client
      .post('/api/v1/seller/products')
      .header('Host', hostOf('SG'))
      .bearerToken(seller.token)
      .json({ category: tree.tshirts.slug, titles: { 'en-SG': 'Coerced', 'zh-SG': 'Coerced' }, skus: [{ sellerSku: 'C-1', price: { amount: true, currency: 'SGD' }, weightGrams: '100', stock: '5' }] })
    price.assertStatus(422)
    assert.sameMembers(price.body().error.fields.map((field: any) => field.field), ['skus.0.price.amount', 'skus.0.weightGrams', 'skus.0.stock'])
    assert.equal(await stateFingerprint(), before)
  })

  test('every validation message reads filled in every language of every market', async ({ client, assert }) => {
    const buyer = await accountFactory('SG', 'buyer')
    const markets = await (await import('@adonisjs/core/services/app')).default.container.make('markets')
    const lines = Array.from({ length: 1001 }, (_, index) => ({ sku: `SG-${String(index).padStart(26, '0')}`, quantity: 1 }))
    let checked = 0
    for (const market of markets.all()) {
      const host = hostOf(market.code)
      const account = market.code === 'SG' ? buyer : await accountFactory(market.code, 'buyer')
      for (const locale of market.locales) {
        const responses = [
          await client.post('/api/v1/auth/register').header('Host', host).header('Accept-Language', locale).header('X-Forwarded-For', uniqueIp()).json({ role: 'x', email: 'no', password: 'short', fullName: 'n'.repeat(200), phone: 1 }),
          await client.post('/api/v1/checkout/quote').header('Host', host).header('Accept-Language', locale).bearerToken(account.token).json({ lines, courier: 'NOT VALID' }),
          await client.post('/api/v1/checkout/quote').header('Host', host).header('Accept-Language', locale).bearerToken(account.token).json({ lines: lines.slice(0, market.limits.maxCartLines + 1) }),
          await client.post('/api/v1/cart/lines').header('Host', host).header('Accept-Language', locale).bearerToken(account.token).json({ sku: 'x', quantity: 0, extra: 1 }),
        ]
        for (const response of responses) {
          assert.isAtLeast(response.status(), 400)
          assert.notInclude(response.body().error.message, '{{', `${market.code} ${locale}`)
          for (const field of response.body().error.fields ?? []) {
            assert.notInclude(field.message, '{{', `${market.code} ${locale} ${field.field} ${field.rule}: ${field.message}`)
            checked++
          }
        }
      }
    }
    assert.isAbove(checked, 100)
  }).timeout(120_000)

  test('a path that is not valid percent-encoding gets the JSON error shape', async ({ assert }) => {
    const response = await raw({ method: 'GET', path: '/api/v1/products/%C0%80', host: hostOf('SG') })
    assert.equal(response.status, 400)
    assert.match(String(response.headers['content-type']), /^application\/json/)
    assert.equal(response.body.error.code, 'E_BAD_REQUEST')
  })
})

test.group('Hardening: identity of requests and tokens', () => {
  test("a client's X-Request-Id is never our id: not echoed, not in the audit log (a trusted proxy's is kept apart)", async ({ client, assert }) => {
    const forged = `forged-${randomUUID()}`
    const response = await client.get('/api/v1/market').header('Host', hostOf('VN')).header('X-Request-Id', forged)
    assert.notEqual(response.header('x-request-id'), forged)
    assert.match(response.header('x-request-id')!, /^[0-9a-f-]{36}$/)

    const { email } = await staffWithSession(client, [{ role: 'finance', markets: ['VN'] }])
    const signIn = await client.post('/api/v1/staff/login').header('Host', STAFF_HOST).header('X-Request-Id', forged).header('X-Forwarded-For', uniqueIp()).json({ email, password: PASSWORD })
    signIn.assertStatus(200)
    const entry = await db.connection('control').from('audit_logs').where('actor_email', email).where('action', 'staff.login').orderBy('id', 'desc').first()
    assert.equal(entry.request_id, signIn.header('x-request-id'))
    assert.notEqual(entry.request_id, forged)
    // The test client is a loopback peer, which Pasar trusts as a proxy: its id is kept, apart.
    assert.equal(entry.upstream_request_id, forged)
  })

  test('idempotency keys are case-sensitive: KEY-a and key-A are two checkouts', async ({ client, assert }) => {
    const tree = await categoryTree('SG')
    const { product, market } = await productFactory('SG', { category: tree.tshirts.slug, prices: [1990], stock: 10 })
    const sku = (await market.table('skus').where('product_id', product.id).first()).public_id
    const buyer = await accountFactory('SG', 'buyer')
    const order = (key: string) => client.post('/api/v1/orders').header('Host', hostOf('SG')).header('Idempotency-Key', key).bearerToken(buyer.token).json({ lines: [{ sku, quantity: 1 }] })
    const tag = randomUUID().slice(0, 8)
    const first = await order(`KEY-a-${tag}`)
    const second = await order(`key-A-${tag}`)
    first.assertStatus(201)
    second.assertStatus(201)
    assert.notEqual(first.body().data.checkoutId, second.body().data.checkoutId)
    assert.equal(Number((await market.table('orders').where('buyer_id', buyer.account.id).count('* as n').first()).n), 2)
  })

  test('a token has one spelling: padded, re-alphabeted or decorated copies of it are refused', async ({ client }) => {
    const { token } = await accountFactory('TH')
    ;(await client.get('/api/v1/me').header('Host', hostOf('TH')).bearerToken(token)).assertStatus(200)
    const [id, secret] = token.slice('pst_'.length).split('.')
    const variants = [`${token}=`, `${token}==`, `pst_${id}==.${secret}`, `pst_${id}.${secret.replace(/^./, '+')}`, `pst_${id}.${secret.slice(0, -1)}/`, `pst_0${id}.${secret}`]
    for (const variant of variants) {
      ;(await client.get('/api/v1/me').header('Host', hostOf('TH')).bearerToken(variant)).assertStatus(401)
    }
  })

  test('wrong current passwords count like failed sign-ins: 5 then locked, sign-in too, every attempt audited', async ({ client, assert }) => {
    const { token, email, account } = await accountFactory('MY')
    const change = (currentPassword: string) =>
      client.put('/api/v1/me/password').header('Host', hostOf('MY')).bearerToken(token).json({ currentPassword, password: 'a whole new secret 2026' })
    const { failures } = identityConfig.login.perAccount
    for (let i = 0; i < failures; i++) {
      const wrong = await change(`guess number ${i}`)
      wrong.assertStatus(422)
      assert.deepEqual(wrong.body().error.fields.map((field: any) => field.field), ['currentPassword'])
    }
    const locked = await change(PASSWORD)
    locked.assertStatus(429)
    assert.equal(locked.body().error.code, 'E_LOGIN_LOCKED')
    const signIn = await client.post('/api/v1/auth/login').header('Host', hostOf('MY')).header('X-Forwarded-For', uniqueIp()).json({ email, password: PASSWORD })
    signIn.assertStatus(429)
    const audited = await db.connection('control').from('audit_logs').where('actor_id', account.publicId).select('action', 'market_code')
    assert.equal(audited.filter((row) => row.action === 'identity.password_change_failed').length, failures)
    assert.equal(audited.filter((row) => row.action === 'identity.password_change_locked').length, 1)
    assert.isTrue(audited.every((row) => row.market_code === 'MY'))
  })
})

test.group('Hardening: exposure', () => {
  test('/health details go to internal callers only; the public sees the status', async ({ client, assert }) => {
    const internal = await client.get('/health')
    internal.assertStatus(200)
    assert.isArray(internal.body().data.checks)
    // Through the (trusted, loopback) proxy, from a public address: the status alone.
    const outside = await client.get('/health').header('X-Forwarded-For', '203.0.113.7')
    outside.assertStatus(200)
    assert.deepEqual(outside.body(), { data: { status: 'ok' } })
    // The allow-list and token rules themselves.
    const access = new HealthAccess('10.0.0.0/8,2001:db8::/32', 'health-secret')
    const ctx = (ip: string, authorization?: string) => ({ request: { ip: () => ip, header: (name: string) => (name === 'authorization' ? authorization : undefined) } }) as any
    assert.isTrue(access.detailed(ctx('10.1.2.3')))
    assert.isTrue(access.detailed(ctx('2001:db8::1')))
    assert.isFalse(access.detailed(ctx('203.0.113.7')))
    assert.isFalse(access.detailed(ctx('127.0.0.1')))
    assert.isTrue(access.detailed(ctx('203.0.113.7', 'Bearer health-secret')))
    assert.isFalse(access.detailed(ctx('203.0.113.7', 'Bearer wrong')))
  })

  test('anonymous reads are limited per IP by the market; signed-in answers are private and never sniffed', async ({ client, assert }) => {
    const markets = await (await import('@adonisjs/core/services/app')).default.container.make('markets')
    const budget = markets.find('PH')!.limits.anonymousRequestsPerMinute
    const ip = uniqueIp()
    let ok = 0
    for (let batch = 0; batch < budget / 100; batch++) {
      const responses = await Promise.all(Array.from({ length: 100 }, () => client.get('/api/v1/categories').header('Host', hostOf('PH')).header('X-Forwarded-For', ip)))
      ok += responses.filter((response) => response.status() === 200).length
    }
    assert.equal(ok, budget)
    const over = await client.get('/api/v1/products').header('Host', hostOf('PH')).header('X-Forwarded-For', ip)
    over.assertStatus(429)
    assert.isAbove(Number(over.header('retry-after')), 0)
    // Another client is not affected.
    ;(await client.get('/api/v1/products').header('Host', hostOf('PH')).header('X-Forwarded-For', uniqueIp())).assertStatus(200)

    const { token } = await accountFactory('PH')
    const me = await client.get('/api/v1/me').header('Host', hostOf('PH')).bearerToken(token)
    assert.equal(me.header('cache-control'), 'no-store')
    assert.equal(me.header('x-content-type-options'), 'nosniff')
  }).timeout(60_000)
})

import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import {
  PASSWORD,
  SHOP,
  accountFactory,
  hostOf,
  marketContext,
  shardsHoldingEmail,
  stateFingerprint,
  uniqueEmail,
  uniqueIp,
} from '#tests/support/identity'
import { storefrontTokens } from '#identity/auth/user_providers'

function register(client: any, code: string, body: Record<string, unknown>) {
  return client
    .post('/api/v1/auth/register')
    .header('Host', hostOf(code))
    .header('X-Forwarded-For', uniqueIp())
    .json(body)
}

test.group('Accounts: registration and data residency', () => {
  test('a buyer registered on SG lives in sea-1 only, one on ID in sea-2 only', async ({ client, assert }) => {
    const sgEmail = uniqueEmail('sg')
    const idEmail = uniqueEmail('id')
    const sg = await register(client, 'SG', { role: 'buyer', email: sgEmail, password: PASSWORD, fullName: 'Siti' })
    const id = await register(client, 'ID', { role: 'buyer', email: idEmail, password: PASSWORD, fullName: 'Budi' })
    sg.assertStatus(201)
    id.assertStatus(201)
    assert.deepEqual(await shardsHoldingEmail(sgEmail), [{ shard: 'sea-1', market: 'SG' }])
    assert.deepEqual(await shardsHoldingEmail(idEmail), [{ shard: 'sea-2', market: 'ID' }])
    assert.match(sg.body().data.account.id, /^SG-[0-9A-Z]{26}$/)
    assert.equal(sg.body().data.account.market, 'SG')
  })

  test('the same email in SG and MY (one shard) is two separate accounts', async ({ client, assert }) => {
    const email = uniqueEmail('twin')
    const body = { role: 'buyer', email, password: PASSWORD, fullName: 'Twin' }
    ;(await register(client, 'SG', body)).assertStatus(201)
    ;(await register(client, 'MY', body)).assertStatus(201)
    assert.sameDeepMembers(await shardsHoldingEmail(email), [
      { shard: 'sea-1', market: 'SG' },
      { shard: 'sea-1', market: 'MY' },
    ])
  })

  test('an email registers once per market; the second attempt names the field', async ({ client, assert }) => {
    const email = uniqueEmail('dup')
    ;(await register(client, 'TH', { role: 'buyer', email, password: PASSWORD, fullName: 'A' })).assertStatus(201)
    const again = await register(client, 'TH', { role: 'seller', email: email.toUpperCase(), password: PASSWORD, fullName: 'B', shop: SHOP })
    again.assertStatus(422)
    assert.deepEqual(again.body().error.fields.map((f: any) => [f.field, f.rule]), [['email', 'unique']])
    assert.lengthOf(await shardsHoldingEmail(email), 1)
  })

  test('12 parallel registrations of one email give exactly one account', async ({ client, assert }) => {
    const email = uniqueEmail('race')
    const responses = await Promise.all(
      Array.from({ length: 12 }, () => register(client, 'VN', { role: 'buyer', email, password: PASSWORD, fullName: 'Race' }))
    )
    const statuses = responses.map((response) => response.status()).sort()
    assert.deepEqual(statuses, [201, ...Array(11).fill(422)])
    assert.lengthOf(await shardsHoldingEmail(email), 1)
  })

  test('emails are trimmed and lower-cased; sign-in ignores their case', async ({ client, assert }) => {
    const email = uniqueEmail('Case')
    const created = await register(client, 'PH', { role: 'buyer', email: `  ${email.toUpperCase()} `, password: PASSWORD, fullName: 'Case' })
    created.assertStatus(201)
    assert.equal(created.body().data.account.email, email.toLowerCase())
    const login = await client
      .post('/api/v1/auth/login')
      .header('Host', hostOf('PH'))
      .header('X-Forwarded-For', uniqueIp())
      .json({ email: email.toUpperCase(), password: PASSWORD })
    login.assertStatus(200)
  })

  test('a seller registers with a shop in their market; a buyer cannot', async ({ client, assert }) => {
    const email = uniqueEmail('seller')
    const seller = await register(client, 'BR', {
      role: 'seller',
      email,
      password: PASSWORD,
      fullName: 'Joana',
      shop: { ...SHOP, name: 'Loja da Joana', taxId: '12.345.678/0001-95' },
    })
    seller.assertStatus(201)
    assert.equal(seller.body().data.account.shop.slug, 'loja-da-joana')
    assert.equal(seller.body().data.account.shop.pickupAddress.country, 'BR')
    const [shop] = await db.connection('latam-1').from('shops').where('slug', 'loja-da-joana').where('market_code', 'BR')
    assert.equal(shop.tax_id, '12.345.678/0001-95')

    const before = await stateFingerprint()
    const buyer = await register(client, 'BR', { role: 'buyer', email: uniqueEmail(), password: PASSWORD, fullName: 'X', shop: SHOP })
    buyer.assertStatus(422)
    assert.deepEqual(buyer.body().error.fields.map((f: any) => f.field), ['shop'])
    assert.equal(await stateFingerprint(), before)
  })

  test('a taken shop name gets a new slug; a taken explicit slug is refused', async ({ client, assert }) => {
    const body = () => ({ role: 'seller', email: uniqueEmail(), password: PASSWORD, fullName: 'S', shop: { ...SHOP, name: 'Same Name Shop' } })
    const first = await register(client, 'TW', body())
    const second = await register(client, 'TW', body())
    first.assertStatus(201)
    second.assertStatus(201)
    assert.equal(first.body().data.account.shop.slug, 'same-name-shop')
    assert.match(second.body().data.account.shop.slug, /^same-name-shop-[a-z0-9]{6}$/)

    const explicit = await register(client, 'TW', { ...body(), shop: { ...SHOP, name: 'Other', slug: 'same-name-shop' } })
    explicit.assertStatus(422)
    assert.deepEqual(explicit.body().error.fields.map((f: any) => [f.field, f.rule]), [['shop.slug', 'unique']])
  })

  test('bad input: every bad field named, nothing written', async ({ client, assert }) => {
    const before = await stateFingerprint()
    const response = await register(client, 'SG', {
      role: 'admin',
      email: 'not-an-email',
      password: 'short',
      fullName: '',
      phone: '12345',
    })
    response.assertStatus(422)
    assert.sameMembers(
      response.body().error.fields.map((f: any) => f.field),
      ['role', 'email', 'password', 'fullName', 'phone']
    )
    const seller = await register(client, 'SG', { role: 'seller', email: uniqueEmail(), password: PASSWORD, fullName: 'S' })
    assert.deepEqual(seller.body().error.fields.map((f: any) => [f.field, f.rule]), [['shop', 'required']])
    assert.equal(await stateFingerprint(), before)
  })

  test('the password policy refuses short, common, repetitive and email-based passwords', async ({ client, assert }) => {
    const email = uniqueEmail('policy')
    const cases: [string, string][] = [
      ['short1', 'minLength'],
      ['password123', 'passwordCommon'],
      ['aaaaaaaaaaaa', 'passwordWeak'],
      [`${email.split('@')[0]}!2024`, 'passwordContainsEmail'],
      ['x'.repeat(129), 'maxLength'],
    ]
    for (const [password, rule] of cases) {
      const response = await register(client, 'SG', { role: 'buyer', email, password, fullName: 'P' })
      response.assertStatus(422)
      assert.deepEqual(response.body().error.fields.map((f: any) => [f.field, f.rule]), [['password', rule]], password)
    }
    assert.lengthOf(await shardsHoldingEmail(email), 0)
  })

  test('passwords and tokens are stored hashed, never in clear', async ({ assert }) => {
    const { account, token, email } = await accountFactory('ID')
    const row = await db.connection('sea-2').from('users').where('email', email).first()
    assert.match(row.password, /^\$scrypt\$/)
    assert.notInclude(row.password, PASSWORD)
    const tokens = await db.connection('sea-2').from('access_tokens').where('tokenable_id', account.id)
    assert.lengthOf(tokens, 1)
    const secret = token.split('.')[1]
    assert.notInclude(JSON.stringify(tokens), secret)
    assert.equal(tokens[0].market_code, 'ID')
  })
})

test.group('Accounts: sign-in, tokens, password', () => {
  function login(client: any, code: string, email: string, password: string) {
    return client
      .post('/api/v1/auth/login')
      .header('Host', hostOf(code))
      .header('X-Forwarded-For', uniqueIp())
      .json({ email, password })
  }

  test('sign in, then the token opens /me on its own market', async ({ client, assert }) => {
    const { email } = await accountFactory('TH', 'seller')
    const response = await login(client, 'TH', email, PASSWORD)
    response.assertStatus(200)
    const token = response.body().data.token.value
    assert.match(token, /^pst_/)
    const me = await client.get('/api/v1/me').header('Host', hostOf('TH')).bearerToken(token)
    me.assertStatus(200)
    assert.equal(me.body().data.email, email)
    assert.equal(me.body().data.shop.pickupAddress.country, 'TH')
  })

  test('a wrong password and an unknown email get the same 401', async ({ client, assert }) => {
    const { email } = await accountFactory('VN')
    const wrong = await login(client, 'VN', email, 'wrong password here')
    const unknown = await login(client, 'VN', uniqueEmail('nobody'), PASSWORD)
    wrong.assertStatus(401)
    unknown.assertStatus(401)
    assert.deepEqual(wrong.body(), unknown.body())
    assert.equal(wrong.body().error.code, 'E_INVALID_CREDENTIALS')
  })

  test('an account of SG cannot sign in on MY or ID', async ({ client }) => {
    const { email } = await accountFactory('SG')
    ;(await login(client, 'MY', email, PASSWORD)).assertStatus(401)
    ;(await login(client, 'ID', email, PASSWORD)).assertStatus(401)
  })

  test('a SG token is refused on the ID storefront and on MY (same shard)', async ({ client, assert }) => {
    const { token } = await accountFactory('SG')
    ;(await client.get('/api/v1/me').header('Host', hostOf('SG')).bearerToken(token)).assertStatus(200)
    for (const code of ['ID', 'MY', 'BR']) {
      const response = await client.get('/api/v1/me').header('Host', hostOf(code)).bearerToken(token)
      response.assertStatus(401)
      assert.equal(response.body().error.code, 'E_UNAUTHORIZED', code)
    }
  })

  test('malformed, forged and expired tokens are 401', async ({ client, assert }) => {
    const { token, account } = await accountFactory('PH')
    const [prefix, rest] = [token.slice(0, token.indexOf('.') + 1), token.slice(token.indexOf('.') + 1)]
    const forged = `${prefix}${rest.slice(0, -2)}${rest.endsWith('AA') ? 'BB' : 'AA'}`
    for (const value of ['', 'nonsense', 'pst_', 'pst_.', 'pst_MQ.x', forged, token.replace('pst_', 'pss_'), `${token}x`]) {
      const response = await client.get('/api/v1/me').header('Host', hostOf('PH')).header('Authorization', `Bearer ${value}`)
      response.assertStatus(401)
    }
    assert.isAbove(Number(account.id), 0)

    // A token that expires while its session is cached: refused on time.
    const market = await marketContext('PH')
    const shortLived = (await storefrontTokens(market).create(account.id, ['storefront'], { expiresIn: 2 })).value!.release()
    ;(await client.get('/api/v1/me').header('Host', hostOf('PH')).bearerToken(shortLived)).assertStatus(200)
    await new Promise((resolve) => setTimeout(resolve, 2100))
    ;(await client.get('/api/v1/me').header('Host', hostOf('PH')).bearerToken(shortLived)).assertStatus(401)
  })

  test('logout ends the token', async ({ client }) => {
    const { token } = await accountFactory('BR')
    ;(await client.post('/api/v1/auth/logout').header('Host', hostOf('BR')).bearerToken(token)).assertStatus(204)
    ;(await client.get('/api/v1/me').header('Host', hostOf('BR')).bearerToken(token)).assertStatus(401)
  })

  test('changing the password signs other sessions out and keeps this one', async ({ client, assert }) => {
    const { email, token } = await accountFactory('MY')
    const other = (await login(client, 'MY', email, PASSWORD)).body().data.token.value

    const wrong = await client
      .put('/api/v1/me/password')
      .header('Host', hostOf('MY'))
      .bearerToken(token)
      .json({ currentPassword: 'not my password', password: 'a brand new secret' })
    wrong.assertStatus(422)
    assert.deepEqual(wrong.body().error.fields.map((f: any) => f.field), ['currentPassword'])

    const changed = await client
      .put('/api/v1/me/password')
      .header('Host', hostOf('MY'))
      .bearerToken(token)
      .json({ currentPassword: PASSWORD, password: 'a brand new secret' })
    changed.assertStatus(204)

    ;(await client.get('/api/v1/me').header('Host', hostOf('MY')).bearerToken(token)).assertStatus(200)
    ;(await client.get('/api/v1/me').header('Host', hostOf('MY')).bearerToken(other)).assertStatus(401)
    ;(await login(client, 'MY', email, PASSWORD)).assertStatus(401)
    ;(await login(client, 'MY', email, 'a brand new secret')).assertStatus(200)
  })
})

test.group('Seller shop', () => {
  test('a seller reads and edits their own shop', async ({ client, assert }) => {
    const { token } = await accountFactory('ID', 'seller')
    const updated = await client
      .put('/api/v1/seller/shop')
      .header('Host', hostOf('ID'))
      .bearerToken(token)
      .json({ name: 'Toko Baru', slug: `toko-baru-${Date.now()}`, taxId: '01.234.567.8-012.000' })
    updated.assertStatus(200)
    assert.equal(updated.body().data.name, 'Toko Baru')
    const shown = await client.get('/api/v1/seller/shop').header('Host', hostOf('ID')).bearerToken(token)
    assert.equal(shown.body().data.taxId, '01.234.567.8-012.000')
  })

  test('bad shop input names each field and changes nothing', async ({ client, assert }) => {
    const { token } = await accountFactory('ID', 'seller')
    const before = await stateFingerprint()
    const response = await client
      .put('/api/v1/seller/shop')
      .header('Host', hostOf('ID'))
      .bearerToken(token)
      .json({ name: 'x', slug: 'Not A Slug!', pickupAddress: { line1: '', city: 'X', postalCode: '!', contactName: 'Y', contactPhone: '0812' } })
    response.assertStatus(422)
    assert.sameMembers(response.body().error.fields.map((f: any) => f.field), [
      'name',
      'slug',
      'pickupAddress.line1',
      'pickupAddress.postalCode',
      'pickupAddress.contactPhone',
    ])
    assert.equal(await stateFingerprint(), before)
  })

  test("a slug already used by another shop of the market is refused", async ({ client, assert }) => {
    const first = await accountFactory('SG', 'seller')
    const second = await accountFactory('SG', 'seller')
    const response = await client
      .put('/api/v1/seller/shop')
      .header('Host', hostOf('SG'))
      .bearerToken(second.token)
      .json({ slug: first.shop!.slug })
    response.assertStatus(422)
    assert.deepEqual(response.body().error.fields.map((f: any) => [f.field, f.rule]), [['slug', 'unique']])
  })
})

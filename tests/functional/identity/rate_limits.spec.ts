import { test } from '@japa/runner'
import identityConfig from '#config/identity'
import { PASSWORD, accountFactory, hostOf, stateFingerprint, uniqueEmail, uniqueIp } from '#tests/support/identity'

test.group('Rate limits', () => {
  test('20 parallel wrong passwords on one account: 5 are checked, 15 are locked out', async ({ client, assert }) => {
    const { email } = await accountFactory('SG')
    const attempts = await Promise.all(
      Array.from({ length: 20 }, () =>
        client
          .post('/api/v1/auth/login')
          .header('Host', hostOf('SG'))
          .header('X-Forwarded-For', uniqueIp())
          .json({ email, password: 'not the password' })
      )
    )
    const statuses = attempts.map((response) => response.status())
    assert.equal(statuses.filter((status) => status === 401).length, identityConfig.login.perAccount.failures)
    assert.equal(statuses.filter((status) => status === 429).length, 20 - identityConfig.login.perAccount.failures)

    const locked = attempts.find((response) => response.status() === 429)!
    assert.equal(locked.body().error.code, 'E_LOGIN_LOCKED')
    const retryAfter = Number(locked.header('retry-after'))
    assert.isAbove(retryAfter, 60)
    assert.isAtMost(retryAfter, 15 * 60)

    // Locked means locked: the right password is refused too, from a new IP.
    const correct = await client
      .post('/api/v1/auth/login')
      .header('Host', hostOf('SG'))
      .header('X-Forwarded-For', uniqueIp())
      .json({ email, password: PASSWORD })
    correct.assertStatus(429)
  })

  test('a lock-out on SG does not lock the same email on MY', async ({ client, assert }) => {
    const email = uniqueEmail('both')
    await accountFactory('SG', 'buyer', email)
    await accountFactory('MY', 'buyer', email)
    const login = (code: string, password: string) =>
      client.post('/api/v1/auth/login').header('Host', hostOf(code)).header('X-Forwarded-For', uniqueIp()).json({ email, password })
    for (let i = 0; i < identityConfig.login.perAccount.failures; i++) (await login('SG', 'wrong wrong wrong')).assertStatus(401)
    // SG is locked now, for the right password too.
    const sg = await login('SG', PASSWORD)
    sg.assertStatus(429)
    assert.equal(sg.body().error.code, 'E_LOGIN_LOCKED')
    ;(await login('MY', PASSWORD)).assertStatus(200)
  })

  test('one IP gets 429 with Retry-After after its sign-in budget, in the storefront language', async ({ client, assert }) => {
    const ip = uniqueIp()
    const { requests } = identityConfig.login.perIp
    for (let i = 0; i < requests; i++) {
      const response = await client.post('/api/v1/auth/login').header('Host', hostOf('TH')).header('X-Forwarded-For', ip).json({ email: uniqueEmail(), password: 'whatever it is' })
      response.assertStatus(401)
    }
    const limited = await client.post('/api/v1/auth/login').header('Host', hostOf('TH')).header('X-Forwarded-For', ip).json({ email: uniqueEmail(), password: 'whatever it is' })
    limited.assertStatus(429)
    assert.equal(limited.body().error.code, 'E_RATE_LIMITED')
    assert.isAbove(Number(limited.header('retry-after')), 0)
    assert.match(limited.body().error.message, /[\u0E00-\u0E7F]/, 'Thai message')

    const english = await client.post('/api/v1/auth/login').header('Host', hostOf('TH')).header('X-Forwarded-For', ip).header('Accept-Language', 'en').json({ email: uniqueEmail(), password: 'whatever it is' })
    assert.match(english.body().error.message, /^Too many requests/)
  })

  test('registration is limited per IP and a refused registration writes nothing', async ({ client, assert }) => {
    const ip = uniqueIp()
    for (let i = 0; i < identityConfig.register.perIp.requests; i++) {
      const response = await client.post('/api/v1/auth/register').header('Host', hostOf('VN')).header('X-Forwarded-For', ip).json({ role: 'buyer', email: uniqueEmail(), password: PASSWORD, fullName: 'Bulk' })
      response.assertStatus(201)
    }
    const before = await stateFingerprint()
    const limited = await client.post('/api/v1/auth/register').header('Host', hostOf('VN')).header('X-Forwarded-For', ip).json({ role: 'buyer', email: uniqueEmail(), password: PASSWORD, fullName: 'Bulk' })
    limited.assertStatus(429)
    assert.isDefined(limited.header('retry-after'))
    assert.equal(await stateFingerprint(), before)
  })

  test("an account gets the market's API budget per minute across its tokens, then 429", async ({ client, assert }) => {
    const { token, market, email } = await accountFactory('TW')
    const budget = market.limits.apiRequestsPerMinute
    const statuses: number[] = []
    let remaining = ''
    for (let batch = 0; batch < budget / 50; batch++) {
      const responses = await Promise.all(
        Array.from({ length: 50 }, () => client.get('/api/v1/me').header('Host', hostOf('TW')).bearerToken(token))
      )
      statuses.push(...responses.map((response) => response.status()))
      remaining = responses.at(-1)!.header('x-ratelimit-remaining') ?? ''
    }
    assert.isTrue(statuses.every((status) => status === 200))
    assert.equal(remaining, '0')
    const over = await client.get('/api/v1/me').header('Host', hostOf('TW')).bearerToken(token)
    over.assertStatus(429)
    assert.isAbove(Number(over.header('retry-after')), 0)
    // Signing in again gives a new token, not a new budget.
    const again = await client.post('/api/v1/auth/login').header('Host', hostOf('TW')).header('X-Forwarded-For', uniqueIp()).json({ email, password: PASSWORD })
    again.assertStatus(200)
    ;(await client.get('/api/v1/me').header('Host', hostOf('TW')).bearerToken(again.body().data.token.value)).assertStatus(429)
    // Another account of the same market is not affected.
    const other = await accountFactory('TW')
    ;(await client.get('/api/v1/me').header('Host', hostOf('TW')).bearerToken(other.token)).assertStatus(200)
  }).timeout(60_000)
})

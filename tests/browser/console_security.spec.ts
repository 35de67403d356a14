import { test } from '@japa/runner'
import { readFileSync } from 'node:fs'
import db from '@adonisjs/lucid/services/db'
import redis from '@adonisjs/redis/services/main'
import { accountFactory, PASSWORD, staffFactory } from '#tests/support/identity'
import { accessibilityProblems, screenshot, sessionCookie, signIn } from '#tests/support/console'
import { raw } from '#tests/support/http'
import { resetMarketConfig } from '#tests/support/markets'

/** The session id inside the signed console cookie (`s:<base64url {message}>.<signature>`). */
function sessionIdOf(cookie: string) {
  const signed = decodeURIComponent(cookie).slice(2).split('.')[0]
  return JSON.parse(Buffer.from(signed, 'base64url').toString()).message as string
}

async function revisionsOf(code: string) {
  const [row] = await db.connection('control').from('market_config_revisions').where('market_code', code).count('* as n')
  return Number(row.n)
}

test.group('Console: sign-in, sessions, CSRF and scope', (group) => {
  group.each.setup(async () => {
    await resetMarketConfig()
    return () => resetMarketConfig()
  })

  test('an ops member enrols TOTP from a QR code drawn by the server, signs in, and the session id changes at each step', async ({ visit, assert }) => {
    const { email, staff } = await staffFactory([{ role: 'ops', markets: ['SG'] }])
    const page = await visit('/console/sign-in')
    assert.deepEqual(await accessibilityProblems(page), [])
    await screenshot(page, 'sign-in')
    const anonymous = await sessionCookie(page)
    assert.isNotNull(anonymous)

    await page.getByLabel('E-mail').fill(email)
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.assertPath('/console/second-factor')
    const qr = await page.locator('img.qr').getAttribute('src')
    assert.match(qr!, /^data:image\/png;base64,/)
    assert.deepEqual(await accessibilityProblems(page), [])
    await screenshot(page, 'totp-enrolment')
    const afterPassword = await sessionCookie(page)
    assert.notEqual(sessionIdOf(afterPassword!), sessionIdOf(anonymous!), 'a new session id once the password is right')

    // Signing in on the same browser with the old session id (fixation): that id no longer exists.
    assert.isNull(await redis.get(sessionIdOf(anonymous!)))

    const secret = (await page.locator('code.secret').textContent())!.trim()
    const { Totp } = await import('#identity/services/totp')
    await page.getByLabel('6-digit code').fill(Totp.codeAt(secret, email))
    await page.getByRole('button', { name: 'Verify' }).click()
    await page.assertElementsCount('ul.codes li', 10)
    assert.deepEqual(await accessibilityProblems(page), [])
    const signedIn = await sessionCookie(page)
    assert.notEqual(sessionIdOf(signedIn!), sessionIdOf(afterPassword!), 'a new session id once signed in')
    await page.getByRole('link', { name: 'Continue' }).click()
    // One market in scope: straight to it.
    await page.assertPath('/console/markets/SG')
    await page.assertTextContains('nav.market-nav', 'Configuration')
    assert.deepEqual(await accessibilityProblems(page), [])

    const login = await db.connection('control').from('audit_logs').where('action', 'staff.login').where('actor_id', staff.publicId).firstOrFail()
    assert.deepEqual(typeof login.details === 'string' ? JSON.parse(login.details) : login.details, { factors: ['password', 'totp'], via: 'console' })
    const enrolled = await db.connection('control').from('staff').where('id', staff.id).firstOrFail()
    assert.isNotNull(enrolled.totp_confirmed_at)
  })

  test('a wrong password, an empty field or a wrong code is refused beside its field and signs no one in', async ({ visit, assert }) => {
    const { email } = await staffFactory([{ role: 'ops', markets: ['SG'] }])
    const page = await visit('/console/sign-in')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.assertExists('#email-error')
    await page.assertExists('#password-error')
    await page.assertExists('#email[aria-invalid="true"]')
    assert.deepEqual(await accessibilityProblems(page), [])

    await page.getByLabel('E-mail').fill(email)
    await page.getByLabel('Password', { exact: true }).fill('not the password at all')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.assertPath('/console/sign-in')
    await page.assertExists('#sign-in-error')

    await page.getByLabel('E-mail').fill(email)
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByLabel('6-digit code').fill('12345')
    await page.getByRole('button', { name: 'Verify' }).click()
    await page.assertExists('#code-error')
    await page.getByLabel('6-digit code').fill('000000')
    await page.getByRole('button', { name: 'Verify' }).click()
    await page.assertPath('/console/second-factor')
    await page.assertExists('p.error[role="alert"]')

    const home = await page.goto('/console')
    await page.assertPath('/console/sign-in')
    assert.equal(home!.request().redirectedFrom()?.url().endsWith('/console'), true)
    const failed = await db.connection('control').from('audit_logs').where('action', 'staff.totp_failed').where('actor_email', email).count('* as n')
    assert.equal(Number(failed[0].n), 1)
  })

  test('a forged POST (the session cookie without its CSRF token, or with another session\'s) is refused and changes nothing', async ({ visit, browser, assert }) => {
    const { email } = await staffFactory([{ role: 'ops', markets: ['SG'] }])
    const page = await visit('/console/sign-in')
    await signIn(page, email)
    const before = await revisionsOf('SG')
    const form = { reason: 'a forged change of the fee', expectedRevision: '0', 'couriers/list/ninja_van/rates/bands/0/fee': '0.01' }

    const cookie = `pasar_console=${await sessionCookie(page)}`
    const post = (body: Record<string, string>) =>
      raw({ method: 'POST', path: '/console/markets/SG/config', host: 'admin.pasar.localhost', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body).toString() })
    const forged = await post(form)
    assert.equal(forged.status, 403)
    assert.include(String(forged.body), 'E_FORBIDDEN')

    const other = await browser.newContext({ baseURL: new URL(page.url()).origin })
    const otherPage = await other.newPage()
    await otherPage.goto('/console/sign-in')
    const foreignToken = await otherPage.locator('input[name="_csrf"]').first().getAttribute('value')
    await other.close()
    const crossed = await post({ ...form, _csrf: foreignToken! })
    assert.equal(crossed.status, 403)

    assert.equal(await revisionsOf('SG'), before)
    // The same form through the page (with its token) is accepted: the refusal was the token's.
    await page.goto('/console/markets/SG/config')
    await page.locator('#f-couriers-list-ninja_van-rates-bands-0-fee').fill('4.10')
    await page.getByLabel('Reason').fill('the real change, with its token')
    await page.getByRole('button', { name: 'Save changes' }).click()
    await page.assertPath('/console/markets/SG/revisions')
    assert.equal(await revisionsOf('SG'), before + 1)
  })

  test('the console refuses storefront tokens and storefront hosts, and its cookie never reaches the API', async ({ visit, assert }) => {
    const buyer = await accountFactory('SG', 'buyer')
    const withToken = await raw({ method: 'GET', path: '/console', host: 'admin.pasar.localhost', headers: { authorization: `Bearer ${buyer.token}` } })
    assert.equal(withToken.status, 302)
    assert.equal(withToken.headers.location, '/console/sign-in')

    for (const path of ['/console/sign-in', '/console', '/console/markets/SG/config', '/console/assets/console.css']) {
      const storefront = await raw({ method: 'GET', path, host: 'sg.pasar.localhost' })
      assert.equal(storefront.status, 404, path)
      assert.isUndefined(storefront.headers['set-cookie'], path)
    }

    const { email } = await staffFactory([{ role: 'support', markets: ['SG'] }])
    const page = await visit('/console/sign-in')
    await signIn(page, email)
    const cookie = (await page.context().cookies()).find((candidate) => candidate.name === 'pasar_console')!
    assert.equal(cookie.path, '/console')
    assert.isTrue(cookie.httpOnly)
    assert.equal(cookie.sameSite, 'Strict')
    // A staff API route with the console's cookie and no token: the API knows no session.
    const api = await raw({ method: 'GET', path: '/api/v1/staff/me', host: 'admin.pasar.localhost', headers: { cookie: `pasar_console=${cookie.value}` } })
    assert.equal(api.status, 401)
    assert.isUndefined(api.headers['set-cookie'])
  })

  test('an idle session expires: its lifetime is the idle timeout, pushed back by each page', async ({ visit, assert }) => {
    const { email } = await staffFactory([{ role: 'finance', markets: ['SG'] }])
    const page = await visit('/console/sign-in')
    await signIn(page, email)
    await page.goto('/console/markets/SG/periods')
    const id = sessionIdOf((await sessionCookie(page))!)
    const ttl = await redis.ttl(id)
    assert.isAbove(ttl, 29 * 60)
    assert.isAtMost(ttl, 30 * 60)

    // Thirty idle minutes, as the store sees them: the session is gone and the next page asks to sign in.
    await redis.pexpire(id, 1)
    await new Promise((resolve) => setTimeout(resolve, 20))
    await page.goto('/console/markets/SG/periods')
    await page.assertPath('/console/sign-in')
  })

  test('a staff member reaches only their markets and roles, whatever the URL says', async ({ visit, assert }) => {
    const { email } = await staffFactory([{ role: 'ops', markets: ['SG'] }, { role: 'finance', markets: ['MY'] }])
    const page = await visit('/console/sign-in')
    await signIn(page, email)
    await page.assertPath('/console')
    // The picker lists the markets in scope, nothing else.
    assert.sameMembers(await page.locator('ul.grid li strong').allTextContents(), ['Singapore', 'Malaysia'])
    assert.deepEqual(await accessibilityProblems(page), [])
    await screenshot(page, 'market-picker')

    const refused = [
      '/console/markets/ID/config', // another market
      '/console/markets/SG/tax-report', // another role in this market
      '/console/markets/MY/config', // finance, not ops, in MY
      '/console/exports/ID-01JABCDEFGHJKMNPQRSTVWXYZ0', // an export of another market
      '/console/exports/ID-01JABCDEFGHJKMNPQRSTVWXYZ0/download', // and its file
      '/console/markets/ID/tax-report/download?from=2026-01-01&to=2026-01-31&format=csv',
      '/console/orders/SG-01JABCDEFGHJKMNPQRSTVWXYZ0', // support's page
      '/console/admin/staff',
      '/console/admin/audit-log',
    ]
    for (const path of refused) {
      const answer = await page.goto(path)
      assert.equal(answer!.status(), 403, path)
      await page.assertExists('p[role="alert"]')
    }
    assert.deepEqual(await accessibilityProblems(page), [])
    const allowed = await page.goto('/console/markets/MY/tax-report')
    assert.equal(allowed!.status(), 200)
    const unknown = await page.goto('/console/markets/ZZ/config')
    assert.equal(unknown!.status(), 404)
  })

  test('the console speaks the language the staff member picks among the markets\' locales, English by default', async ({ visit, assert }) => {
    const { email } = await staffFactory([{ role: 'finance', markets: ['TH'] }])
    const page = await visit('/console/sign-in')
    assert.equal(await page.locator('html').getAttribute('lang'), 'en')
    const offered = await page.locator('#language option').evaluateAll((options) => options.map((option) => (option as unknown as { value: string }).value))
    assert.includeMembers(offered, ['en', 'th-TH', 'id-ID', 'vi-VN', 'zh-TW', 'pt-BR'])
    assert.notInclude(offered, 'en-SG')
    await signIn(page, email)
    await page.locator('#language').selectOption('th-TH')
    await page.getByRole('button', { name: 'Apply' }).click()
    await page.assertPath('/console/markets/TH')
    assert.equal(await page.locator('html').getAttribute('lang'), 'th')
    await page.goto('/console/markets/TH/periods')
    const th = JSON.parse(readFileSync('resources/locales/th/console.json', 'utf8'))
    await page.assertTextContains('h1', th['periods.title'])
    assert.deepEqual(await accessibilityProblems(page), [])
    // An offered language only: anything else leaves the choice as it was.
    const csrf = await page.locator('input[name="_csrf"]').first().getAttribute('value')
    const cookie = `pasar_console=${await sessionCookie(page)}`
    const refused = await raw({ method: 'POST', path: '/console/language', host: 'admin.pasar.localhost', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: csrf!, locale: 'xx-XX', back: 'https://evil.example/' }).toString() })
    assert.equal(refused.status, 302)
    assert.equal(refused.headers.location, '/console')
    await page.reload()
    assert.equal(await page.locator('html').getAttribute('lang'), 'th')
  })

  test('a session ends for good: a page asked before sign-in opens after it; after sign-out an old session written back, or one of a reset second factor, signs no one in', async ({ visit, assert }) => {
    const { email, staff } = await staffFactory([{ role: 'ops', markets: ['SG'] }])
    const page = await visit('/console/markets/SG/flash-sales')
    await page.assertPath('/console/sign-in')
    const secret = await signIn(page, email)
    await page.assertPath('/console/markets/SG/flash-sales')

    // A request in flight at sign-out commits the old session back under its old id.
    const cookie = (await sessionCookie(page))!
    const stored = await redis.get(sessionIdOf(cookie))
    assert.isNotNull(stored)
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.assertPath('/console/sign-in')
    await redis.set(sessionIdOf(cookie), stored!, 'EX', 600)
    const replayed = await raw({ method: 'GET', path: '/console/markets/SG/flash-sales', host: 'admin.pasar.localhost', headers: { cookie: `pasar_console=${cookie}` } })
    assert.equal(replayed.status, 302)
    assert.equal(replayed.headers.location, '/console/sign-in')

    // An admin resets the factor and the member enrols a new one: the session of the old factor is over.
    await signIn(page, email, { secret, step: 1 })
    await page.assertPath('/console/markets/SG')
    const { StaffAdminService } = await import('#identity/services/staff_admin_service')
    const app = (await import('@adonisjs/core/services/app')).default
    await new StaffAdminService(await app.container.make('markets')).resetSecondFactor({ type: 'system' }, staff.publicId, { ip: null, requestId: 'test' })
    await db.connection('control').from('staff').where('id', staff.id).update({ totp_secret: 'x', totp_confirmed_at: new Date(Date.now() + 2000) })
    const after = await page.goto('/console/markets/SG/config')
    await page.assertPath('/console/sign-in')
    assert.equal(after!.status(), 200)
  })

  test('a password-only session ends when the person is granted a role that needs TOTP', async ({ visit, assert }) => {
    const { email, staff } = await staffFactory([{ role: 'finance', markets: ['SG'] }])
    const page = await visit('/console/sign-in')
    await signIn(page, email)
    await page.goto('/console/markets/SG/periods')
    await page.assertPath('/console/markets/SG/periods')
    // They had enrolled a factor once (it is not asked of finance): the session still used none.
    await db.connection('control').from('staff').where('id', staff.id).update({ totp_confirmed_at: new Date() })
    const { StaffAdminService } = await import('#identity/services/staff_admin_service')
    const app = (await import('@adonisjs/core/services/app')).default
    await new StaffAdminService(await app.container.make('markets')).grant({ type: 'system' }, staff.publicId, { role: 'ops', markets: ['SG'] }, { ip: null, requestId: 'test' })
    await page.goto('/console/markets/SG/periods')
    await page.assertPath('/console/sign-in')
    assert.isNull(await page.locator('nav.market-nav').first().elementHandle({ timeout: 100 }).catch(() => null))
  })
})

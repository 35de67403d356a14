import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { Totp } from '#identity/services/totp'
import StaffCreate from '#commands/staff_create'
import {
  PASSWORD,
  STAFF_HOST,
  accountFactory,
  hostOf,
  staffFactory,
  staffSession,
  staffWithSession,
  stateFingerprint,
  uniqueEmail,
  uniqueIp,
} from '#tests/support/identity'

/** JSON columns come back parsed from MySQL 8 and as text from some MariaDB setups. */
const asJson = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value)

async function auditOf(email: string) {
  return db.connection('control').from('audit_logs').where('actor_email', email).orderBy('id', 'asc')
}

function staffLogin(client: any, email: string, password = PASSWORD, ip = uniqueIp()) {
  return client.post('/api/v1/staff/login').header('Host', STAFF_HOST).header('X-Forwarded-For', ip).json({ email, password })
}

test.group('Staff: accounts and second factor', () => {
  test('node ace staff:create makes the first admin, audited as the system', async ({ assert }) => {
    const email = uniqueEmail('first-admin')
    process.env.STAFF_PASSWORD = PASSWORD
    const ace = await app.container.make('ace')
    const command = await ace.create(StaffCreate, [`--email=${email}`, '--name=First Admin', '--role=admin', '--markets=*'])
    await command.exec()
    delete process.env.STAFF_PASSWORD
    assert.equal(command.exitCode ?? 0, 0)

    const staff = await db.connection('control').from('staff').where('email', email).first()
    const roles = await db.connection('control').from('staff_roles').where('staff_id', staff.id)
    assert.deepEqual(roles.map((role) => [role.role, asJson(role.markets)]), [['admin', ['*']]])
    const audit = await db.connection('control').from('audit_logs').where('target_id', staff.public_id).orderBy('id')
    assert.deepEqual(audit.map((entry) => [entry.action, entry.actor_type]), [
      ['staff.created', 'system'],
      ['staff.role_granted', 'system'],
    ])
  })

  test('staff:create refuses a weak password and names the field', async ({ assert }) => {
    process.env.STAFF_PASSWORD = 'weak'
    const ace = await app.container.make('ace')
    const email = uniqueEmail('weak')
    const command = await ace.create(StaffCreate, [`--email=${email}`, '--name=Weak', '--role=ops', '--markets=SG'])
    await command.exec()
    delete process.env.STAFF_PASSWORD
    assert.equal(command.exitCode, 1)
    assert.isNull(await db.connection('control').from('staff').where('email', email).first())
  })

  test('an admin signs in with password then TOTP enrolment; the challenge opens nothing else', async ({ client, assert }) => {
    const { email } = await staffFactory([{ role: 'admin', markets: ['*'] }])
    const login = await staffLogin(client, email)
    login.assertStatus(200)
    assert.equal(login.body().data.status, 'totp_enrollment_required')
    const challenge = login.body().data.challengeToken.value

    const me = await client.get('/api/v1/staff/me').header('Host', STAFF_HOST).bearerToken(challenge)
    me.assertStatus(401)
    assert.equal(me.body().error.code, 'E_TOTP_REQUIRED')

    const enrolment = await client.post('/api/v1/staff/totp/enroll').header('Host', STAFF_HOST).bearerToken(challenge)
    enrolment.assertStatus(200)
    const { secret, otpauthUri } = enrolment.body().data
    assert.match(otpauthUri, /^otpauth:\/\/totp\/Pasar:.+\?.*secret=[A-Z2-7]+/)
    const stored = await db.connection('control').from('staff').where('email', email).first()
    assert.notInclude(stored.totp_secret, secret, 'the secret is encrypted at rest')

    const wrong = await client.post('/api/v1/staff/totp/verify').header('Host', STAFF_HOST).bearerToken(challenge).json({ code: '000000' })
    wrong.assertStatus(422)
    assert.equal(wrong.body().error.code, 'E_INVALID_TOTP')

    const verified = await client
      .post('/api/v1/staff/totp/verify')
      .header('Host', STAFF_HOST)
      .bearerToken(challenge)
      .json({ code: Totp.codeAt(secret, email) })
    verified.assertStatus(200)
    const token = verified.body().data.token.value
    const profile = await client.get('/api/v1/staff/me').header('Host', STAFF_HOST).bearerToken(token)
    profile.assertStatus(200)
    assert.isTrue(profile.body().data.totpEnrolled)

    // The challenge is spent once the second factor is through.
    ;(await client.post('/api/v1/staff/totp/verify').header('Host', STAFF_HOST).bearerToken(challenge).json({ code: Totp.codeAt(secret, email) })).assertStatus(401)
  })

  test('a TOTP code works once: the same code on a second sign-in is refused', async ({ client, assert }) => {
    const { email } = await staffFactory([{ role: 'ops', markets: ['SG'] }])
    const { secret } = await staffSession(client, email)
    const code = Totp.codeAt(secret!, email)
    const again = await staffLogin(client, email)
    assert.equal(again.body().data.status, 'totp_required')
    const replay = await client
      .post('/api/v1/staff/totp/verify')
      .header('Host', STAFF_HOST)
      .bearerToken(again.body().data.challengeToken.value)
      .json({ code })
    replay.assertStatus(422)
  })

  test('five parallel sign-ins with one valid code: exactly one succeeds', async ({ client, assert }) => {
    const { email } = await staffFactory([{ role: 'ops', regions: ['sea-2'] }])
    const { secret } = await staffSession(client, email)
    const challenges = await Promise.all(Array.from({ length: 5 }, () => staffLogin(client, email)))
    const next = Totp.codeAt(secret!, email, Date.now() + 30_000)
    const results = await Promise.all(
      challenges.map((challenge) =>
        client.post('/api/v1/staff/totp/verify').header('Host', STAFF_HOST).bearerToken(challenge.body().data.challengeToken.value).json({ code: next })
      )
    )
    assert.deepEqual(results.map((result) => result.status()).sort(), [200, 422, 422, 422, 422])
  })

  test('finance and support sign in with a password only', async ({ client, assert }) => {
    const { email } = await staffFactory([{ role: 'finance', markets: ['ID'] }])
    const login = await staffLogin(client, email)
    assert.equal(login.body().data.status, 'signed_in')
    ;(await client.get('/api/v1/staff/me').header('Host', STAFF_HOST).bearerToken(login.body().data.token.value)).assertStatus(200)
  })

  test('staff routes exist only on the staff host; storefront tokens do not open them', async ({ client, assert }) => {
    const { email } = await staffFactory([{ role: 'finance', markets: ['SG'] }])
    const onStorefront = await client.post('/api/v1/staff/login').header('Host', hostOf('SG')).json({ email, password: PASSWORD })
    onStorefront.assertStatus(404)
    assert.equal(onStorefront.body().error.code, 'E_ROUTE_NOT_FOUND')
    const { token } = await accountFactory('SG')
    ;(await client.get('/api/v1/staff/me').header('Host', STAFF_HOST).bearerToken(token)).assertStatus(401)
  })

  test('bad staff input names each field and changes nothing', async ({ client, assert }) => {
    const before = await stateFingerprint()
    const login = await client.post('/api/v1/staff/login').header('Host', STAFF_HOST).json({ email: 'nope', password: '' })
    login.assertStatus(422)
    assert.sameMembers(login.body().error.fields.map((f: any) => f.field), ['email', 'password'])
    assert.equal(await stateFingerprint(), before)
  })
})

test.group('Staff: audit log', () => {
  test('sign-ins, failures and second factors are audited with ip and request id', async ({ client, assert }) => {
    const { email } = await staffFactory([{ role: 'admin', markets: ['SG'] }])
    const ip = uniqueIp()
    const failed = await staffLogin(client, email, 'wrong password!', ip)
    failed.assertStatus(401)
    const { token } = await staffSession(client, email)
    assert.isString(token)

    const entries = await auditOf(email)
    assert.deepEqual(
      entries.map((entry) => entry.action),
      ['staff.login_failed', 'staff.totp_enrolled', 'staff.login']
    )
    assert.equal(entries[0].ip, ip)
    assert.equal(entries[0].request_id, failed.header('x-request-id'))
    assert.deepEqual(asJson(entries[2].details), { factors: ['password', 'totp'] })
  })

  test('the audit log cannot be changed or deleted, even with SQL', async ({ assert }) => {
    const { email } = await staffFactory([{ role: 'support', markets: ['SG'] }])
    const [entry] = await db.connection('control').from('audit_logs').orderBy('id', 'desc').limit(1)
    assert.exists(entry, email)
    await assert.rejects(
      () => db.connection('control').from('audit_logs').where('id', entry.id).update({ action: 'nothing.happened' }),
      /append-only/
    )
    await assert.rejects(() => db.connection('control').from('audit_logs').where('id', entry.id).delete(), /append-only/)
  })

  test('a global admin reads the audit log newest first, with a cursor', async ({ client, assert }) => {
    const { token } = await staffWithSession(client, [{ role: 'admin', markets: ['*'] }])
    const first = await client.get('/api/v1/admin/audit-log?limit=2').header('Host', STAFF_HOST).bearerToken(token)
    first.assertStatus(200)
    assert.lengthOf(first.body().data, 2)
    assert.equal(first.body().data[0].action, 'staff.login')
    const next = await client
      .get(`/api/v1/admin/audit-log?limit=2&cursor=${first.body().meta.nextCursor}`)
      .header('Host', STAFF_HOST)
      .bearerToken(token)
    assert.isBelow(
      new Date(next.body().data[0].occurredAt).getTime(),
      new Date(first.body().data[0].occurredAt).getTime() + 1
    )
    const bad = await client.get('/api/v1/admin/audit-log?limit=500&cursor=%%%').header('Host', STAFF_HOST).bearerToken(token)
    bad.assertStatus(422)
    assert.sameMembers(bad.body().error.fields.map((f: any) => f.field), ['limit', 'cursor'])
  })
})

test.group('Staff: roles and market scope', () => {
  test('an admin grants a role within their markets, audited', async ({ client, assert }) => {
    const admin = await staffWithSession(client, [{ role: 'admin', markets: ['SG', 'MY'] }])
    const { staff: target } = await staffFactory([])
    const granted = await client
      .post(`/api/v1/admin/staff/${target.publicId}/roles`)
      .header('Host', STAFF_HOST)
      .bearerToken(admin.token)
      .json({ role: 'ops', markets: ['sg'] })
    granted.assertStatus(201)
    assert.deepEqual(granted.body().data.markets, ['SG'])
    const [entry] = await db.connection('control').from('audit_logs').where('action', 'staff.role_granted').where('target_id', target.publicId)
    assert.equal(entry.actor_email, admin.email)
    assert.equal(entry.market_code, 'SG')

    const revoked = await client
      .delete(`/api/v1/admin/staff/${target.publicId}/roles/${granted.body().data.id}`)
      .header('Host', STAFF_HOST)
      .bearerToken(admin.token)
    revoked.assertStatus(204)
    const revokedEntry = await db.connection('control').from('audit_logs').where('action', 'staff.role_revoked').where('target_id', target.publicId).first()
    assert.exists(revokedEntry)
  })

  test('an admin of SG cannot grant ID, nor every market: 403 and nothing written', async ({ client, assert }) => {
    const admin = await staffWithSession(client, [{ role: 'admin', markets: ['SG'] }])
    const { staff: target } = await staffFactory([])
    const before = await stateFingerprint()
    for (const body of [{ role: 'ops', markets: ['ID'] }, { role: 'ops', markets: ['*'] }, { role: 'ops', regions: ['sea-1'] }]) {
      const response = await client.post(`/api/v1/admin/staff/${target.publicId}/roles`).header('Host', STAFF_HOST).bearerToken(admin.token).json(body)
      response.assertStatus(403)
    }
    assert.equal(await stateFingerprint(), before)
  })

  test('granting bad input names each field and writes nothing', async ({ client, assert }) => {
    const admin = await staffWithSession(client, [{ role: 'admin', markets: ['*'] }])
    const { staff: target } = await staffFactory([])
    const before = await stateFingerprint()
    const response = await client
      .post(`/api/v1/admin/staff/${target.publicId}/roles`)
      .header('Host', STAFF_HOST)
      .bearerToken(admin.token)
      .json({ role: 'superuser', markets: ['SGP'], regions: ['Mars 1'] })
    response.assertStatus(422)
    assert.sameMembers(response.body().error.fields.map((f: any) => f.field), ['role', 'markets.0', 'regions.0'])
    const unknown = await client
      .post(`/api/v1/admin/staff/${target.publicId}/roles`)
      .header('Host', STAFF_HOST)
      .bearerToken(admin.token)
      .json({ role: 'ops', markets: ['ZZ'] })
    assert.deepEqual(unknown.body().error.fields.map((f: any) => [f.field, f.rule]), [['markets.0', 'exists']])
    assert.equal(await stateFingerprint(), before)
  })

  test('ops see the config of their markets only; a region scope covers its markets', async ({ client, assert }) => {
    const idOps = await staffWithSession(client, [{ role: 'ops', markets: ['ID'] }])
    const sea3Ops = await staffWithSession(client, [{ role: 'ops', regions: ['sea-3'] }])
    const get = (token: string, code: string) =>
      client.get(`/api/v1/ops/markets/${code}/config`).header('Host', STAFF_HOST).bearerToken(token)

    const own = await get(idOps.token, 'ID')
    own.assertStatus(200)
    assert.equal(own.body().data.tax.categories.standard.rates.at(-1).taxableBase.numerator, 11)
    ;(await get(idOps.token, 'SG')).assertStatus(403)
    ;(await get(sea3Ops.token, 'TH')).assertStatus(200)
    ;(await get(sea3Ops.token, 'vn')).assertStatus(200)
    ;(await get(sea3Ops.token, 'SG')).assertStatus(403)
    const unknown = await get(sea3Ops.token, 'ZZ')
    unknown.assertStatus(404)
    assert.equal(unknown.body().error.code, 'E_UNKNOWN_MARKET')
  })
})

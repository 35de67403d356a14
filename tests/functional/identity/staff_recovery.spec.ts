import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { PASSWORD, STAFF_HOST, staffFactory, staffWithSession, uniqueIp } from '#tests/support/identity'
import { Totp } from '#identity/services/totp'

function staffPost(client: any, path: string, token: string, body?: Record<string, unknown>) {
  const call = client.post(path).header('Host', STAFF_HOST).header('X-Forwarded-For', uniqueIp()).bearerToken(token)
  return body ? call.json(body) : call
}

async function challengeOf(client: any, email: string) {
  const login = await client.post('/api/v1/staff/login').header('Host', STAFF_HOST).header('X-Forwarded-For', uniqueIp()).json({ email, password: PASSWORD })
  return login.body().data as { status: string; challengeToken: { value: string } }
}

/** Enrols TOTP through the API; answers the secret and the recovery codes shown once. */
async function enrolled(client: any, grants: { role: 'ops' | 'admin'; markets: string[] }[]) {
  const { staff, email } = await staffFactory(grants)
  const challenge = (await challengeOf(client, email)).challengeToken.value
  const secret = (await staffPost(client, '/api/v1/staff/totp/enroll', challenge)).body().data.secret as string
  const verified = await staffPost(client, '/api/v1/staff/totp/verify', challenge, { code: Totp.codeAt(secret, email) })
  verified.assertStatus(200)
  return { staff, email, secret, token: verified.body().data.token.value as string, codes: verified.body().data.recoveryCodes as string[] }
}

test.group('Staff: recovery codes and the reset of a second factor', () => {
  test('enrolling shows ten recovery codes once; each signs in once in place of a TOTP code, audited; a new set retires the old', async ({ client, assert }) => {
    const ops = await enrolled(client, [{ role: 'ops', markets: ['SG'] }])
    assert.lengthOf(ops.codes, 10)
    assert.lengthOf(new Set(ops.codes), 10)
    const stored = await db.connection('control').from('staff_recovery_codes').where('staff_id', ops.staff.id)
    assert.lengthOf(stored, 10)
    assert.isTrue(stored.every((row) => !ops.codes.some((code) => row.code_hash.includes(code.replace('-', '')))), 'hashes only')

    const challenge = (await challengeOf(client, ops.email)).challengeToken.value
    const withCode = await staffPost(client, '/api/v1/staff/totp/verify', challenge, { recoveryCode: ops.codes[0].toUpperCase() })
    withCode.assertStatus(200)
    assert.equal(withCode.body().data.status, 'signed_in')
    assert.notExists(withCode.body().data.recoveryCodes, 'shown at enrolment only')
    const audit = await db.connection('control').from('audit_logs').where('action', 'staff.recovery_code_used').where('actor_id', ops.staff.publicId)
    assert.lengthOf(audit, 1)

    const again = (await challengeOf(client, ops.email)).challengeToken.value
    ;(await staffPost(client, '/api/v1/staff/totp/verify', again, { recoveryCode: ops.codes[0] })).assertStatus(422)
    // Two sign-ins racing with one code: one wins.
    const [a, b] = [(await challengeOf(client, ops.email)).challengeToken.value, (await challengeOf(client, ops.email)).challengeToken.value]
    const race = await Promise.all([staffPost(client, '/api/v1/staff/totp/verify', a, { recoveryCode: ops.codes[1] }), staffPost(client, '/api/v1/staff/totp/verify', b, { recoveryCode: ops.codes[1] })])
    assert.deepEqual(race.map((response: any) => response.status()).sort(), [200, 422])

    const fresh = await staffPost(client, '/api/v1/staff/totp/recovery-codes', ops.token)
    fresh.assertStatus(201)
    const newCodes = fresh.body().data.recoveryCodes as string[]
    assert.lengthOf(newCodes, 10)
    const old = (await challengeOf(client, ops.email)).challengeToken.value
    ;(await staffPost(client, '/api/v1/staff/totp/verify', old, { recoveryCode: ops.codes[2] })).assertStatus(422)
    const next = (await challengeOf(client, ops.email)).challengeToken.value
    ;(await staffPost(client, '/api/v1/staff/totp/verify', next, { recoveryCode: newCodes[0] })).assertStatus(200)
  }).timeout(60_000)

  test('an admin resets a colleague\'s second factor within their scope, never their own; the colleague enrols again at the next sign-in', async ({ client, assert }) => {
    const admin = await staffWithSession(client, [{ role: 'admin', markets: ['SG'] }])
    const sgOps = await enrolled(client, [{ role: 'ops', markets: ['SG'] }])
    const idOps = await enrolled(client, [{ role: 'ops', markets: ['ID'] }])

    ;(await staffPost(client, `/api/v1/admin/staff/${admin.staff.publicId}/totp/reset`, admin.token)).assertStatus(403)
    ;(await staffPost(client, `/api/v1/admin/staff/${idOps.staff.publicId}/totp/reset`, admin.token)).assertStatus(403)
    ;(await staffPost(client, `/api/v1/admin/staff/${sgOps.staff.publicId}/totp/reset`, sgOps.token)).assertStatus(403)
    ;(await staffPost(client, '/api/v1/admin/staff/not-a-staff-id/totp/reset', admin.token)).assertStatus(422)

    const reset = await staffPost(client, `/api/v1/admin/staff/${sgOps.staff.publicId}/totp/reset`, admin.token)
    reset.assertStatus(204)
    ;(await client.get('/api/v1/staff/me').header('Host', STAFF_HOST).bearerToken(sgOps.token)).assertStatus(401)
    assert.equal((await challengeOf(client, sgOps.email)).status, 'totp_enrollment_required')
    assert.lengthOf(await db.connection('control').from('staff_recovery_codes').where('staff_id', sgOps.staff.id), 0)
    const audit = await db.connection('control').from('audit_logs').where('action', 'staff.second_factor_reset').where('target_id', sgOps.staff.publicId)
    assert.lengthOf(audit, 1)
    // The other colleague's factor is untouched.
    assert.equal((await challengeOf(client, idOps.email)).status, 'totp_required')
  }).timeout(60_000)

  test('bad input: neither code, or a malformed one, is a 422 naming the field', async ({ client, assert }) => {
    const { email } = await staffFactory([{ role: 'ops', markets: ['SG'] }])
    const challenge = (await challengeOf(client, email)).challengeToken.value
    const none = await staffPost(client, '/api/v1/staff/totp/verify', challenge, {})
    none.assertStatus(422)
    assert.deepEqual(none.body().error.fields.map((field: any) => field.field), ['code'])
    const malformed = await staffPost(client, '/api/v1/staff/totp/verify', challenge, { recoveryCode: 'abc' })
    malformed.assertStatus(422)
    assert.deepEqual(malformed.body().error.fields.map((field: any) => field.field), ['recoveryCode'])
  }).timeout(60_000)
})

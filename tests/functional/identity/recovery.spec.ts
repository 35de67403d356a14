import { test } from '@japa/runner'
import { createHash } from 'node:crypto'
import { PASSWORD, accountFactory, hostOf, uniqueEmail, uniqueIp } from '#tests/support/identity'
import { deliverEvents } from '#tests/support/events'
import { Mailbox } from '#tests/support/mailbox'
import { withEnv } from '#tests/support/provider_standins'
import db from '@adonisjs/lucid/services/db'

const NEW_PASSWORD = 'a brand new passphrase 2026'

/** The last mail of a kind to `address`, and the token of its link. */
async function mailed(mailbox: Mailbox, address: string, kind: 'password_reset' | 'verify_email') {
  await mailbox.waitFor(address, kind)
  const mail = mailbox.of(address, kind).at(-1)!
  const match = /token=([A-Za-z0-9_-]{43})/.exec(mail.text ?? '')
  return { mail, token: match?.[1] }
}

function post(client: any, code: string, path: string, body: Record<string, unknown>, token?: string) {
  let call = client.post(path).header('Host', hostOf(code)).header('X-Forwarded-For', uniqueIp())
  if (token) call = call.bearerToken(token)
  return call.json(body)
}

test.group('Accounts: password reset and e-mail verification, mailed through notifications', (group) => {
  const mailbox = new Mailbox()
  let env: Record<string, string>
  group.setup(async () => {
    await mailbox.start()
    env = { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(mailbox.port) }
    return () => mailbox.stop()
  })

  test('forgot: always 202 in the same time; the ID account gets an Indonesian mail with a single-use link; the reset signs every session out', async ({ client, assert }) => {
    await withEnv(env, async () => {
      const buyer = await accountFactory('ID')
      const other = await post(client, 'ID', '/api/v1/auth/login', { email: buyer.email, password: PASSWORD })
      other.assertStatus(200)
      const unknownStarted = Date.now()
      const unknown = await post(client, 'ID', '/api/v1/auth/password/forgot', { email: uniqueEmail('nobody') })
      const unknownMs = Date.now() - unknownStarted
      const knownStarted = Date.now()
      const known = await post(client, 'ID', '/api/v1/auth/password/forgot', { email: buyer.email })
      const knownMs = Date.now() - knownStarted
      assert.deepEqual([unknown.status(), known.status()], [202, 202])
      assert.deepEqual(unknown.body(), known.body())
      assert.isAtLeast(unknownMs, 240)
      assert.isAtLeast(knownMs, 240)
      assert.isBelow(Math.abs(knownMs - unknownMs), 150, `${knownMs} ms vs ${unknownMs} ms`)

      await deliverEvents(['notifications.compose', 'notifications.email'])
      const { mail, token } = await mailed(mailbox, buyer.email, 'password_reset')
      assert.match(mail.subject ?? '', /Atur ulang kata sandi/)
      assert.exists(token)
      const stored = await buyer.market.table('account_tokens').where('user_id', buyer.account.id).where('purpose', 'password_reset')
      assert.include(stored.map((row) => row.token_hash), createHash('sha256').update(token!).digest('hex'), 'the mailed token is stored as its hash')
      assert.isTrue(stored.every((row) => !Object.values(row).includes(token)), 'never in clear')
      const inbox = await buyer.market.table('notifications').where('user_id', buyer.account.id).where('kind', 'password_reset').first()
      assert.notInclude(inbox.body, token!, 'the stored copy keeps no token once sent')
      const listed = await client.get('/api/v1/me/notifications').header('Host', hostOf('ID')).bearerToken(buyer.token)
      assert.notInclude(listed.body().data.map((entry: any) => entry.kind), 'password_reset', 'a mailed secret is never in the inbox')

      const weak = await post(client, 'ID', '/api/v1/auth/password/reset', { token, password: 'short' })
      weak.assertStatus(422)
      assert.deepEqual(weak.body().error.fields.map((field: any) => field.field), ['password'])
      // 20 at once with the one token: the password changes once.
      const resets = await Promise.all(Array.from({ length: 20 }, () => post(client, 'ID', '/api/v1/auth/password/reset', { token, password: NEW_PASSWORD })))
      assert.deepEqual(resets.map((response: any) => response.status()).sort(), [204, ...Array(19).fill(422)])
      assert.equal(resets.find((response: any) => response.status() === 422)!.body().error.fields[0].field, 'token')
      ;(await client.get('/api/v1/me').header('Host', hostOf('ID')).bearerToken(other.body().data.token.value)).assertStatus(401)
      ;(await client.get('/api/v1/me').header('Host', hostOf('ID')).bearerToken(buyer.token)).assertStatus(401)
      ;(await post(client, 'ID', '/api/v1/auth/login', { email: buyer.email, password: NEW_PASSWORD })).assertStatus(200)
      const audit = await db.connection('control').from('audit_logs').where('action', 'identity.password_reset').where('target_id', buyer.account.publicId)
      assert.lengthOf(audit, 1)
    })
  }).timeout(60_000)

  test('a reset token is bound to its market and expires; bad input names the field', async ({ client, assert }) => {
    await withEnv(env, async () => {
      const buyer = await accountFactory('SG')
      ;(await post(client, 'SG', '/api/v1/auth/password/forgot', { email: buyer.email })).assertStatus(202)
      await deliverEvents(['notifications.compose', 'notifications.email'])
      const { token } = await mailed(mailbox, buyer.email, 'password_reset')
      // MY shares SG's shard but not its accounts: the token does not work there.
      const elsewhere = await post(client, 'MY', '/api/v1/auth/password/reset', { token, password: NEW_PASSWORD })
      elsewhere.assertStatus(422)
      await buyer.market.table('account_tokens').where('user_id', buyer.account.id).update({ expires_at: new Date(Date.now() - 1000) })
      const expired = await post(client, 'SG', '/api/v1/auth/password/reset', { token, password: NEW_PASSWORD })
      expired.assertStatus(422)
      assert.equal(expired.body().error.fields[0].field, 'token')
      const bad = await post(client, 'SG', '/api/v1/auth/password/forgot', { email: 'not an email' })
      bad.assertStatus(422)
      assert.deepEqual(bad.body().error.fields.map((field: any) => field.field), ['email'])
      const badReset = await post(client, 'SG', '/api/v1/auth/password/reset', { token: 'short', password: '' })
      badReset.assertStatus(422)
      assert.sameMembers(badReset.body().error.fields.map((field: any) => field.field), ['token', 'password'])
    })
  }).timeout(60_000)

  test('forgot is limited per address: the fourth request for one e-mail is a 429', async ({ client, assert }) => {
    const buyer = await accountFactory('SG')
    const answers = []
    for (let i = 0; i < 4; i++) answers.push((await post(client, 'SG', '/api/v1/auth/password/forgot', { email: buyer.email })).status())
    assert.deepEqual(answers, [202, 202, 202, 429])
  }).timeout(60_000)

  test('a new buyer is mailed a verification link; unverified it browses and fills a cart but cannot order (403 E_EMAIL_UNVERIFIED) until it follows the link', async ({ client, assert }) => {
    await withEnv(env, async () => {
      const email = uniqueEmail('fresh')
      const registered = await post(client, 'TH', '/api/v1/auth/register', { role: 'buyer', email, password: PASSWORD, fullName: 'ผู้ซื้อใหม่' })
      registered.assertStatus(201)
      const token = registered.body().data.token.value
      ;(await client.get('/api/v1/cart').header('Host', hostOf('TH')).bearerToken(token)).assertStatus(200)
      const refused = await client.post('/api/v1/orders').header('Host', hostOf('TH')).header('Idempotency-Key', `k-${Date.now()}`).bearerToken(token).json({ lines: [{ sku: 'TH-01JD0000000000000000000000', quantity: 1 }] })
      refused.assertStatus(403)
      assert.equal(refused.body().error.code, 'E_EMAIL_UNVERIFIED')

      await deliverEvents(['notifications.compose', 'notifications.email'])
      const { mail, token: link } = await mailed(mailbox, email, 'verify_email')
      assert.match(mail.subject ?? '', /ยืนยันอีเมล/)
      ;(await post(client, 'TH', '/api/v1/auth/email/verify', { token: link })).assertStatus(200)
      ;(await post(client, 'TH', '/api/v1/auth/email/verify', { token: link })).assertStatus(422)
      const after = await client.post('/api/v1/orders').header('Host', hostOf('TH')).header('Idempotency-Key', `k2-${Date.now()}`).bearerToken(token).json({ lines: [{ sku: 'TH-01JD0000000000000000000000', quantity: 1 }] })
      assert.notEqual(after.status(), 403, 'verified: the order is judged on its lines now')
      const resend = await post(client, 'TH', '/api/v1/me/email/verification', {}, token)
      resend.assertStatus(200)
      assert.equal(resend.body().data.status, 'already_verified')
    })
  }).timeout(60_000)

  test('an unverified seller cannot publish a product or ask for a payout', async ({ client, assert }) => {
    const seller = await accountFactory('SG', 'seller', uniqueEmail('seller'), { verified: false })
    const publish = await client.post('/api/v1/seller/products').header('Host', hostOf('SG')).bearerToken(seller.token).json({ category: 'nope', titles: { 'en-SG': 'Tee' }, status: 'active', skus: [] })
    // Validation first (the body is bad), then the verification: a valid body is refused with 403.
    assert.oneOf(publish.status(), [403, 422])
    const payout = await client.post('/api/v1/seller/payouts').header('Host', hostOf('SG')).header('Idempotency-Key', `p-${Date.now()}`).bearerToken(seller.token).json({ amount: 1000 })
    payout.assertStatus(403)
    assert.equal(payout.body().error.code, 'E_EMAIL_UNVERIFIED')
    const resent = await post(client, 'SG', '/api/v1/me/email/verification', {}, seller.token)
    resent.assertStatus(202)
  }).timeout(60_000)
})

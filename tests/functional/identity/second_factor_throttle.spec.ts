import { test } from '@japa/runner'
import { PASSWORD, STAFF_HOST, staffWithSession, uniqueIp } from '#tests/support/identity'
import { Totp } from '#identity/services/totp'

test.group('Staff second factor: guesses are counted across sign-ins', () => {
  test('five wrong codes, each after a right password, lock the second factor: then even the right code is refused until the lock ends', async ({ client, assert }) => {
    const { email, secret } = await staffWithSession(client, [{ role: 'ops', markets: ['SG'] }])
    const login = async () => {
      const answer = await client.post('/api/v1/staff/login').header('Host', STAFF_HOST).header('X-Forwarded-For', uniqueIp()).json({ email, password: PASSWORD })
      answer.assertStatus(200)
      return answer.body().data.challengeToken.value as string
    }
    const wrong = Totp.codeAt(secret!, email) === '000000' ? '111111' : '000000'
    for (let i = 0; i < 5; i++) {
      const challenge = await login()
      const refused = await client.post('/api/v1/staff/totp/verify').header('Host', STAFF_HOST).header('X-Forwarded-For', uniqueIp()).bearerToken(challenge).json({ code: wrong })
      assert.equal(refused.response.status >= 400 && refused.response.status < 500, true, `guess ${i + 1}: ${refused.response.status}`)
    }
    const challenge = await login()
    const locked = await client.post('/api/v1/staff/totp/verify').header('Host', STAFF_HOST).header('X-Forwarded-For', uniqueIp()).bearerToken(challenge).json({ code: Totp.codeAt(secret!, email, Date.now() + 30_000) })
    locked.assertStatus(429)
    assert.equal(locked.body().error.code, 'E_LOGIN_LOCKED')
    assert.isNotNull(locked.header('retry-after'))
  })
})

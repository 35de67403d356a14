import { test } from '@japa/runner'
import type { ChildProcess } from 'node:child_process'
import db from '@adonisjs/lucid/services/db'
import { PASSWORD, accountFactory, hostOf } from '#tests/support/identity'
import { client as clientAt, startInstance, stopInstance } from '#tests/support/api_client'

/**
 * Verified sessions are cached in every web process (memory, Redis, bus):
 * what ends a session on one process must end it on all of them at once.
 */
test.group('Session cache across instances', (group) => {
  let other: ChildProcess
  const OTHER_PORT = 3338
  const elsewhere = () => clientAt(`http://127.0.0.1:${OTHER_PORT}`)

  group.setup(async () => {
    other = await startInstance(OTHER_PORT)
    return () => stopInstance(other)
  })

  test('signing out on one instance ends the session on another at once', async ({ client, assert }) => {
    const { token, account } = await accountFactory('SG')
    const me = () => elsewhere().get('/api/v1/me').header('Host', hostOf('SG')).bearerToken(token)
    // Cached in both levels of the other instance.
    assert.equal((await me()).body().data.id, account.publicId)
    ;(await me()).assertStatus(200)

    ;(await client.post('/api/v1/auth/logout').header('Host', hostOf('SG')).bearerToken(token)).assertStatus(204)
    ;(await me()).assertStatus(401)
  }).timeout(30_000)

  test('a password change on one instance signs the other sessions out everywhere', async ({ client, assert }) => {
    const { token, email } = await accountFactory('VN')
    const second = await client.post('/api/v1/auth/login').header('Host', hostOf('VN')).header('X-Forwarded-For', '10.9.8.7').json({ email, password: PASSWORD })
    const secondToken = second.body().data.token.value as string
    const me = (value: string) => elsewhere().get('/api/v1/me').header('Host', hostOf('VN')).bearerToken(value)
    ;(await me(secondToken)).assertStatus(200)
    ;(await me(token)).assertStatus(200)

    const changed = await client
      .put('/api/v1/me/password')
      .header('Host', hostOf('VN'))
      .bearerToken(token)
      .json({ currentPassword: PASSWORD, password: 'another long secret 2026' })
    changed.assertStatus(204)

    ;(await me(secondToken)).assertStatus(401)
    // The session that changed the password stays, with the new account state.
    const mine = await me(token)
    mine.assertStatus(200)
    assert.equal(mine.body().data.email, email)
  }).timeout(30_000)

  test('a cached session still checks the secret: a forged one is 401, nothing cached for it', async ({ client }) => {
    const { token } = await accountFactory('TH')
    const me = (value: string) => client.get('/api/v1/me').header('Host', hostOf('TH')).bearerToken(value)
    ;(await me(token)).assertStatus(200)
    const forged = `${token.slice(0, -3)}${token.endsWith('AAA') ? 'BBB' : 'AAA'}`
    ;(await me(forged)).assertStatus(401)
    ;(await me(forged)).assertStatus(401)
    ;(await me(token)).assertStatus(200)
  })

  test('a token id has one spelling: leading zeros are refused, not a second cached name', async ({ client }) => {
    const { token } = await accountFactory('PH')
    ;(await client.get('/api/v1/me').header('Host', hostOf('PH')).bearerToken(token)).assertStatus(200)
    const [prefix, rest] = [token.slice(0, 4), token.slice(4)]
    const encodedId = rest.slice(0, rest.indexOf('.'))
    const id = Buffer.from(encodedId, 'base64url').toString()
    const padded = `${prefix}${Buffer.from(`00${id}`).toString('base64url')}${rest.slice(rest.indexOf('.'))}`
    ;(await client.get('/api/v1/me').header('Host', hostOf('PH')).bearerToken(padded)).assertStatus(401)
  })

  test('once a session is cached, authenticated requests read nothing from the shard', async ({ client, assert }) => {
    const { token } = await accountFactory('ID')
    const me = () => client.get('/api/v1/me').header('Host', hostOf('ID')).bearerToken(token)
    ;(await me()).assertStatus(200)
    // MariaDB counts every SELECT it runs; a buyer's /me needs none but
    // authentication's (two per request without the cache).
    const selects = async () => Number((await db.rawQuery("SHOW GLOBAL STATUS LIKE 'Com_select'"))[0][0].Value)
    const before = await selects()
    for (let i = 0; i < 10; i++) (await me()).assertStatus(200)
    assert.isAtMost((await selects()) - before, 2)
  })
})

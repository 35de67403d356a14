import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { Broker } from '#messaging/services/broker'

const ALL = ['shard:sea-1', 'shard:sea-2', 'shard:sea-3', 'shard:ea-1', 'shard:latam-1', 'control', 'redis', 'rabbitmq']

test.group('Health', () => {
  test('all dependencies up: 200 with every shard, control, Redis and RabbitMQ ok', async ({ client, assert }) => {
    const response = await client.get('/health')
    response.assertStatus(200)
    const checks = response.body().data.checks as { name: string; status: string }[]
    assert.sameMembers(checks.map((check) => check.name), ALL)
    assert.isTrue(checks.every((check) => check.status === 'ok'))
  })

  test('health answers on any host, market or not', async ({ client }) => {
    const response = await client.get('/health/live').header('Host', 'lb-probe.internal')
    response.assertStatus(200)
    response.assertBody({ data: { status: 'ok' } })
  })

  test('a shard that cannot be reached: 503 naming that shard only', async ({ client, assert, cleanup }) => {
    const original = db.manager.get('sea-2')!.config
    db.manager.patch('sea-2', {
      ...original,
      connection: { ...(original.connection as object), port: 1, connectTimeout: 500 },
    } as unknown as typeof original)
    cleanup(() => db.manager.patch('sea-2', original))

    const response = await client.get('/health')
    response.assertStatus(503)
    assert.equal(response.body().error.code, 'E_SERVICE_UNAVAILABLE')
    assert.deepEqual(response.body().error.failing, ['shard:sea-2'])
    assert.include(response.body().error.message, 'shard:sea-2')
    const failed = response.body().error.checks.find((check: any) => check.name === 'shard:sea-2')
    assert.match(failed.message, /ECONNREFUSED/)
  })

  test('a shard URL pointing at another region database: 503, data residency first', async ({ client, assert, cleanup }) => {
    const original = db.manager.get('ea-1')!.config
    db.manager.patch('ea-1', {
      ...original,
      connection: { ...(original.connection as object), database: 'pasar_test_sea_1' },
    } as unknown as typeof original)
    cleanup(() => db.manager.patch('ea-1', original))

    const response = await client.get('/health')
    response.assertStatus(503)
    assert.deepEqual(response.body().error.failing, ['shard:ea-1'])
    const failed = response.body().error.checks.find((check: any) => check.name === 'shard:ea-1')
    assert.include(failed.message, 'holds "sea-1", expected "ea-1"')
  })

  test('RabbitMQ unreachable: 503 naming rabbitmq', async ({ client, assert, cleanup }) => {
    const broken = new Broker({ url: 'amqp://guest:guest@127.0.0.1:1', connectionName: 'health-test' })
    app.container.swap(Broker, () => broken)
    cleanup(async () => {
      app.container.restore(Broker)
      await broken.close()
    })

    const response = await client.get('/health')
    response.assertStatus(503)
    assert.deepEqual(response.body().error.failing, ['rabbitmq'])
  })

  test('the report is translated: Thai storefront host', async ({ client, assert, cleanup }) => {
    const broken = new Broker({ url: 'amqp://guest:guest@127.0.0.1:1', connectionName: 'health-test' })
    app.container.swap(Broker, () => broken)
    cleanup(async () => {
      app.container.restore(Broker)
      await broken.close()
    })
    const thai = await client.get('/health').header('Host', 'th.pasar.localhost')
    const english = await client.get('/health')
    assert.notEqual(thai.body().error.message, english.body().error.message)
    assert.include(thai.body().error.message, 'rabbitmq')
  })
})

import { test } from '@japa/runner'
import { execFile } from 'node:child_process'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'
import { STAFF_HOST, hostOf, staffWithSession } from '#tests/support/identity'
import { sellerWithProduct } from '#tests/support/flows'
import { spawnApp, stop } from '#tests/support/processes'
import { until } from '#tests/support/outside'
import { raw } from '#tests/support/http'
import { resetMarketConfig } from '#tests/support/markets'
import { MarketConfigService } from '#ops/services/market_config_service'

const PORTS = { a: 3371, b: 3372 }

function call(port: number, method: string, path: string, options: { host: string; token?: string; body?: unknown }) {
  return raw({
    port,
    method,
    path,
    host: options.host,
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.${port % 250}.${Math.floor(Math.random() * 250) + 1}`, ...(options.token && { authorization: `Bearer ${options.token}` }) },
    ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
  })
}

const revisionOn = async (port: number) => (await call(port, 'GET', '/api/v1/market', { host: hostOf('SG') })).body?.data?.revision?.number

test.group('Config revisions reach every process', (group) => {
  group.each.setup(async () => {
    await resetMarketConfig()
    return () => resetMarketConfig()
  })

  test('two web instances and a worker: a courier fee change on A prices the next quote on B within 5 s; a rollback on B reaches A the same way', async ({ client, assert }) => {
    const flow = await sellerWithProduct(client, 'SG', 1990)
    const ops = await staffWithSession(client, [{ role: 'ops', markets: ['SG'] }])
    const env = { LOG_LEVEL: 'info' }
    const a = spawnApp(['--import=@poppinss/ts-exec', 'bin/server.ts'], { ...env, PORT: String(PORTS.a) })
    const b = spawnApp(['--import=@poppinss/ts-exec', 'bin/server.ts'], { ...env, PORT: String(PORTS.b) })
    const worker = spawnApp(['ace', 'worker', '--poll-ms=200'], env)
    try {
      for (const port of [PORTS.a, PORTS.b]) await until(async () => (await revisionOn(port).catch(() => undefined)) === 0, 60_000, `the web instance on ${port} did not answer`)
      await until(() => /relaying \d+ shards/.test(worker.output()), 60_000, 'the worker did not start')

      const quoteOn = async (port: number) => {
        const quote = await call(port, 'POST', '/api/v1/checkout/quote', { host: hostOf('SG'), token: flow.buyerToken, body: { lines: [{ sku: flow.sku, quantity: 1 }] } })
        assert.equal(quote.status, 200, JSON.stringify(quote.body))
        return quote.body.data
      }
      assert.equal((await quoteOn(PORTS.b)).parcels[0].shipping.fee.amount, 399)

      const config = await call(PORTS.a, 'GET', '/api/v1/ops/markets/SG/config', { host: STAFF_HOST, token: ops.token })
      const bands = config.body.data.couriers.list.find((courier: any) => courier.id === 'ninja_van').rates.bands
      bands[0].fee = 475
      const changed = await call(PORTS.a, 'PATCH', '/api/v1/ops/markets/SG/config', { host: STAFF_HOST, token: ops.token, body: { changes: { couriers: { list: { ninja_van: { rates: { bands } } } } }, reason: 'fuel surcharge', expectedRevision: 0 } })
      assert.equal(changed.status, 200, JSON.stringify(changed.body))
      const changedAt = Date.now()
      await until(async () => (await revisionOn(PORTS.b)) === 1, 5000, 'instance B did not serve revision 1')
      const seenAfter = Date.now() - changedAt
      const onB = await quoteOn(PORTS.b)
      assert.equal(onB.parcels[0].shipping.fee.amount, 475)
      assert.equal(onB.configRevision.number, 1)
      await until(() => /"market":"SG","revision":1/.test(worker.output()), 5000, 'the worker did not serve revision 1')

      const back = await call(PORTS.b, 'POST', '/api/v1/ops/markets/SG/config/rollback/0', { host: STAFF_HOST, token: ops.token, body: { reason: 'surcharge withdrawn', expectedRevision: 1 } })
      assert.equal(back.status, 200, JSON.stringify(back.body))
      await until(async () => (await revisionOn(PORTS.a)) === 2, 5000, 'instance A did not serve revision 2')
      assert.equal((await quoteOn(PORTS.a)).parcels[0].shipping.fee.amount, 399)
      await until(() => /"market":"SG","revision":2/.test(worker.output()), 5000, 'the worker did not serve revision 2')

      // Each process lists what it runs per market on its internal health answer.
      const health = await raw({ port: PORTS.a, method: 'GET', path: '/health', host: '127.0.0.1' })
      assert.equal(health.status, 200, JSON.stringify(health.body))
      assert.equal(health.body.data.markets.SG.revision, 2)
      assert.equal(health.body.data.markets.MY.revision, 0)
      assert.isBelow(seenAfter, 5000)
    } finally {
      for (const child of [a, b, worker]) await stop(child.child)
    }
  }).timeout(180_000)
})

test.group('A deploy under the overrides', (group) => {
  const folder = join(app.appRoot.pathname, 'tmp', `markets-overrides-${process.pid}`)

  group.setup(async () => {
    await mkdir(folder, { recursive: true })
    // The demo SG file without the J&T courier, which an approved revision overrides.
    const sg = await readFile(join(app.appRoot.pathname, 'config/markets/sg.ts'), 'utf8')
    const start = sg.indexOf("      id: 'jnt',")
    const open = sg.lastIndexOf('{', start)
    const close = sg.indexOf('\n      },\n', sg.indexOf('freeShippingThreshold', start)) + '\n      },\n'.length
    await writeFile(join(folder, 'sg.ts'), sg.slice(0, open) + sg.slice(close).replace(/^\s*\n/, ''))
    return () => rm(folder, { recursive: true, force: true })
  })
  group.each.setup(async () => {
    await resetMarketConfig()
    return () => resetMarketConfig()
  })

  function ace(args: string[]) {
    return new Promise<{ code: number; output: string }>((resolve) =>
      execFile(process.execPath, ['ace', ...args], { cwd: app.appRoot.pathname, env: { ...process.env, MARKETS_PATH: folder, NO_COLOR: '1' }, timeout: 60_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: stdout + stderr })
      )
    )
  }

  test('an override that no longer fits the new file stops boot naming the file, the field and the revision; markets:validate says the same', async ({ assert }) => {
    await new MarketConfigService().propose('SG', { id: 'STF-TEST', email: 'ops@example.com' }, { changes: { couriers: { list: { jnt: { enabled: false } } } }, reason: 'J&T strike', expectedRevision: 0 }, { ip: null, requestId: null })
    const file = `tmp/markets-overrides-${process.pid}/sg.ts`
    const expected = `${file}: couriers.list.jnt: is not one of couriers.list of SG (ninja_van, singpost, spx) (overridden by config revision 1)`
    const boot = await ace(['markets:list'])
    assert.notEqual(boot.code, 0)
    assert.include(boot.output, expected)
    const validate = await ace(['markets:validate'])
    assert.equal(validate.code, 1)
    assert.include(validate.output, expected)

    // With the file the overrides were made on, both pass and validate says what it checked.
    const fine = await new Promise<string>((resolve) =>
      execFile(process.execPath, ['ace', 'markets:validate'], { cwd: app.appRoot.pathname, env: { ...process.env, NO_COLOR: '1' } }, (_error, stdout, stderr) => resolve(stdout + stderr))
    )
    assert.include(fine, 'run-time overrides valid on the files: SG at revision 1')
  }).timeout(120_000)
})

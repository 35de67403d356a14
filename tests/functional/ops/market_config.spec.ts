import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import app from '@adonisjs/core/services/app'
import { DateTime } from 'luxon'
import { STAFF_HOST, staffWithSession } from '#tests/support/identity'
import { sellerWithProduct } from '#tests/support/flows'
import { priceCheckout } from '#orders/services/checkout_pricing'
import { EscrowService, escrowOrderOf } from '#escrow/services/escrow_service'
import { until } from '#tests/support/outside'
import { resetMarketConfig } from '#tests/support/markets'

const CONFIG = '/api/v1/ops/markets/SG/config'

function staffCall(client: any, token: string) {
  return (method: 'get' | 'patch' | 'post', path: string, body?: Record<string, unknown>) => {
    let call = client[method](path).header('Host', STAFF_HOST).bearerToken(token)
    if (body) call = call.json(body)
    return call
  }
}

async function controlCounts() {
  const control = db.connection('control')
  const [revisions] = await control.from('market_config_revisions').count('* as n')
  const [heads] = await control.from('market_config_heads').where('revision', '>', 0).count('* as n')
  const [audits] = await control.from('audit_logs').where('action', 'like', 'ops.config%').count('* as n')
  return { revisions: Number(revisions.n), heads: Number(heads.n), audits: Number(audits.n) }
}

const asJson = (value: any) => (typeof value === 'string' ? JSON.parse(value) : value)
const fields = (response: any) => (response.body().error?.fields ?? []).map((field: any) => field.field).sort()
const tomorrowIn = (zone: string) => DateTime.now().setZone(zone).plus({ days: 1 }).toISODate()!
const todayIn = (zone: string) => DateTime.now().setZone(zone).toISODate()!

/** A buyer's quote of one unit of `sku` on SG, through the API. */
async function quote(flow: Awaited<ReturnType<typeof sellerWithProduct>>, body: Record<string, unknown> = {}) {
  return flow.api('post', '/api/v1/checkout/quote', flow.buyerToken, { lines: [{ sku: flow.sku, quantity: 1 }], ...body })
}

test.group('Ops edit a market at run time: changes, revisions, diffs', (group) => {
  group.each.setup(async () => {
    await resetMarketConfig()
    return () => resetMarketConfig()
  })

  test('a courier fee change is revision 1: applied, audited, served, and the next quote uses it', async ({ client, assert }) => {
    const flow = await sellerWithProduct(client, 'SG', 1990)
    const before = await quote(flow)
    before.assertStatus(200)
    assert.equal(before.body().data.parcels[0].shipping.fee.amount, 399)
    assert.deepEqual(before.body().data.configRevision.number, 0)

    const ops = await staffWithSession(client, [{ role: 'ops', markets: ['SG'] }])
    const call = staffCall(client, ops.token)
    const shown = await call('get', CONFIG)
    shown.assertStatus(200)
    assert.deepEqual(shown.body().data.revision.number, 0)
    const bands = shown.body().data.couriers.list.find((courier: any) => courier.id === 'ninja_van').rates.bands
    bands[0].fee = 450

    const changed = await call('patch', CONFIG, { changes: { couriers: { list: { ninja_van: { rates: { bands } } } } }, reason: 'Ninja Van raised its first band', expectedRevision: 0 })
    changed.assertStatus(200)
    const revision = changed.body().data
    assert.equal(revision.number, 1)
    assert.equal(revision.status, 'applied')
    assert.deepEqual(revision.author, { id: ops.staff.publicId, email: ops.email })
    assert.deepEqual(revision.needsApproval, [])
    assert.deepInclude(revision.diff, { op: 'replace', path: '/couriers/list/0/rates/bands/0/fee', value: 450 })

    // This process serves it at once; the next quote is priced with it and says so.
    const market = await client.get('/api/v1/market').header('Host', 'sg.pasar.localhost')
    assert.equal(market.body().data.revision.number, 1)
    const after = await quote(flow)
    assert.equal(after.body().data.parcels[0].shipping.fee.amount, 450)
    assert.deepEqual(after.body().data.configRevision, market.body().data.revision)

    const audit = await db.connection('control').from('audit_logs').where('action', 'ops.config_changed').where('actor_id', ops.staff.publicId).firstOrFail()
    assert.equal(audit.market_code, 'SG')
    assert.equal(audit.actor_id, ops.staff.publicId)
    assert.equal(audit.target_id, 'SG#1')
    assert.deepInclude(asJson(audit.details), { revision: 1, reason: 'Ninja Van raised its first band', fields: ['couriers.list.ninja_van.rates.bands'] })

    const listed = await call('get', `${CONFIG}/revisions`)
    listed.assertStatus(200)
    assert.deepEqual(listed.body().data.map((row: any) => row.number), [1])
    const one = await call('get', `${CONFIG}/revisions/1`)
    assert.equal(one.body().data.reason, 'Ninja Van raised its first band')
    const diff = await call('get', `${CONFIG}/revisions/0/diff/1`)
    diff.assertStatus(200)
    assert.deepEqual(diff.body().data.fields, ['couriers.list.ninja_van.rates.bands'])
    assert.deepEqual(diff.body().data.operations, [{ op: 'replace', path: '/couriers/list/0/rates/bands/0/fee', value: 450 }])

    // The head of the control database says the same; GET config shows it.
    const head = await db.connection('control').from('market_config_heads').where('market_code', 'SG').firstOrFail()
    assert.equal(head.revision, 1)
    assert.equal((await call('get', CONFIG)).body().data.revision.hash, market.body().data.revision.hash)
  }).timeout(60_000)

  test('bad input: fields outside the editable subset, bad values and missing fields are 422 naming each, and nothing is written', async ({ client, assert }) => {
    const ops = await staffWithSession(client, [{ role: 'ops', markets: ['SG'] }])
    const call = staffCall(client, ops.token)
    const untouched = await controlCounts()
    const outside = await call('patch', CONFIG, { changes: { currency: 'USD', code: 'XX', domains: ['evil.example'], tax: { label: 'VAT' }, payments: { gateways: { venmo: { enabled: true } } } }, reason: 'try the fence', expectedRevision: 0 })
    outside.assertStatus(422)
    assert.deepEqual(fields(outside), ['changes.code', 'changes.currency', 'changes.domains', 'changes.payments.gateways.venmo', 'changes.tax.label'])

    const values = await call('patch', CONFIG, {
      changes: {
        escrow: { autoReleaseDays: 0, commissionRate: 'six' },
        couriers: { list: { jnt: { rates: { bands: [{ upToGrams: 1000, fee: 500 }, { upToGrams: 900, fee: 100 }] } } } },
        payments: { defaultGateway: 'card', gateways: { card: { enabled: false } } },
        limits: { maxCartLines: 5000 },
      },
      reason: 'a careless edit',
      expectedRevision: 0,
    })
    values.assertStatus(422)
    assert.includeMembers(fields(values), [
      'changes.escrow.autoReleaseDays',
      'changes.escrow.commissionRate',
      'changes.couriers.list.jnt.rates.bands.1.upToGrams',
      'changes.couriers.list.jnt.rates.bands.1.fee',
      'changes.payments.defaultGateway',
      'changes.limits.maxCartLines',
    ])

    const shape = await call('patch', CONFIG, { changes: 'all of it', reason: 'x', extra: 1 })
    shape.assertStatus(422)
    assert.deepEqual(fields(shape), ['changes', 'expectedRevision', 'extra', 'reason'])
    const empty = await call('patch', CONFIG, { changes: {}, reason: 'nothing at all', expectedRevision: 0 })
    empty.assertStatus(422)
    assert.deepEqual(fields(empty), ['changes'])
    const same = await call('patch', CONFIG, { changes: { escrow: { autoReleaseDays: 3 } }, reason: 'the value it has', expectedRevision: 0 })
    same.assertStatus(422)

    const badPaths = await Promise.all([call('get', `${CONFIG}/revisions/abc`), call('get', `${CONFIG}/revisions/1/diff/-2`), call('post', `${CONFIG}/revisions/x/approve`), call('get', `${CONFIG}/revisions?limit=0&status=done`)])
    assert.deepEqual(badPaths.map((response) => response.status()), [422, 422, 422, 422])
    assert.deepEqual(fields(badPaths[3]), ['limit', 'status'])
    ;(await call('get', `${CONFIG}/revisions/99`)).assertStatus(404)

    assert.deepEqual(await controlCounts(), untouched)
    assert.deepEqual(untouched.revisions + untouched.heads, 0)
    assert.equal((await client.get('/api/v1/market').header('Host', 'sg.pasar.localhost')).body().data.revision.number, 0)
  }).timeout(60_000)

  test('a gateway switched off is not offered to new checkouts; flash-sale rules and feature switches apply at once', async ({ client, assert }) => {
    const flow = await sellerWithProduct(client, 'SG', 1990)
    const ops = await staffWithSession(client, [{ role: 'ops', markets: ['SG'] }])
    const call = staffCall(client, ops.token)
    const changed = await call('patch', CONFIG, {
      changes: { payments: { gateways: { grabpay: { enabled: false } } }, features: { vouchers: false }, flashSales: { maxDurationHours: 2, maxPerBuyerLimit: 3 } },
      reason: 'GrabPay outage; vouchers paused; short flash sales only',
      expectedRevision: 0,
    })
    changed.assertStatus(200)
    const market = (await client.get('/api/v1/market').header('Host', 'sg.pasar.localhost')).body().data
    assert.notInclude(market.payments.gateways.map((gateway: any) => gateway.id), 'grabpay')
    assert.deepEqual(market.features, { flashSales: true, vouchers: false })

    const grab = await quote(flow, { paymentGateway: 'grabpay' })
    grab.assertStatus(422)
    assert.deepEqual(fields(grab), ['paymentGateway'])
    const voucher = await quote(flow, { vouchers: ['ANY10'] })
    voucher.assertStatus(422)
    assert.deepEqual(fields(voucher), ['vouchers'])
    ;(await quote(flow)).assertStatus(200)

    const sale = (hours: number, perBuyerLimit: number) =>
      call('post', '/api/v1/ops/markets/SG/flash-sales', {
        sku: flow.sku,
        startsAt: DateTime.utc().plus({ days: 1 }).toISO(),
        endsAt: DateTime.utc().plus({ days: 1, hours }).toISO(),
        price: { amount: 990, currency: 'SGD' },
        stock: 1,
        perBuyerLimit,
      })
    const tooLong = await sale(3, 5)
    tooLong.assertStatus(422)
    assert.deepEqual(fields(tooLong), ['perBuyerLimit'])
    const longer = await sale(3, 1)
    assert.deepEqual(fields(longer), ['endsAt'])
    const fits = await sale(2, 1)
    assert.equal(fits.status(), 201, JSON.stringify(fits.body()))
  }).timeout(60_000)

  test('rollback: a new revision equal to the one restored (0 is the file); a stale base is 409 naming the current revision', async ({ client, assert }) => {
    const flow = await sellerWithProduct(client, 'SG', 1990)
    const ops = await staffWithSession(client, [{ role: 'ops', markets: ['SG'] }])
    const call = staffCall(client, ops.token)
    const fileHash = (await call('get', CONFIG)).body().data.revision.hash
    ;(await call('patch', CONFIG, { changes: { couriers: { list: { ninja_van: { rates: { freeShippingThreshold: 1000 } } } } }, reason: 'free shipping from S$10', expectedRevision: 0 })).assertStatus(200)
    ;(await call('patch', CONFIG, { changes: { returns: { windowDays: 30 } }, reason: 'longer returns for the holidays', expectedRevision: 1 })).assertStatus(200)
    assert.isTrue((await quote(flow)).body().data.parcels[0].shipping.freeShipping)

    const stale = await call('post', `${CONFIG}/rollback/1`, { reason: 'undo the holiday returns', expectedRevision: 1 })
    stale.assertStatus(409)
    assert.equal(stale.body().error.code, 'E_CONFIG_REVISION_CONFLICT')
    assert.equal(stale.body().error.currentRevision, 2)

    const back = await call('post', `${CONFIG}/rollback/1`, { reason: 'undo the holiday returns', expectedRevision: 2 })
    back.assertStatus(200)
    assert.include(back.body().data, { number: 3, kind: 'rollback', rollbackOf: 1, status: 'applied' })
    const [one, three] = await Promise.all([call('get', `${CONFIG}/revisions/1`), call('get', `${CONFIG}/revisions/3`)])
    assert.equal(three.body().data.configHash, one.body().data.configHash)
    assert.deepEqual((await call('get', `${CONFIG}/revisions/1/diff/3`)).body().data.operations, [])

    const toFile = await call('post', `${CONFIG}/rollback/0`, { reason: 'back to the reviewed file', expectedRevision: 3 })
    toFile.assertStatus(200)
    assert.equal(toFile.body().data.configHash, fileHash)
    assert.isFalse((await quote(flow)).body().data.parcels[0].shipping.freeShipping)
    const market = (await client.get('/api/v1/market').header('Host', 'sg.pasar.localhost')).body().data
    assert.deepEqual(market.revision, { number: 4, hash: fileHash })

    ;(await call('post', `${CONFIG}/rollback/9`, { reason: 'no such revision', expectedRevision: 4 })).assertStatus(404)
    const bad = await call('post', `${CONFIG}/rollback/1`, { reason: '', expectedRevision: -1 })
    bad.assertStatus(422)
    assert.deepEqual(fields(bad), ['expectedRevision', 'reason'])
  }).timeout(60_000)

  test('markets:config prints the effective config of the head and of a revision', async ({ client, assert }) => {
    const ops = await staffWithSession(client, [{ role: 'ops', markets: ['SG'] }])
    ;(await staffCall(client, ops.token)('patch', CONFIG, { changes: { returns: { windowDays: 21 } }, reason: 'three weeks of returns', expectedRevision: 0 })).assertStatus(200)
    const { execFile } = await import('node:child_process')
    const run = (args: string[]) =>
      new Promise<{ code: number; stdout: string }>((resolve) =>
        execFile(process.execPath, ['ace', 'markets:config', ...args], { cwd: app.appRoot.pathname, env: { ...process.env, NO_COLOR: '1', LOG_LEVEL: 'warn' } }, (error, stdout) =>
          resolve({ code: error ? Number((error as any).code ?? 1) : 0, stdout })
        )
      )
    const head = await run(['--market=sg'])
    assert.equal(head.code, 0)
    const printed = JSON.parse(head.stdout)
    assert.equal(printed.revision, 1)
    assert.equal(printed.config.returns.windowDays, 21)
    const file = JSON.parse((await run(['--market=SG', '--revision=0'])).stdout)
    assert.equal(file.config.returns.windowDays, 15)
    assert.equal((await run(['--market=SG', '--revision=5'])).code, 1)
  }).timeout(90_000)
})

test.group('Ops edit a market: approval of tax, commission and fees', (group) => {
  group.each.setup(async () => {
    await resetMarketConfig()
    return () => resetMarketConfig()
  })

  test('a commission change waits for a second ops member; the author and finance cannot approve; orders keep the rate they were placed at', async ({ client, assert }) => {
    const flow = await sellerWithProduct(client, 'SG', 1990)
    const [alice, bob, fin] = await Promise.all([
      staffWithSession(client, [{ role: 'ops', markets: ['SG'] }]),
      staffWithSession(client, [{ role: 'ops', markets: ['SG'] }]),
      staffWithSession(client, [{ role: 'finance', markets: ['SG'] }]),
    ])
    const proposed = await staffCall(client, alice.token)('patch', CONFIG, { changes: { escrow: { commissionRate: 8 } }, reason: 'new commission for 2027', expectedRevision: 0 })
    proposed.assertStatus(202)
    assert.include(proposed.body().data, { number: 1, status: 'pending' })
    assert.deepEqual(proposed.body().data.needsApproval, ['escrow.commissionRate'])
    const market = await (await app.container.make('markets')).context('SG')
    assert.equal(market.config.escrow.commissionRate, 6, 'nothing changes before the approval')
    assert.equal((await staffCall(client, alice.token)('get', CONFIG)).body().data.pendingRevisions[0], 1)

    // An order placed now is at 6 %.
    const cart = await flow.api('post', '/api/v1/cart/lines', flow.buyerToken, { sku: flow.sku, quantity: 1 })
    cart.assertStatus(201)
    const placed = await flow.api('post', '/api/v1/orders', flow.buyerToken, {}, { 'Idempotency-Key': randomUUID() })
    placed.assertStatus(201)
    const number = placed.body().data.orders[0].number

    const own = await staffCall(client, alice.token)('post', `${CONFIG}/revisions/1/approve`)
    own.assertStatus(403)
    assert.equal(own.body().error.code, 'E_OWN_REVISION')
    ;(await staffCall(client, fin.token)('post', `${CONFIG}/revisions/1/approve`)).assertStatus(403)
    ;(await staffCall(client, fin.token)('get', `${CONFIG}/revisions/1`)).assertStatus(200)

    const approved = await staffCall(client, bob.token)('post', `${CONFIG}/revisions/1/approve`)
    approved.assertStatus(200)
    assert.include(approved.body().data, { status: 'applied' })
    assert.deepEqual(approved.body().data.approver, { id: bob.staff.publicId, email: bob.email })
    ;(await staffCall(client, bob.token)('post', `${CONFIG}/revisions/1/approve`)).assertStatus(409)
    const now = (await app.container.make('markets')).context('SG')
    assert.equal(now.config.escrow.commissionRate, 8)

    // The order of before is split at its own 6 %; one placed now at 8 %.
    const escrow = new EscrowService()
    const older = await now.table('orders as o').join('shops as s', 's.id', 'o.shop_id').where('o.number', number).select('o.*', 's.public_id as shop_public_id').firstOrFail()
    assert.equal(escrow.split(now, escrowOrderOf(older)).commission, 119) // 6 % of 1990, half-up
    ;(await flow.api('post', '/api/v1/cart/lines', flow.buyerToken, { sku: flow.sku, quantity: 1 })).assertStatus(201)
    const later = await flow.api('post', '/api/v1/orders', flow.buyerToken, {}, { 'Idempotency-Key': randomUUID() })
    later.assertStatus(201)
    const newer = await now.table('orders as o').join('shops as s', 's.id', 'o.shop_id').where('o.number', later.body().data.orders[0].number).select('o.*', 's.public_id as shop_public_id').firstOrFail()
    assert.equal(newer.commission_ppm, 80_000)
    assert.equal(escrow.split(now, escrowOrderOf(newer)).commission, 159) // 8 % of 1990
    assert.deepEqual(
      (await db.connection('control').from('audit_logs').whereIn('action', ['ops.config_proposed', 'ops.config_approved']).whereIn('actor_id', [alice.staff.publicId, bob.staff.publicId]).orderBy('id')).map((row) => [row.action, row.actor_id]),
      [
        ['ops.config_proposed', alice.staff.publicId],
        ['ops.config_approved', bob.staff.publicId],
      ]
    )
  }).timeout(60_000)

  test('tax: a rate from today is refused; one from tomorrow, once approved, leaves today\'s quote alone and prices tomorrow\'s; a pending revision is superseded when the config moves on', async ({ client, assert }) => {
    const flow = await sellerWithProduct(client, 'SG', 1090)
    const [alice, bob] = await Promise.all([staffWithSession(client, [{ role: 'ops', markets: ['SG'] }]), staffWithSession(client, [{ role: 'ops', markets: ['SG'] }])])
    const zone = 'Asia/Singapore'
    const rate = (effectiveFrom: string) => ({ changes: { tax: { categories: { standard: { rates: [{ rate: 10, effectiveFrom }] } } } }, reason: 'GST to 10 %', expectedRevision: 0 })
    for (const day of [todayIn(zone), '2024-06-01']) {
      const refused = await staffCall(client, alice.token)('patch', CONFIG, rate(day))
      refused.assertStatus(422)
      assert.deepEqual(fields(refused), ['changes.tax.categories.standard.rates'])
    }
    const badRate = await staffCall(client, alice.token)('patch', CONFIG, { changes: { tax: { categories: { standard: { rates: [{ rate: 120, effectiveFrom: 'soon' }] }, luxury: { rates: [] } } } }, reason: 'bad rates', expectedRevision: 0 })
    badRate.assertStatus(422)
    assert.deepEqual(fields(badRate), ['changes.tax.categories.luxury'])

    // Proposed, then superseded by another change before anyone approved it.
    ;(await staffCall(client, alice.token)('patch', CONFIG, rate(tomorrowIn(zone)))).assertStatus(202)
    ;(await staffCall(client, bob.token)('patch', CONFIG, { changes: { returns: { windowDays: 10 } }, reason: 'returns window', expectedRevision: 0 })).assertStatus(200)
    const late = await staffCall(client, bob.token)('post', `${CONFIG}/revisions/1/approve`)
    late.assertStatus(409)
    assert.equal(late.body().error.code, 'E_REVISION_STATE')
    assert.equal((await staffCall(client, bob.token)('get', `${CONFIG}/revisions/1`)).body().data.status, 'superseded')

    const again = await staffCall(client, alice.token)('patch', CONFIG, { ...rate(tomorrowIn(zone)), expectedRevision: 2 })
    again.assertStatus(202)
    ;(await staffCall(client, bob.token)('post', `${CONFIG}/revisions/3/approve`)).assertStatus(200)

    const today = await quote(flow)
    assert.deepEqual(today.body().data.parcels[0].lines[0].taxRate.rate, 9)
    assert.equal(today.body().data.parcels[0].lines[0].tax.amount, 90) // 1090 × 9/109
    const market = (await app.container.make('markets')).context('SG')
    const tomorrow = await priceCheckout(market, { lines: [{ sku: flow.sku, quantity: 1 }] }, undefined, null, DateTime.now().setZone(zone).plus({ days: 1 }).startOf('day').plus({ hours: 10 }))
    assert.equal(tomorrow.parcels[0].lines[0].taxed.rate.rate, 10)

    // And now that it is in the config, it cannot be removed by a rollback once its day has come: here it has not, so the rollback is a tax change and waits.
    const rollback = await staffCall(client, alice.token)('post', `${CONFIG}/rollback/2`, { reason: 'GST stays at 9 %', expectedRevision: 3 })
    rollback.assertStatus(202)
    assert.deepEqual(rollback.body().data.needsApproval, ['tax.categories.standard.rates'])
  }).timeout(60_000)
})

test.group('Ops edit a market: access and concurrency', (group) => {
  group.each.setup(async () => {
    await resetMarketConfig()
    return () => resetMarketConfig()
  })

  test('ops of MY cannot touch SG, finance and support read but do not write: 403 and nothing written', async ({ client, assert }) => {
    const [my, fin, support] = await Promise.all([
      staffWithSession(client, [{ role: 'ops', markets: ['MY'] }]),
      staffWithSession(client, [{ role: 'finance', markets: ['SG'] }]),
      staffWithSession(client, [{ role: 'support', markets: ['SG'] }]),
    ])
    const change = { changes: { returns: { windowDays: 12 } }, reason: 'not mine to change', expectedRevision: 0 }
    for (const who of [my, fin, support]) {
      ;(await staffCall(client, who.token)('patch', CONFIG, change)).assertStatus(403)
      ;(await staffCall(client, who.token)('post', `${CONFIG}/rollback/0`, { reason: 'not mine', expectedRevision: 0 })).assertStatus(403)
    }
    ;(await staffCall(client, my.token)('get', CONFIG)).assertStatus(403)
    ;(await staffCall(client, fin.token)('get', CONFIG)).assertStatus(200)
    ;(await staffCall(client, support.token)('get', `${CONFIG}/revisions`)).assertStatus(200)
    ;(await staffCall(client, my.token)('patch', '/api/v1/ops/markets/MY/config', { ...change, reason: 'my own market' })).assertStatus(200)
    const counts = await db.connection('control').from('market_config_revisions').select('market_code').count('* as n').groupBy('market_code')
    assert.deepEqual(counts.map((row) => [row.market_code, Number(row.n)]), [['MY', 1]])
  }).timeout(60_000)

  test('20 parallel changes by two ops members: one line of revisions 1..20, each made on the one before, none lost; a stale one is 409 naming the current revision', async ({ client, assert }) => {
    const [alice, bob] = await Promise.all([staffWithSession(client, [{ role: 'ops', markets: ['SG'] }]), staffWithSession(client, [{ role: 'ops', markets: ['SG'] }])])
    const first = await Promise.all(
      Array.from({ length: 20 }, (_, i) => staffCall(client, (i % 2 ? alice : bob).token)('patch', CONFIG, { changes: { limits: { checkoutPerMinute: 100 + i } }, reason: `race ${i}`, expectedRevision: 0 }))
    )
    assert.equal(first.filter((response) => response.status() === 200).length, 1)
    const conflicts = first.filter((response) => response.status() === 409)
    assert.lengthOf(conflicts, 19)
    for (const conflict of conflicts) assert.equal(conflict.body().error.currentRevision, 1)

    // Each member retries with the revision the 409 named, as a console does: every change lands once.
    const changes = Array.from({ length: 19 }, (_, i) => i + 1)
    await Promise.all(
      changes.map(async (i) => {
        let expected = 1
        for (let attempt = 0; attempt < 60; attempt++) {
          const response = await staffCall(client, (i % 2 ? alice : bob).token)('patch', CONFIG, { changes: { limits: { anonymousRequestsPerMinute: 1000 + i } }, reason: `retry ${i}`, expectedRevision: expected })
          if (response.status() === 200) return
          assert.equal(response.status(), 409, JSON.stringify(response.body()))
          expected = response.body().error.currentRevision
        }
        throw new Error(`change ${i} never landed`)
      })
    )
    const rows = await db.connection('control').from('market_config_revisions').where('market_code', 'SG').orderBy('number')
    assert.deepEqual(rows.map((row) => Number(row.number)), Array.from({ length: 20 }, (_, i) => i + 1))
    assert.deepEqual(rows.map((row) => Number(row.base_number)), Array.from({ length: 20 }, (_, i) => i))
    assert.isTrue(rows.every((row) => row.status === 'applied'))
    const reasons = new Set(rows.map((row) => row.reason))
    for (const i of changes) assert.isTrue(reasons.has(`retry ${i}`))
    const head = await db.connection('control').from('market_config_heads').where('market_code', 'SG').firstOrFail()
    assert.equal(head.revision, 20)
    assert.equal(asJson(head.overrides).limits.anonymousRequestsPerMinute, 1000 + Number(/retry (\d+)/.exec(rows[19].reason)![1]))
  }).timeout(120_000)

  test('a process that missed the message catches up by its version check within 5 s', async ({ assert }) => {
    const markets = await app.container.make('markets')
    const overrides = { returns: { windowDays: 11 } }
    // As another process would leave it, without announcing it here.
    await db.connection('control').table('market_config_heads').insert({ market_code: 'SG', revision: 7, last_number: 7, overrides: JSON.stringify(overrides), config_hash: 'x', updated_at: new Date() })
    const started = Date.now()
    await until(() => markets.find('SG')!.configRevision === 7, 5000, 'the version check did not pick up revision 7')
    assert.equal(markets.context('SG').config.returns.windowDays, 11)
    assert.isBelow(Date.now() - started, 5000)
  }).timeout(20_000)
})

import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import { hostOf, staffWithSession, stateFingerprint } from '#tests/support/identity'
import { orderStatus, placeOrder, sellerWithProduct } from '#tests/support/flows'
import { PRICE, assertBooksBalance } from '#tests/support/payments'
import { until } from '#tests/support/outside'
import { spawnApp, stop } from '#tests/support/processes'
import { SandboxCourier } from '#logistics/couriers/sandbox_courier'
import { EscrowService } from '#escrow/services/escrow_service'

/**
 * The whole life of an order through HTTP and a running worker (a real
 * `node ace worker` child: outbox relay, consumers, schedulers, the
 * sandbox gateway's webhooks and the sandbox courier's vans):
 * register, list, order, pay on the sandbox page, ship, track, deliver,
 * confirm, wallet, payout, trial balance.
 */

test.group('End to end: order to payout, with a running worker', (group) => {
  let worker: ReturnType<typeof spawnApp>
  group.setup(async () => {
    worker = spawnApp(['ace', 'worker', '--poll-ms=100', '--expiry-seconds=1', '--courier-seconds=0.3'], { SANDBOX_COURIER_STEP_SECONDS: '0', LOG_LEVEL: 'warn' })
    // Ready when it has declared its topology (its consumers are up then).
    await until(() => /topology declared/.test(worker.output()) || worker.child.exitCode !== null, 30_000, 'the worker did not start')
    if (worker.child.exitCode !== null) throw new Error(`the worker exited: ${worker.output()}`)
  })
  group.teardown(async () => {
    await stop(worker.child)
  })

  test('SG: pay with GrabPay on the sandbox page, ship, track, confirm; the wallet has price less commission and fees; payouts never exceed it', async ({ client, assert }) => {
    const { api, market, sellerToken, buyerToken, sku, shop } = await sellerWithProduct(client, 'SG', PRICE.SG)
    const { checkoutId, order } = await placeOrder(api, buyerToken, sku, 2, 'grabpay')
    assert.equal(order.status, 'pending_payment')

    const started = await api('post', `/api/v1/checkouts/${checkoutId}/payments`, buyerToken, {}, { 'Idempotency-Key': randomUUID() })
    started.assertStatus(201)
    const payment = started.body().data
    assert.equal(payment.action.type, 'redirect')
    const page = await api('get', payment.action.url)
    page.assertStatus(200)
    ;(await api('post', `${payment.action.url}/approve`)).assertStatus(202)
    await until(async () => (await orderStatus(market, order.number)) === 'paid', 20_000, 'the webhook did not capture the payment')

    // The seller sees it and ships it.
    const listed = await api('get', '/api/v1/seller/orders?status=paid', sellerToken)
    listed.assertStatus(200)
    assert.deepEqual(listed.body().data.map((row: any) => row.number), [order.number])
    const shipped = await api('post', `/api/v1/seller/orders/${order.number}/ship`, sellerToken, {})
    shipped.assertStatus(201)
    assert.match(shipped.body().data.trackingNumber, /^SBXSG/)
    assert.equal(shipped.body().data.labelUrl, `/sandbox/labels/${shipped.body().data.trackingNumber}`)
    ;(await api('post', `/api/v1/seller/orders/${order.number}/ship`, sellerToken, {})).assertStatus(409)

    // The sandbox courier carries it; tracking webhooks move the order.
    await until(async () => (await orderStatus(market, order.number)) === 'delivered', 30_000, 'the parcel was not delivered')
    const tracking = await api('get', `/api/v1/orders/${order.number}/tracking`, buyerToken, undefined, { 'Accept-Language': 'zh-SG' })
    tracking.assertStatus(200)
    assert.deepEqual(tracking.body().data.events.map((event: any) => event.status), ['picked_up', 'in_transit', 'out_for_delivery', 'delivered'])
    assert.equal(tracking.body().data.statusLabel, '已签收')
    const history = (await api('get', `/api/v1/orders/${order.number}`, buyerToken)).body().data.history.map((entry: any) => entry.to)
    assert.deepEqual(history, ['pending_payment', 'paid', 'ready_to_ship', 'shipped', 'delivered'])

    // Nothing to the seller before the buyer confirms.
    const before = (await api('get', '/api/v1/seller/wallet', sellerToken)).body().data
    assert.equal(before.available.amount, 0)
    assert.equal(before.inEscrow.amount, order.total.amount)
    ;(await api('post', `/api/v1/orders/${order.number}/confirm-receipt`, buyerToken)).assertStatus(200)
    ;(await api('post', `/api/v1/orders/${order.number}/confirm-receipt`, buyerToken)).assertStatus(409)
    assert.equal(await orderStatus(market, order.number), 'completed')

    // Hand-computed: SGD 19.90 x 2; commission 6 % of the goods, payment fee 2 % of the total, both half-up.
    const goods = 3980
    const shipping = order.shippingFee.amount
    const total = goods + shipping
    assert.equal(order.total.amount, total)
    const commission = Math.round((goods * 6) / 100)
    const paymentFee = Math.round((total * 2) / 100)
    assert.equal(commission, 239)
    const sellerShare = total - shipping - commission - paymentFee
    const wallet = (await api('get', '/api/v1/seller/wallet', sellerToken)).body().data
    assert.deepEqual([wallet.available.amount, wallet.inEscrow.amount, wallet.paidOut.amount], [sellerShare, 0, 0])
    const entries = (await api('get', '/api/v1/seller/wallet/entries', sellerToken)).body().data
    assert.deepEqual(entries.map((entry: any) => [entry.kind, entry.order, entry.amount.amount]), [['release', order.number, sellerShare]])
    assert.deepEqual([entries[0].breakdown.commission.amount, entries[0].breakdown.paymentFee.amount, entries[0].breakdown.shipping.amount], [commission, paymentFee, shipping])

    // 20 parallel payouts of a third each: three are paid out, never more than the wallet holds.
    const third = Math.floor(sellerShare / 3)
    const answers = await Promise.all(Array.from({ length: 20 }, () => api('post', '/api/v1/seller/payouts', sellerToken, { amount: third }, { 'Idempotency-Key': randomUUID() })))
    const statuses = answers.map((answer) => answer.status()).sort()
    assert.deepEqual([statuses.filter((status) => status === 201).length, statuses.filter((status) => status === 409).length], [3, 17])
    assert.isTrue(answers.filter((answer) => answer.status() === 409).every((answer) => answer.body().error.code === 'E_INSUFFICIENT_FUNDS'))
    const left = sellerShare - 3 * third
    await until(async () => (await api('get', '/api/v1/seller/wallet', sellerToken)).body().data.paidOut.amount === 3 * third, 20_000, 'payouts were not settled')
    const settled = (await api('get', '/api/v1/seller/wallet', sellerToken)).body().data
    assert.deepEqual([settled.available.amount, settled.payingOut.amount, settled.paidOut.amount], [left, 0, 3 * third])
    const payouts = (await api('get', '/api/v1/seller/payouts', sellerToken)).body().data
    assert.deepEqual(payouts.map((payout: any) => payout.status), ['paid', 'paid', 'paid'])

    // The finance team's trial balance of SG is zero.
    const finance = await staffWithSession(client, [{ role: 'finance', markets: ['SG'] }])
    const trial = await client.get('/api/v1/finance/markets/SG/ledger/trial-balance').header('Host', 'admin.pasar.localhost').bearerToken(finance.token)
    trial.assertStatus(200)
    assert.equal(trial.body().data.total.amount, 0)
    assert.isTrue(trial.body().data.balanced)
    assert.includeDeepMembers(
      trial.body().data.accounts.filter((account: any) => account.code === `seller_payable:${shop}`).map((account: any) => account.balance.amount),
      [-left]
    )
    assert.equal(await new EscrowService().escrowHeld(market, order.number), 0)
    await assertBooksBalance(assert, market)
  }).timeout(120_000)

  test('ID: cash on delivery; the courier collects the cash at the door, escrow takes it, the buyer confirms, a failed disbursement returns the money', async ({ client, assert }) => {
    const { api, market, sellerToken, buyerToken, sku } = await sellerWithProduct(client, 'ID', PRICE.ID)
    const { checkoutId, order } = await placeOrder(api, buyerToken, sku, 1, 'cod')
    const started = await api('post', `/api/v1/checkouts/${checkoutId}/payments`, buyerToken, { gateway: 'cod' }, { 'Idempotency-Key': randomUUID() })
    started.assertStatus(201)
    assert.equal(started.body().data.action.type, 'none')
    assert.equal(await orderStatus(market, order.number), 'ready_to_ship')

    const shipped = await api('post', `/api/v1/seller/orders/${order.number}/ship`, sellerToken, {})
    shipped.assertStatus(201)
    assert.isTrue(shipped.body().data.cashOnDelivery)
    assert.equal(shipped.body().data.codAmount.amount, order.total.amount)
    await until(async () => (await orderStatus(market, order.number)) === 'delivered', 30_000, 'the COD parcel was not delivered')
    await until(async () => (await market.table('payments').where('checkout_id', checkoutId).first()).status === 'captured', 10_000, 'the COD payment was not captured')
    assert.equal(await new EscrowService().escrowHeld(market, order.number), order.total.amount)
    ;(await api('post', `/api/v1/orders/${order.number}/confirm-receipt`, buyerToken)).assertStatus(200)

    // Hand-computed: commission 6.5 % of the goods, payment fee 2 % of the total, a fixed Rp1,000 per order.
    const goods = PRICE.ID
    const shipping = order.shippingFee.amount
    const codSurcharge = order.codSurcharge.amount
    const total = goods + shipping + codSurcharge
    assert.equal(order.total.amount, total)
    const sellerShare = total - shipping - codSurcharge - Math.round((goods * 65) / 1000) - Math.round((total * 2) / 100) - 100_000
    const wallet = (await api('get', '/api/v1/seller/wallet', sellerToken)).body().data
    assert.equal(wallet.available.amount, sellerShare)

    // A payout below the minimum is refused naming the field; the sandbox bank rejects amounts ending in 666.
    const low = await api('post', '/api/v1/seller/payouts', sellerToken, { amount: 999_999 }, { 'Idempotency-Key': randomUUID() })
    low.assertStatus(422)
    assert.deepEqual(low.body().error.fields.map((field: any) => field.field), ['amount'])
    const failing = Math.floor((sellerShare - 1_000_000) / 1000) * 1000 + 666
    const key = randomUUID()
    const requested = await api('post', '/api/v1/seller/payouts', sellerToken, { amount: failing }, { 'Idempotency-Key': key })
    requested.assertStatus(201)
    const replay = await api('post', '/api/v1/seller/payouts', sellerToken, { amount: failing }, { 'Idempotency-Key': key })
    replay.assertStatus(200)
    assert.equal(replay.body().data.id, requested.body().data.id)
    ;(await api('post', '/api/v1/seller/payouts', sellerToken, { amount: failing + 1 }, { 'Idempotency-Key': key })).assertStatus(422)
    await until(async () => (await market.table('payouts').where('public_id', requested.body().data.id).first()).status === 'failed', 20_000, 'the disbursement did not fail')
    const after = (await api('get', '/api/v1/seller/wallet', sellerToken)).body().data
    assert.deepEqual([after.available.amount, after.payingOut.amount, after.paidOut.amount], [sellerShare, 0, 0])
    const kinds = (await api('get', '/api/v1/seller/wallet/entries', sellerToken)).body().data.map((entry: any) => [entry.kind, entry.amount.amount])
    assert.deepEqual(kinds, [['payout_failed', failing], ['payout', -failing], ['release', sellerShare]])
    await assertBooksBalance(assert, market)
  }).timeout(120_000)

  test('BR: Pix; the buyer extends the guarantee once; the worker releases the escrow when it runs out', async ({ client, assert }) => {
    const { api, market, sellerToken, buyerToken, sku } = await sellerWithProduct(client, 'BR', PRICE.BR)
    const { checkoutId, order } = await placeOrder(api, buyerToken, sku, 3)
    const started = await api('post', `/api/v1/checkouts/${checkoutId}/payments`, buyerToken, {}, { 'Idempotency-Key': randomUUID() })
    started.assertStatus(201)
    ;(await api('post', `/sandbox/pay/${started.body().data.id}/approve`)).assertStatus(202)
    await until(async () => (await orderStatus(market, order.number)) === 'paid', 20_000, 'the Pix payment was not captured')
    ;(await api('post', `/api/v1/orders/${order.number}/extend-guarantee`, buyerToken)).assertStatus(409)
    ;(await api('post', `/api/v1/seller/orders/${order.number}/ship`, sellerToken, {})).assertStatus(201)
    await until(async () => (await orderStatus(market, order.number)) === 'delivered', 30_000, 'the parcel was not delivered')

    const delivered = await market.table('orders').where('number', order.number).first()
    const dueInDays = (new Date(delivered.release_due_at).getTime() - new Date(delivered.delivered_at).getTime()) / 86_400_000
    assert.equal(Math.round(dueInDays), 7)
    const extended = await api('post', `/api/v1/orders/${order.number}/extend-guarantee`, buyerToken)
    extended.assertStatus(200)
    const again = await api('post', `/api/v1/orders/${order.number}/extend-guarantee`, buyerToken)
    again.assertStatus(409)
    assert.equal(again.body().error.code, 'E_GUARANTEE_EXTENDED')
    const afterExtension = await market.table('orders').where('number', order.number).first()
    assert.equal(Math.round((new Date(afterExtension.release_due_at).getTime() - new Date(delivered.release_due_at).getTime()) / 86_400_000), 3)

    // Ten days later (the clock moved by the test): the worker's release schedule pays the seller.
    await market.table('orders').where('number', order.number).update({ release_due_at: new Date(Date.now() - 1000) })
    await until(async () => (await orderStatus(market, order.number)) === 'completed', 20_000, 'the worker did not release the escrow')
    const goods = PRICE.BR * 3
    const shipping = order.shippingFee.amount
    const total = order.total.amount
    const sellerShare = total - shipping - Math.round((goods * 10) / 100) - Math.round((total * 3) / 100) - 100
    assert.equal((await api('get', '/api/v1/seller/wallet', sellerToken)).body().data.available.amount, sellerShare)
    const payout = await api('post', '/api/v1/seller/payouts', sellerToken, { amount: sellerShare }, { 'Idempotency-Key': randomUUID() })
    payout.assertStatus(201)
    await until(async () => (await api('get', '/api/v1/seller/wallet', sellerToken)).body().data.paidOut.amount === sellerShare, 20_000, 'the payout was not settled')
    await assertBooksBalance(assert, market)
  }).timeout(120_000)

  test('an order not shipped in time is cancelled by the worker, its escrow refunded and its units back on sale', async ({ client, assert }) => {
    const { api, market, buyerToken, sku } = await sellerWithProduct(client, 'SG', PRICE.SG, 5)
    const { checkoutId, order } = await placeOrder(api, buyerToken, sku, 2, 'paynow')
    const started = await api('post', `/api/v1/checkouts/${checkoutId}/payments`, buyerToken, {}, { 'Idempotency-Key': randomUUID() })
    ;(await api('post', `/sandbox/pay/${started.body().data.id}/approve`)).assertStatus(202)
    await until(async () => (await orderStatus(market, order.number)) === 'paid', 20_000, 'not captured')
    const paid = await market.table('orders').where('number', order.number).first()
    assert.equal(Math.round((new Date(paid.ship_by_at).getTime() - Date.now()) / 86_400_000), 3)
    await until(async () => Number((await market.table('stock_levels as l').join('skus as s', 's.id', 'l.sku_id').where('s.public_id', sku).first()).reserved) === 0, 10_000, 'stock not committed')

    await market.table('orders').where('number', order.number).update({ ship_by_at: new Date(Date.now() - 1000) })
    await until(async () => (await market.table('payments').where('checkout_id', checkoutId).first()).status === 'refunded', 20_000, 'not cancelled and refunded')
    assert.equal(await orderStatus(market, order.number), 'cancelled')
    assert.equal(await new EscrowService().escrowHeld(market, order.number), 0)
    const level = await market.table('stock_levels as l').join('skus as s', 's.id', 'l.sku_id').where('s.public_id', sku).select('l.available', 'l.reserved').first()
    assert.deepEqual([Number(level.available), Number(level.reserved)], [5, 0])
    const refund = await market.table('ledger_transfers').where('transfer_key', `refund:${order.number}`).first()
    assert.isNotNull(refund)
    await assertBooksBalance(assert, market)
  }).timeout(120_000)
})

test.group('Shipping and payouts: bad input and courier webhooks', () => {
  test('malformed ship, payout and tracking requests name each bad field and change nothing', async ({ client, assert }) => {
    const { api, sellerToken, buyerToken, sku } = await sellerWithProduct(client, 'SG', PRICE.SG)
    const { order } = await placeOrder(api, buyerToken, sku, 1)
    const before = await stateFingerprint()
    const cases: [string, string, string | undefined, Record<string, unknown> | undefined, Record<string, string>, number, string[]][] = [
      ['post', `/api/v1/seller/orders/${order.number}/ship`, sellerToken, { pickup: { date: '2020-01-01' } }, {}, 422, ['pickup.date']],
      ['post', `/api/v1/seller/orders/${order.number}/ship`, sellerToken, { pickup: { date: 'tomorrow' }, courier: 'x' }, {}, 422, ['pickup.date', 'courier']],
      ['post', '/api/v1/seller/orders/not-a-number/ship', sellerToken, {}, {}, 422, ['params.number']],
      ['post', '/api/v1/seller/payouts', sellerToken, { amount: '1000' }, { 'Idempotency-Key': randomUUID() }, 422, ['amount']],
      ['post', '/api/v1/seller/payouts', sellerToken, { amount: 10.5, note: 'x' }, { 'Idempotency-Key': randomUUID() }, 422, ['amount', 'note']],
      ['post', '/api/v1/seller/payouts', sellerToken, { amount: 1000 }, {}, 422, ['idempotency-key']],
      ['get', '/api/v1/seller/orders?status=lost&limit=0', sellerToken, undefined, {}, 422, ['status', 'limit']],
      ['post', `/api/v1/orders/${order.number}/confirm-receipt`, buyerToken, { now: true }, {}, 422, ['now']],
    ]
    for (const [method, path, token, body, headers, status, fields] of cases) {
      const response = await api(method as any, path, token, body, headers)
      assert.equal(response.status(), status, `${method} ${path} ${JSON.stringify(body)}`)
      assert.sameMembers(response.body().error.fields.map((field: any) => field.field), fields, `${path} ${JSON.stringify(body)}`)
    }
    // Not yet paid, so not shippable; not delivered, so no receipt; nothing in the wallet.
    ;(await api('post', `/api/v1/seller/orders/${order.number}/ship`, sellerToken, {})).assertStatus(409)
    ;(await api('post', `/api/v1/orders/${order.number}/confirm-receipt`, buyerToken)).assertStatus(409)
    const broke = await api('post', '/api/v1/seller/payouts', sellerToken, { amount: 1000 }, { 'Idempotency-Key': randomUUID() })
    broke.assertStatus(409)
    assert.equal(broke.body().error.code, 'E_INSUFFICIENT_FUNDS')
    ;(await api('get', `/api/v1/orders/${order.number}/tracking`, buyerToken)).assertStatus(404)
    assert.equal(await stateFingerprint(), before)
  }).timeout(60_000)

  test('tracking webhooks: forged or stale are 400, 20 parallel copies apply once, a late event never moves a shipment back', async ({ client, assert }) => {
    const { api, market, sellerToken, buyerToken, sku } = await sellerWithProduct(client, 'SG', PRICE.SG)
    const { order } = await placeOrder(api, buyerToken, sku, 1)
    const { OrderService } = await import('#orders/services/order_service')
    await new OrderService().markPaid(market, order.number, { type: 'system', id: null }, 'test')
    const shipped = await api('post', `/api/v1/seller/orders/${order.number}/ship`, sellerToken, {})
    shipped.assertStatus(201)
    const tracking = shipped.body().data.trackingNumber as string
    const post = (signed: { payload: string; headers: Record<string, string> }) => {
      let call = client.post('/api/v1/couriers/sandbox/webhook').header('Host', hostOf('SG'))
      for (const [name, value] of Object.entries(signed.headers)) call = call.header(name, value)
      return call.header('content-type', 'application/json').unsafeJson(signed.payload)
    }
    const body = (status: string, at = new Date()) => ({ tracking, status, at: at.toISOString(), location: 'Hub' })

    const before = await stateFingerprint()
    const forged = SandboxCourier.sign('evt_forged', body('delivered'))
    forged.headers['webhook-signature'] = `v1,${Buffer.from('not the signature').toString('base64')}`
    ;(await post(forged)).assertStatus(400)
    const stale = SandboxCourier.sign('evt_stale', body('delivered'), new Date(Date.now() - 10 * 60_000))
    ;(await post(stale)).assertStatus(400)
    assert.equal(await stateFingerprint(), before)

    const inTransit = SandboxCourier.sign(`evt_${randomUUID()}`, body('in_transit'))
    const copies = await Promise.all(Array.from({ length: 20 }, () => post(inTransit)))
    assert.isTrue(copies.every((copy) => copy.status() === 200))
    const outcomes = copies.map((copy) => copy.body().data.outcome)
    assert.equal(outcomes.filter((outcome) => outcome === 'in_transit').length, 1)
    assert.equal(outcomes.filter((outcome) => outcome === 'duplicate').length, 19)
    const late = await post(SandboxCourier.sign(`evt_${randomUUID()}`, body('picked_up', new Date(Date.now() - 60_000))))
    assert.equal(late.body().data.outcome, 'history')
    const shipment = await market.table('shipments').where('tracking_number', tracking).first()
    assert.equal(shipment.status, 'in_transit')
    assert.equal(await market.table('outbox').where('routing_key', 'sg.logistics.shipment_status_changed').whereRaw("JSON_UNQUOTE(JSON_EXTRACT(payload, '$.data.shipment')) = ?", [shipment.public_id]).count('* as n').first().then((row: any) => Number(row.n)), 1)
  }).timeout(60_000)
})

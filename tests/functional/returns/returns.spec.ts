import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import { STAFF_HOST, hostOf, staffWithSession } from '#tests/support/identity'
import { apiFor, orderStatus, placeOrder, sellerWithProduct } from '#tests/support/flows'
import { PRICE, assertBooksBalance, deliveredOrder } from '#tests/support/payments'
import { until } from '#tests/support/outside'
import { spawnApp, stop } from '#tests/support/processes'
import { EscrowService } from '#escrow/services/escrow_service'
import { Accounts } from '#escrow/ledger_accounts'
import { Ledger } from '#escrow/services/ledger'
import { allocateMinor } from '#money/money'

const escrow = new EscrowService()
const ledger = new Ledger()

/**
 * Returns end to end, through HTTP and a running worker (`node ace
 * worker`: the sandbox gateway's webhooks, the sandbox courier carrying
 * parcels both ways, the consumers, the schedules): ask, freeze, accept
 * or dispute, decide, send the goods back, refund; the ledger checked
 * after each path.
 */

/** The response, once its status is the one expected (else its body says why). */
function expectStatus(response: any, status: number) {
  if (response.status() !== status) throw new Error(`expected ${status}, got ${response.status()}: ${JSON.stringify(response.body())}`)
  return response
}

async function returnRow(market: any, id: string) {
  return market.table('returns').where('public_id', id).first()
}

test.group('Returns: end to end with a running worker', (group) => {
  let worker: ReturnType<typeof spawnApp>
  group.setup(async () => {
    worker = spawnApp(['ace', 'worker', '--poll-ms=100', '--expiry-seconds=1', '--courier-seconds=0.3'], { SANDBOX_COURIER_STEP_SECONDS: '0', LOG_LEVEL: 'warn' })
    await until(() => /topology declared/.test(worker.output()) || worker.child.exitCode !== null, 30_000, 'the worker did not start')
    if (worker.child.exitCode !== null) throw new Error(`the worker exited: ${worker.output()}`)
  })
  group.teardown(async () => {
    await stop(worker.child)
  })

  test('SG: one of two units arrived damaged; escrow frozen; the seller accepts, the unit travels back, the refund follows and the rest is released', async ({ client, assert }) => {
    const { api, market, sellerToken, buyerToken, order, shop } = await deliveredOrder(client, 'SG', { quantity: 2, gateway: 'grabpay' })
    const [line] = (await market.table('order_lines as l').join('orders as o', 'o.id', 'l.order_id').where('o.number', order.number).select('l.*'))
    const opened = await api('post', `/api/v1/orders/${order.number}/returns`, buyerToken, { lines: [{ sku: line.sku_public_id, quantity: 1 }], reason: 'damaged', description: 'The second shirt arrived torn at the seam.', photos: ['https://img.pasar.sg/returns/torn.jpg'] })
    expectStatus(opened, 201)
    const ret = opened.body().data
    const unit = allocateMinor(Number(line.gross), 'SGD', [1, 1])[0]
    assert.deepEqual([ret.status, ret.requested.amount, ret.goodsBack, ret.reason.label], ['requested', unit, true, 'Item arrived damaged'])
    assert.equal(await orderStatus(market, order.number), 'return_requested')

    // Frozen: no confirm-receipt, and the guarantee running out releases nothing.
    ;(await api('post', `/api/v1/orders/${order.number}/confirm-receipt`, buyerToken)).assertStatus(409)
    await market.table('orders').where('number', order.number).update({ release_due_at: new Date(Date.now() - 60_000) })
    await new Promise((resolve) => setTimeout(resolve, 2500))
    assert.equal(await escrow.escrowHeld(market, order.number), order.total.amount, 'the worker released a frozen escrow')
    // One open case per order.
    ;(await api('post', `/api/v1/orders/${order.number}/returns`, buyerToken, { reason: 'damaged', description: 'Asking again for the same order.' })).assertStatus(409)

    const seen = await api('get', '/api/v1/seller/returns?status=requested', sellerToken)
    assert.deepEqual(seen.body().data.map((row: any) => row.id), [ret.id])
    const accepted = await api('post', `/api/v1/seller/returns/${ret.id}/respond`, sellerToken, { action: 'accept' })
    accepted.assertStatus(200)
    assert.equal(accepted.body().data.status, 'awaiting_return')
    assert.match(accepted.body().data.returnParcel.trackingNumber, /^SBXSG/)
    ;(await api('post', `/api/v1/seller/returns/${ret.id}/respond`, sellerToken, { action: 'accept' })).assertStatus(409)

    await until(async () => (await returnRow(market, ret.id)).status === 'refunded', 30_000, 'the return parcel did not arrive or the refund did not follow')
    const done = (await api('get', `/api/v1/returns/${ret.id}`, buyerToken)).body().data
    assert.equal(done.refunded.amount, unit)
    const [refundLine] = done.lines
    assert.equal(refundLine.refund.gross.amount, unit)
    assert.equal(refundLine.refund.net.amount + refundLine.refund.tax.amount, unit)
    assert.deepEqual([refundLine.refund.net.amount, refundLine.refund.tax.amount], allocateMinor(unit, 'SGD', [Number(line.net), Number(line.tax)]))
    const refund = await market.table('refunds').where('refund_key', `return:${ret.id}`).first()
    assert.deepEqual([refund.destination, refund.status, Number(refund.amount)], ['gateway', 'sent', unit])
    assert.equal((await market.table('payments').where('checkout_id', order.checkoutId).where('status', '!=', 'superseded').first()).status, 'partially_refunded')

    // The case closed: the order completed, the rest of the escrow released on what the seller kept.
    assert.equal(await orderStatus(market, order.number), 'completed')
    assert.equal(await escrow.escrowHeld(market, order.number), 0)
    const kept = escrow.split(market, { number: order.number, shopPublicId: shop, courierId: order.courier, goodsGross: order.goods.gross.amount - unit, shippingFee: order.shippingFee.amount, codSurcharge: 0, total: order.total.amount - unit })
    assert.equal(await escrow.available(market, shop), kept.seller)
    await assertBooksBalance(assert, market)

    // The other unit, after completion: what is left of the line (never more than it cost in all), its own return parcel, clawed back.
    const again = expectStatus(await api('post', `/api/v1/orders/${order.number}/returns`, buyerToken, { reason: 'damaged', description: 'The first shirt tore too after one wash.' }), 201).body().data
    assert.deepEqual([again.requested.amount, again.afterRelease], [Number(line.gross) - unit, true])
    ;(await api('post', `/api/v1/seller/returns/${again.id}/respond`, sellerToken, { action: 'accept' })).assertStatus(200)
    await until(async () => (await returnRow(market, again.id)).status === 'refunded', 30_000, 'the second return was not refunded')
    const parcels = await market.table('shipments').where('order_number', order.number).where('purpose', 'return')
    assert.lengthOf(parcels, 2, 'one return parcel per case')
    const lineRefunds = await market.table('return_lines').where('order_line_id', line.id).sum('refund_gross as total').first()
    assert.equal(Number(lineRefunds.total), Number(line.gross), 'the line refunded exactly once in all')
    assert.equal((await market.table('ledger_transfers').where('transfer_key', `return:${again.id}`).first()).kind, 'clawback')
    await assertBooksBalance(assert, market)
  }).timeout(120_000)

  test('ID: cash on delivery, disputed, support of ID refunds part to the buyer wallet; MY support and the seller cannot decide; 20 parallel decisions refund once', async ({ client, assert }) => {
    const { api, market, sellerToken, buyerToken, order } = await deliveredOrder(client, 'ID', { gateway: 'cod' })
    const opened = await api('post', `/api/v1/orders/${order.number}/returns`, buyerToken, { reason: 'missing_parts', description: 'Kancing cadangan tidak ada di dalam paket.' })
    expectStatus(opened, 201)
    const ret = opened.body().data
    assert.equal(ret.goodsBack, false)
    assert.equal(ret.requested.amount, order.total.amount, 'the whole order asked back, shipping included')
    const disputed = await api('post', `/api/v1/seller/returns/${ret.id}/respond`, sellerToken, { action: 'dispute', note: 'Spare buttons were inside the label pocket.' })
    disputed.assertStatus(200)
    assert.equal(disputed.body().data.status, 'disputed')

    const idSupport = await staffWithSession(client, [{ role: 'support', markets: ['ID'] }])
    const mySupport = await staffWithSession(client, [{ role: 'support', markets: ['MY'] }])
    const staff = (token: string, path: string, body?: Record<string, unknown>) => {
      const call = client.post(path).header('Host', STAFF_HOST).bearerToken(token)
      return body ? call.json(body) : call
    }
    const decidePath = `/api/v1/support/markets/ID/returns/${ret.id}/decide`
    // (A running worker touches rows meanwhile, so "nothing changed" is checked on what these requests could change.)
    const before = JSON.stringify(await returnRow(market, ret.id))
    ;(await staff(mySupport.token, decidePath, { decision: 'rejected', reason: 'Not my market.' })).assertStatus(403)
    ;(await client.post(decidePath).header('Host', STAFF_HOST).bearerToken(sellerToken).json({ decision: 'rejected', reason: 'My own dispute.' })).assertStatus(401)
    ;(await api('post', decidePath, sellerToken, { decision: 'rejected', reason: 'My own dispute.' })).assertStatus(404)
    const bad = await staff(idSupport.token, decidePath, { decision: 'refund_partial', reason: 'x' })
    bad.assertStatus(422)
    assert.sameMembers(bad.body().error.fields.map((field: any) => field.field), ['amount', 'reason'])
    // Rupiah move in whole units (Xendit, banks): a fraction of one is refused.
    const fraction = await staff(idSupport.token, decidePath, { decision: 'refund_partial', amount: 1_000_050, reason: 'Half a rupiah too.' })
    fraction.assertStatus(422)
    assert.deepEqual(fraction.body().error.fields.map((field: any) => [field.field, field.rule]), [['amount', 'step']])
    const tooMuch = await staff(idSupport.token, decidePath, { decision: 'refund_partial', amount: order.total.amount + 100, reason: 'More than asked.' })
    tooMuch.assertStatus(422)
    assert.equal(tooMuch.body().error.fields[0].field, 'amount')
    assert.equal(JSON.stringify(await returnRow(market, ret.id)), before, 'refused decisions change nothing')
    assert.lengthOf(await market.table('refunds').where('order_number', order.number), 0)

    const listed = await client.get('/api/v1/support/markets/ID/returns?status=disputed').header('Host', STAFF_HOST).bearerToken(idSupport.token)
    listed.assertStatus(200)
    assert.include(listed.body().data.map((row: any) => row.id), ret.id)

    const part = 1_000_000 // Rp10.000 for the missing buttons
    const decisions = await Promise.all(Array.from({ length: 20 }, () => staff(idSupport.token, decidePath, { decision: 'refund_partial', amount: part, reason: 'Buttons missing on the photo; partial refund.' })))
    assert.deepEqual(decisions.map((response: any) => response.status()).sort(), [200, ...Array(19).fill(409)])
    const row = await returnRow(market, ret.id)
    assert.deepEqual([row.status, Number(row.refunded_amount), row.decided_by], ['refunded', part, idSupport.staff.publicId])
    assert.lengthOf(await market.table('refunds').where('order_number', order.number), 1)
    const refund = await market.table('refunds').where('order_number', order.number).first()
    assert.deepEqual([refund.destination, refund.status], ['wallet', 'settled'])
    const buyerId = (await market.table('orders as o').join('users as u', 'u.id', 'o.buyer_id').where('o.number', order.number).select('u.public_id').first()).public_id
    assert.equal(await ledger.balance(market, Accounts.buyerWallet(buyerId)), part)
    assert.equal(await escrow.escrowHeld(market, order.number), 0)
    assert.equal(await orderStatus(market, order.number), 'completed')
    const audit = await (await import('@adonisjs/lucid/services/db')).default.connection('control').from('audit_logs').where('action', 'returns.decided').where('target_id', ret.id)
    assert.lengthOf(audit, 1)
    await assertBooksBalance(assert, market)
  }).timeout(120_000)

  test('BR: support rejects a dispute (escrow released); a later return after completion claws back from the seller, less the commission given back', async ({ client, assert }) => {
    const { api, market, sellerToken, buyerToken, order, shop } = await deliveredOrder(client, 'BR', { gateway: 'pix' })
    const first = expectStatus(await api('post', `/api/v1/orders/${order.number}/returns`, buyerToken, { reason: 'not_as_described', description: 'A cor é diferente da foto do anúncio.' }, { 'Accept-Language': 'pt-BR' }), 201).body().data
    assert.equal(first.reason.label, 'Produto diferente do anunciado')
    ;(await api('post', `/api/v1/seller/returns/${first.id}/respond`, sellerToken, { action: 'dispute', note: 'A foto mostra a mesma cor, sob outra luz.' })).assertStatus(200)
    const support = await staffWithSession(client, [{ role: 'support', markets: ['BR'] }])
    const rejected = await client.post(`/api/v1/support/markets/BR/returns/${first.id}/decide`).header('Host', STAFF_HOST).bearerToken(support.token).json({ decision: 'rejected', reason: 'Same colour on the photos.' })
    rejected.assertStatus(200)
    assert.equal(rejected.body().data.status, 'rejected')
    assert.equal(await orderStatus(market, order.number), 'completed')
    assert.equal(await escrow.escrowHeld(market, order.number), 0)
    const paid = await escrow.available(market, shop)
    assert.isAbove(paid, 0)

    // After completion, within the window: the refund comes back from the seller.
    const second = await api('post', `/api/v1/orders/${order.number}/returns`, buyerToken, { reason: 'missing_parts', description: 'O cinto que acompanha a peça não veio.' })
    expectStatus(second, 201)
    const ret = second.body().data
    assert.isTrue(ret.afterRelease)
    assert.equal(ret.requested.amount, PRICE.BR, 'after release, the goods only (shipping went to the courier)')
    ;(await api('post', `/api/v1/seller/returns/${ret.id}/respond`, sellerToken, { action: 'accept' })).assertStatus(200)
    assert.equal((await returnRow(market, ret.id)).status, 'refunded')
    const commissionBack = Math.round((PRICE.BR * market.config.escrow.commissionRate) / 100)
    assert.equal(await escrow.available(market, shop), paid - (PRICE.BR - commissionBack))
    const clawback = await market.table('ledger_transfers').where('transfer_key', `return:${ret.id}`).first()
    assert.equal(clawback.kind, 'clawback')
    // The goods came back, not the shipping: the order stays completed.
    assert.equal(await orderStatus(market, order.number), 'completed')
    await assertBooksBalance(assert, market)
  }).timeout(120_000)

  test('a seller who does not answer in time has accepted; a case after the window or on another buyer\'s order is refused; bad input names each field and changes nothing', async ({ client, assert }) => {
    const { api, market, buyerToken, order } = await deliveredOrder(client, 'SG', { gateway: 'grabpay' })
    const other = await sellerWithProduct(client, 'SG', PRICE.SG)
    ;(await other.api('post', `/api/v1/orders/${order.number}/returns`, other.buyerToken, { reason: 'damaged', description: 'Not my order at all, though.' })).assertStatus(404)

    const returnsOf = async () => (await market.table('returns').where('order_number', order.number)).length
    const bad = await api('post', `/api/v1/orders/${order.number}/returns`, buyerToken, { lines: [{ sku: 'SG-01JD0000000000000000000000', quantity: 0 }], reason: 'bored', description: 'short', photos: ['http://localhost/x.png'], extra: true })
    bad.assertStatus(422)
    assert.includeMembers(bad.body().error.fields.map((field: any) => field.field), ['lines.0.quantity', 'description', 'photos.0'])
    const unknownReason = await api('post', `/api/v1/orders/${order.number}/returns`, buyerToken, { reason: 'bored', description: 'Just did not like it after all.' })
    unknownReason.assertStatus(422)
    assert.equal(unknownReason.body().error.fields[0].field, 'reason')
    const tooMany = await api('post', `/api/v1/orders/${order.number}/returns`, buyerToken, { lines: [{ sku: (await market.table('order_lines as l').join('orders as o', 'o.id', 'l.order_id').where('o.number', order.number).select('l.sku_public_id').first()).sku_public_id, quantity: 5 }], reason: 'damaged', description: 'All five of them were broken.' })
    tooMany.assertStatus(422)
    assert.equal(tooMany.body().error.fields[0].field, 'lines.0.quantity')
    ;(await api('post', '/api/v1/seller/returns/not-an-id/respond', buyerToken, { action: 'accept' })).assertStatus(403)
    assert.equal(await returnsOf(), 0, 'refused requests open nothing')
    assert.equal(await orderStatus(market, order.number), 'delivered')

    const opened = expectStatus(await api('post', `/api/v1/orders/${order.number}/returns`, buyerToken, { reason: 'not_received', description: 'The parcel says delivered, nothing came.' }), 201).body().data
    await market.table('returns').where('public_id', opened.id).update({ respond_by_at: new Date(Date.now() - 1000) })
    await until(async () => (await returnRow(market, opened.id)).status === 'refunded', 20_000, 'the unanswered case was not accepted')
    const row = await returnRow(market, opened.id)
    assert.deepEqual([row.decided_by, Number(row.refunded_amount)], ['system', order.total.amount])
    assert.equal(await orderStatus(market, order.number), 'refunded')
    assert.equal(await escrow.escrowHeld(market, order.number), 0)

    // Past the window.
    const late = await deliveredOrder(client, 'SG', { gateway: 'grabpay' })
    await market.table('orders').where('number', late.order.number).update({ delivered_at: new Date(Date.now() - 16 * 86_400_000) })
    const closed = await late.api('post', `/api/v1/orders/${late.order.number}/returns`, late.buyerToken, { reason: 'damaged', description: 'Found the crack only now.' })
    closed.assertStatus(409)
    assert.equal(closed.body().error.code, 'E_RETURN_WINDOW_CLOSED')
    await assertBooksBalance(assert, market)
  }).timeout(180_000)
})

test.group('Refunds of cancelled paid orders, with a running worker', (group) => {
  let worker: ReturnType<typeof spawnApp>
  group.setup(async () => {
    worker = spawnApp(['ace', 'worker', '--poll-ms=100', '--expiry-seconds=1', '--courier-seconds=60'], { SANDBOX_COURIER_STEP_SECONDS: '60', LOG_LEVEL: 'warn' })
    await until(() => /topology declared/.test(worker.output()) || worker.child.exitCode !== null, 30_000, 'the worker did not start')
  })
  group.teardown(async () => {
    await stop(worker.child)
  })

  test('SG: the seller is out of stock; the paid order is cancelled, its units back on sale, refunded in full through the gateway once; a second cancel is 409', async ({ client, assert }) => {
    const { api, market, sellerToken, buyerToken, sku } = await sellerWithProduct(client, 'SG', PRICE.SG, 5)
    const { checkoutId, order } = await placeOrder(api, buyerToken, sku, 2, 'grabpay')
    const started = expectStatus(await api('post', `/api/v1/checkouts/${checkoutId}/payments`, buyerToken, {}, { 'Idempotency-Key': randomUUID() }), 201)
    ;(await api('post', `${started.body().data.action.url}/approve`)).assertStatus(202)
    await until(async () => (await orderStatus(market, order.number)) === 'paid', 20_000, 'the webhook did not capture the payment')

    const bad = await api('post', `/api/v1/seller/orders/${order.number}/cancel`, sellerToken, { reason: 'bored', note: '<b>x</b>' })
    bad.assertStatus(422)
    assert.sameMembers(bad.body().error.fields.map((field: any) => field.field), ['reason', 'note'])
    ;(await api('post', `/api/v1/seller/orders/${order.number}/cancel`, buyerToken, { reason: 'out_of_stock' })).assertStatus(403)
    assert.equal(await orderStatus(market, order.number), 'paid')

    const cancelled = await api('post', `/api/v1/seller/orders/${order.number}/cancel`, sellerToken, { reason: 'out_of_stock', note: 'Last two sold in the shop.' })
    expectStatus(cancelled, 200)
    assert.equal(cancelled.body().data.status, 'cancelled')
    await until(async () => (await market.table('refunds').where('order_number', order.number).first())?.status === 'sent', 20_000, 'the refund was not sent')
    const refunds = await market.table('refunds').where('order_number', order.number)
    assert.deepEqual(refunds.map((refund) => [refund.refund_key, Number(refund.amount)]), [[`refund:${order.number}`, order.total.amount]])
    assert.equal(await escrow.escrowHeld(market, order.number), 0)
    const stock = () => market.table('stock_levels as l').join('skus as s', 's.id', 'l.sku_id').where('s.public_id', sku).select('l.available', 'l.reserved').first()
    await until(async () => Number((await stock()).reserved) === 0, 10_000, 'the paid units were not committed')
    assert.equal(Number((await stock()).available), 5, 'both units back on sale')
    ;(await api('post', `/api/v1/seller/orders/${order.number}/cancel`, sellerToken, { reason: 'out_of_stock' })).assertStatus(409)
    await assertBooksBalance(assert, market)
  }).timeout(60_000)
})

test.group('Returns: malformed input on every route', () => {
  test('seller answers, support cases and lists: each bad field named, nothing changed', async ({ client, assert }) => {
    const { api, market, sellerToken, buyerToken, sku } = await sellerWithProduct(client, 'SG', PRICE.SG)
    const { order } = await placeOrder(api, buyerToken, sku, 1)
    const { OrderService } = await import('#orders/services/order_service')
    const { FulfilmentService } = await import('#orders/services/fulfilment_service')
    await new OrderService().markPaid(market, order.number, { type: 'system', id: null }, 'test')
    ;(await api('post', `/api/v1/seller/orders/${order.number}/ship`, sellerToken, {})).assertStatus(201)
    await new FulfilmentService().shipmentStatusChanged(market, order.number, 'delivered', new Date())
    const ret = expectStatus(await api('post', `/api/v1/orders/${order.number}/returns`, buyerToken, { reason: 'damaged', description: 'Cracked screen on arrival.' }), 201).body().data
    const before = JSON.stringify(await returnRow(market, ret.id))
    const fields = (response: any) => response.body().error.fields.map((field: any) => field.field).sort()

    const answer = await api('post', `/api/v1/seller/returns/${ret.id}/respond`, sellerToken, { action: 'maybe' })
    answer.assertStatus(422)
    assert.deepEqual(fields(answer), ['action'])
    const noNote = await api('post', `/api/v1/seller/returns/${ret.id}/respond`, sellerToken, { action: 'dispute' })
    noNote.assertStatus(422)
    assert.deepEqual(fields(noNote), ['note'])
    ;(await api('post', '/api/v1/seller/returns/not-a-return/respond', sellerToken, { action: 'accept' })).assertStatus(422)
    const list = await api('get', '/api/v1/seller/returns?status=lost&limit=1000', sellerToken)
    list.assertStatus(422)
    assert.deepEqual(fields(list), ['limit', 'status'])

    const support = await staffWithSession(client, [{ role: 'support', markets: ['SG'] }])
    const open = await client.post('/api/v1/support/markets/SG/returns').header('Host', STAFF_HOST).bearerToken(support.token).json({ order: 'nope', reason: '', description: 'x' })
    open.assertStatus(422)
    assert.includeMembers(fields(open), ['order', 'reason', 'description'])
    const supportList = await client.get('/api/v1/support/markets/SG/returns?cursor=%%%').header('Host', STAFF_HOST).bearerToken(support.token)
    supportList.assertStatus(422)
    assert.deepEqual(fields(supportList), ['cursor'])
    const decide = await client.post(`/api/v1/support/markets/SG/returns/${ret.id}/decide`).header('Host', STAFF_HOST).bearerToken(support.token).json({ decision: 'refund_all', amount: -5 })
    decide.assertStatus(422)
    assert.includeMembers(fields(decide), ['decision', 'amount', 'reason'])
    // Not disputed: support cannot decide a case the seller still has to answer.
    const early = await client.post(`/api/v1/support/markets/SG/returns/${ret.id}/decide`).header('Host', STAFF_HOST).bearerToken(support.token).json({ decision: 'rejected', reason: 'Too early to decide.' })
    early.assertStatus(409)
    assert.equal(early.body().error.code, 'E_RETURN_STATE')
    assert.equal(JSON.stringify(await returnRow(market, ret.id)), before, 'nothing changed')
  }).timeout(60_000)
})

test.group('Returns: routes need the right caller', () => {
  test('a buyer reads only their own return; support lists need the staff host', async ({ client }) => {
    const api = apiFor(client, 'SG')
    ;(await api('get', '/api/v1/returns/SG-01JD0000000000000000000000')).assertStatus(401)
    ;(await client.get('/api/v1/support/markets/SG/returns').header('Host', hostOf('SG'))).assertStatus(404)
  })
})

import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import { hostOf, stateFingerprint } from '#tests/support/identity'
import { deliverEvents } from '#tests/support/events'
import { assertBooksBalance, placedCheckout, sandboxWebhook, startPayment } from '#tests/support/payments'
import { EscrowService } from '#escrow/services/escrow_service'
import { Accounts } from '#escrow/ledger_accounts'
import { Ledger } from '#escrow/services/ledger'
import { OrderService } from '#orders/services/order_service'

const escrow = new EscrowService()
const ledger = new Ledger()

test.group('Payments: the sandbox gateway', () => {
  test('a buyer pays a two-seller checkout on the hosted page; the signed webhook (sent by the worker) captures it into escrow', async ({ client, assert }) => {
    const { market, buyer, checkoutId, orders, total } = await placedCheckout(client, 'SG', { sellers: 2 })
    const before = await client.get(`/api/v1/checkouts/${checkoutId}`).header('Host', hostOf('SG')).bearerToken(buyer.token)
    before.assertStatus(200)
    assert.equal(before.body().data.due.amount, total)
    assert.isNull(before.body().data.payment)

    const started = await startPayment(client, 'SG', buyer.token, checkoutId, { gateway: 'grabpay' })
    started.assertStatus(201)
    const payment = started.body().data
    assert.deepEqual([payment.status, payment.amount.amount, payment.action.type], ['pending', total, 'redirect'])
    assert.equal(payment.action.url, `/sandbox/pay/${payment.id}`)

    const page = await client.get(payment.action.url).header('Host', hostOf('SG'))
    page.assertStatus(200)
    assert.include(page.text(), `data-amount="${total}"`)
    assert.include(page.text(), '<form method="post"')
    // Coming back from the page marks nothing paid.
    assert.equal((await market.table('payments').where('public_id', payment.id).first()).status, 'pending')

    ;(await client.post(`${payment.action.url}/approve`).header('Host', hostOf('SG'))).assertStatus(202)
    assert.equal((await market.table('payments').where('public_id', payment.id).first()).status, 'pending', 'not before the webhook')
    await deliverEvents(['payments.sandbox-webhooks'])

    const after = await client.get(`/api/v1/checkouts/${checkoutId}`).header('Host', hostOf('SG')).bearerToken(buyer.token)
    assert.equal(after.body().data.payment.status, 'captured')
    assert.equal(after.body().data.due.amount, 0)
    assert.deepEqual(after.body().data.orders.map((order: any) => order.status), ['paid', 'paid'])
    for (const order of orders) assert.equal(await escrow.escrowHeld(market, order.number), order.total.amount)
    assert.equal(await ledger.balance(market, Accounts.gatewayClearing('grabpay')) >= total, true)
    const paidEvents = await market.table('outbox').where('routing_key', 'sg.orders.paid').whereIn(market.db.raw("JSON_UNQUOTE(JSON_EXTRACT(payload, '$.data.number'))") as any, orders.map((order) => order.number))
    assert.lengthOf(paidEvents, 2)
    await assertBooksBalance(assert, market)
  }).timeout(60_000)

  test('one key starts one payment; the same key with another gateway is 422; a new start supersedes the open one', async ({ client, assert }) => {
    const { market, buyer, checkoutId } = await placedCheckout(client, 'SG')
    const key = randomUUID()
    const first = await startPayment(client, 'SG', buyer.token, checkoutId, { gateway: 'grabpay' }, key)
    const again = await startPayment(client, 'SG', buyer.token, checkoutId, { gateway: 'grabpay' }, key)
    assert.equal(again.body().data.id, first.body().data.id)
    ;(await startPayment(client, 'SG', buyer.token, checkoutId, { gateway: 'paynow' }, key)).assertStatus(422)
    const qr = await startPayment(client, 'SG', buyer.token, checkoutId, { gateway: 'paynow' })
    qr.assertStatus(201)
    assert.equal(qr.body().data.action.type, 'qr')
    const statuses = await market.table('payments').where('checkout_id', checkoutId).orderBy('id').select('status')
    assert.deepEqual(statuses.map((row) => row.status), ['superseded', 'pending'])
  })

  test('a forged or stale webhook is 400 and changes nothing; a replay is 200 and changes nothing; 20 parallel copies apply once', async ({ client, assert }) => {
    const { market, buyer, checkoutId, total } = await placedCheckout(client, 'SG')
    const payment = (await startPayment(client, 'SG', buyer.token, checkoutId)).body().data
    const ref = { id: payment.id, amount: total, currency: 'SGD' }
    const before = await stateFingerprint()
    const forged = await client
      .post('/api/v1/payments/sandbox/webhook')
      .header('Host', hostOf('SG'))
      .header('webhook-id', 'evt_forged')
      .header('webhook-timestamp', String(Math.floor(Date.now() / 1000)))
      .header('webhook-signature', 'v1,bm90IGEgc2lnbmF0dXJl')
      .json({ type: 'payment.captured', data: { paymentId: payment.id, amount: total, currency: 'SGD' } })
    forged.assertStatus(400)
    assert.equal(forged.body().error.code, 'E_WEBHOOK_REJECTED')
    const stale = await sandboxWebhook(client, 'SG', ref, 'payment.captured', { at: new Date(Date.now() - 6 * 60_000) }).send()
    stale.assertStatus(400)
    assert.equal(await stateFingerprint(), before)

    const genuine = sandboxWebhook(client, 'SG', ref, 'payment.captured')
    const copies = await Promise.all(Array.from({ length: 20 }, () => genuine.send()))
    assert.isTrue(copies.every((response: any) => response.status() === 200), copies.map((response: any) => response.status()).join(','))
    assert.deepEqual(copies.map((response: any) => response.body().data.outcome).sort().reverse()[0], 'duplicate')
    assert.equal(copies.filter((response: any) => response.body().data.outcome === 'captured').length, 1)
    assert.lengthOf(await market.table('payment_events').where('provider_event_id', genuine.eventId), 1)
    assert.lengthOf(await market.table('ledger_transfers').where('transfer_key', `capture:${payment.id}`), 1)
    const replay = await genuine.send()
    assert.equal(replay.body().data.outcome, 'duplicate')
    // A later "failed" never moves a captured payment back.
    const late = await sandboxWebhook(client, 'SG', ref, 'payment.failed').send()
    assert.equal(late.body().data.outcome, 'ignored')
    assert.equal((await market.table('payments').where('public_id', payment.id).first()).status, 'captured')
    await assertBooksBalance(assert, market)
  }).timeout(60_000)

  test('during a secret rotation both secrets are accepted, the new one signs', async ({ client, assert }) => {
    const { buyer, checkoutId, total } = await placedCheckout(client, 'SG')
    const payment = (await startPayment(client, 'SG', buyer.token, checkoutId)).body().data
    const previous = process.env.PAYMENT_SANDBOX_WEBHOOK_SECRET
    const oldSecret = 'whsec_' + Buffer.from('the old sandbox secret, 32 bytes').toString('base64')
    const newSecret = 'whsec_' + Buffer.from('the new sandbox secret, 32 bytes').toString('base64')
    try {
      process.env.PAYMENT_SANDBOX_WEBHOOK_SECRET = oldSecret
      const signedWithOld = sandboxWebhook(client, 'SG', { id: payment.id, amount: total, currency: 'SGD' }, 'payment.failed')
      process.env.PAYMENT_SANDBOX_WEBHOOK_SECRET = `${newSecret} ${oldSecret}`
      const accepted = await signedWithOld.send()
      accepted.assertStatus(200)
      assert.equal(accepted.body().data.outcome, 'failed')
      process.env.PAYMENT_SANDBOX_WEBHOOK_SECRET = newSecret
      ;(await sandboxWebhook(client, 'SG', { id: payment.id, amount: total, currency: 'SGD' }, 'payment.failed').send()).assertStatus(200)
      process.env.PAYMENT_SANDBOX_WEBHOOK_SECRET = oldSecret
      const retired = sandboxWebhook(client, 'SG', { id: payment.id, amount: total, currency: 'SGD' }, 'payment.failed')
      process.env.PAYMENT_SANDBOX_WEBHOOK_SECRET = newSecret
      ;(await retired.send()).assertStatus(400)
    } finally {
      if (previous === undefined) delete process.env.PAYMENT_SANDBOX_WEBHOOK_SECRET
      else process.env.PAYMENT_SANDBOX_WEBHOOK_SECRET = previous
    }
  })

  test('a capture for orders cancelled meanwhile is refunded at once; expiry racing a capture never loses or keeps money', async ({ client, assert }) => {
    // Capture after the window passed.
    const late = await placedCheckout(client, 'SG')
    const latePayment = (await startPayment(client, 'SG', late.buyer.token, late.checkoutId)).body().data
    await new OrderService().cancel(late.market, late.orders[0].number, { type: 'system', id: null }, 'payment window expired')
    const captured = await sandboxWebhook(client, 'SG', { id: latePayment.id, amount: late.total, currency: 'SGD' }, 'payment.captured').send()
    assert.equal(captured.body().data.outcome, 'captured_and_refunded')
    const refunded = await late.market.table('payments').where('public_id', latePayment.id).first()
    assert.deepEqual([refunded.status, Number(refunded.refunded_amount)], ['refunded', late.total])
    assert.equal(await escrow.escrowHeld(late.market, late.orders[0].number), 0)
    assert.equal((await late.market.table('orders').where('number', late.orders[0].number).first()).status, 'cancelled')

    // The two at once, ten times: each ends one way or the other, never both.
    for (let round = 0; round < 10; round++) {
      const race = await placedCheckout(client, 'SG')
      const payment = (await startPayment(client, 'SG', race.buyer.token, race.checkoutId)).body().data
      const webhook = sandboxWebhook(client, 'SG', { id: payment.id, amount: race.total, currency: 'SGD' }, 'payment.captured')
      const expire = new OrderService().cancel(race.market, race.orders[0].number, { type: 'system', id: null }, 'payment window expired', undefined, ['pending_payment']).catch(() => 'too late')
      await Promise.all([expire, webhook.send()])
      const order = await race.market.table('orders').where('number', race.orders[0].number).first()
      const row = await race.market.table('payments').where('public_id', payment.id).first()
      const held = await escrow.escrowHeld(race.market, race.orders[0].number)
      if (order.status === 'paid') assert.deepEqual([row.status, held], ['captured', race.total], `round ${round}`)
      else assert.deepEqual([order.status, row.status, held], ['cancelled', 'refunded', 0], `round ${round}`)
    }
    await assertBooksBalance(assert, late.market)
  }).timeout(120_000)

  test('paid twice (a superseded attempt captured too): the copy is refunded at capture, and a later cancellation still refunds the payment that paid', async ({ client, assert }) => {
    const { market, buyer, checkoutId, orders, total } = await placedCheckout(client, 'SG')
    const first = (await startPayment(client, 'SG', buyer.token, checkoutId, { gateway: 'grabpay' })).body().data
    const second = (await startPayment(client, 'SG', buyer.token, checkoutId, { gateway: 'paynow' })).body().data
    assert.equal((await sandboxWebhook(client, 'SG', { id: second.id, amount: total, currency: 'SGD' }, 'payment.captured').send()).body().data.outcome, 'captured')
    assert.equal((await sandboxWebhook(client, 'SG', { id: first.id, amount: total, currency: 'SGD' }, 'payment.captured').send()).body().data.outcome, 'captured_and_refunded')
    assert.equal(await escrow.escrowHeld(market, orders[0].number), total, 'the paying payment stays in escrow')

    await new OrderService().cancel(market, orders[0].number, { type: 'system', id: null }, 'not shipped in time')
    await deliverEvents(['payments.refund-cancelled-orders'])
    assert.equal(await escrow.escrowHeld(market, orders[0].number), 0, 'the paying payment was refunded too (its key is not the copy\'s)')
    const refunds = await market.table('refunds').where('order_number', orders[0].number).orderBy('id')
    const paymentIds = new Map((await market.table('payments').where('checkout_id', checkoutId)).map((row) => [Number(row.id), row.public_id as string]))
    assert.deepEqual(refunds.map((refund) => [paymentIds.get(Number(refund.payment_id)), Number(refund.amount)]), [[first.id, total], [second.id, total]])
    assert.equal((await market.table('payments').where('public_id', second.id).first()).status, 'refunded')
    await assertBooksBalance(assert, market)
  }).timeout(60_000)

  test('cash on delivery sends the order to the seller unpaid, up to the COD maximum', async ({ client, assert }) => {
    const { market, buyer, checkoutId, orders } = await placedCheckout(client, 'ID', { courier: 'jne' })
    const started = await startPayment(client, 'ID', buyer.token, checkoutId, { gateway: 'cod' })
    started.assertStatus(201)
    assert.deepEqual(started.body().data.action, { type: 'none' })
    assert.equal((await market.table('orders').where('number', orders[0].number).first()).status, 'ready_to_ship')
    assert.equal(await escrow.escrowHeld(market, orders[0].number), 0, 'nothing in escrow before the cash is collected')
    const big = await placedCheckout(client, 'ID', { courier: 'jne', quantity: 90, stock: 100 })
    const refused = await startPayment(client, 'ID', big.buyer.token, big.checkoutId, { gateway: 'cod' })
    refused.assertStatus(422)
    assert.deepEqual(refused.body().error.fields.map((field: any) => [field.field, field.rule]), [['gateway', 'maxAmount']])
  })

  test('bad payment input names each field and writes nothing; another buyer\'s checkout is not found', async ({ client, assert }) => {
    const { buyer, checkoutId } = await placedCheckout(client, 'SG')
    const other = (await placedCheckout(client, 'SG')).buyer
    const before = await stateFingerprint()
    const bad = await client.post('/api/v1/checkouts/not-a-checkout/payments').header('Host', hostOf('SG')).header('Idempotency-Key', randomUUID()).bearerToken(buyer.token).json({ gateway: 'NOT OK', extra: true })
    bad.assertStatus(422)
    assert.sameMembers(bad.body().error.fields.map((field: any) => field.field), ['params.id', 'gateway', 'extra'])
    const unknownGateway = await startPayment(client, 'SG', buyer.token, checkoutId, { gateway: 'bitcoin' })
    assert.deepEqual(unknownGateway.body().error.fields.map((field: any) => [field.field, field.rule]), [['gateway', 'exists']])
    const noKey = await client.post(`/api/v1/checkouts/${checkoutId}/payments`).header('Host', hostOf('SG')).bearerToken(buyer.token).json({})
    noKey.assertStatus(422)
    ;(await client.get(`/api/v1/checkouts/${checkoutId}`).header('Host', hostOf('SG')).bearerToken(other.token)).assertStatus(404)
    assert.equal(await stateFingerprint(), before)
  })
})

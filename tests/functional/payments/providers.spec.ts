import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import Stripe from 'stripe'
import { hostOf, stateFingerprint } from '#tests/support/identity'
import { assertBooksBalance, placedCheckout, startPayment } from '#tests/support/payments'
import { StripeStandIn, XenditStandIn, withEnv } from '#tests/support/provider_standins'
import { EscrowService } from '#escrow/services/escrow_service'
import { OrderService } from '#orders/services/order_service'

const escrow = new EscrowService()
const STRIPE_WEBHOOK_SECRET = 'whsec_standin_secret_for_the_stripe_suite'
// Keys shaped as the SDKs expect (the Xendit SDK complains on stderr about any other shape).
const STRIPE_KEY = 'sk_test_standin'
const XENDIT_KEY = 'xnd_production_standin'
const XENDIT_TOKEN = 'xendit-callback-token-of-the-suite'

/** A Stripe event as Stripe posts it, signed with the SDK's own test signer. */
function stripeEvent(type: string, intent: Record<string, unknown>, options: { timestamp?: number; secret?: string; id?: string } = {}) {
  const payload = JSON.stringify({ id: options.id ?? `evt_${randomUUID().replace(/-/g, '')}`, object: 'event', api_version: '2025-01-27.acacia', created: Math.floor(Date.now() / 1000), livemode: false, type, data: { object: { object: 'payment_intent', ...intent } } })
  const signature = new Stripe(STRIPE_KEY).webhooks.generateTestHeaderString({ payload, secret: options.secret ?? STRIPE_WEBHOOK_SECRET, timestamp: options.timestamp })
  return { payload, signature }
}

function postStripe(client: any, code: string, event: { payload: string; signature: string }) {
  return client.post('/api/v1/payments/stripe/webhook').header('Host', hostOf(code)).header('Stripe-Signature', event.signature).header('content-type', 'application/json').unsafeJson(event.payload)
}

function postXendit(client: any, code: string, body: unknown, token = XENDIT_TOKEN, webhookId = `wh-${randomUUID()}`) {
  return client.post('/api/v1/payments/xendit/webhook').header('Host', hostOf(code)).header('x-callback-token', token).header('webhook-id', webhookId).json(body)
}

test.group('Payments: Stripe cards (SDK against a stand-in of its API)', (group) => {
  const stripe = new StripeStandIn()
  let env: Record<string, string>
  group.setup(async () => {
    const base = await stripe.start()
    env = { STRIPE_API_BASE: base, STRIPE_SECRET_KEY: STRIPE_KEY, STRIPE_WEBHOOK_SECRET }
    return () => stripe.stop()
  })

  test('an SG card payment creates a PaymentIntent in Stripe units with the payment as idempotency key; the signed event captures it into escrow once', async ({ client, assert }) => {
    await withEnv(env, async () => {
      const { market, buyer, checkoutId, orders, total } = await placedCheckout(client, 'SG', { sellers: 2 })
      const key = randomUUID()
      const started = await startPayment(client, 'SG', buyer.token, checkoutId, { gateway: 'card' }, key)
      started.assertStatus(201)
      const payment = started.body().data
      const created = stripe.requests.filter((request) => request.path === '/v1/payment_intents')
      assert.lengthOf(created, 1)
      const [request] = created
      assert.equal(request.headers.authorization, `Bearer ${STRIPE_KEY}`)
      assert.equal(request.headers['idempotency-key'], payment.id)
      assert.deepEqual([request.body.amount, request.body.currency, request.body.metadata.pasar_payment, request.body.allowed_payment_method_types[0]], [String(total), 'sgd', payment.id, 'card'])
      assert.equal(payment.action.type, 'card_form')
      assert.match(payment.action.clientSecret, /^pi_[0-9a-f]+_secret_/)
      const row = await market.table('payments').where('public_id', payment.id).first()
      assert.equal(row.provider, 'stripe')
      assert.match(row.provider_reference, /^pi_/)
      // The buyer's retry answers the same payment and asks Stripe nothing new.
      const again = await startPayment(client, 'SG', buyer.token, checkoutId, { gateway: 'card' }, key)
      assert.equal(again.body().data.id, payment.id)
      assert.lengthOf(stripe.requests.filter((candidate) => candidate.path === '/v1/payment_intents'), 1)

      const before = await stateFingerprint()
      const intent = { id: row.provider_reference, amount: total, amount_received: total, currency: 'sgd', status: 'succeeded', metadata: { pasar_payment: payment.id } }
      const forged = await postStripe(client, 'SG', stripeEvent('payment_intent.succeeded', intent, { secret: 'whsec_not_ours' }))
      forged.assertStatus(400)
      assert.equal(forged.body().error.code, 'E_WEBHOOK_REJECTED')
      const stale = await postStripe(client, 'SG', stripeEvent('payment_intent.succeeded', intent, { timestamp: Math.floor(Date.now() / 1000) - 600 }))
      stale.assertStatus(400)
      const unsigned = await client.post('/api/v1/payments/stripe/webhook').header('Host', hostOf('SG')).json({ type: 'payment_intent.succeeded' })
      unsigned.assertStatus(400)
      assert.equal(await stateFingerprint(), before, 'rejected events change nothing')

      const genuine = stripeEvent('payment_intent.succeeded', intent)
      const copies = await Promise.all(Array.from({ length: 10 }, () => postStripe(client, 'SG', genuine)))
      assert.deepEqual(copies.map((response: any) => response.status()), Array(10).fill(200))
      assert.deepEqual(copies.map((response: any) => response.body().data.outcome).sort(), ['captured', ...Array(9).fill('duplicate')])
      for (const order of orders) assert.equal(await escrow.escrowHeld(market, order.number), order.total.amount)
      assert.equal((await market.table('payments').where('public_id', payment.id).first()).status, 'captured')
      // Events Pasar does not act on are genuine: recorded and answered 200.
      const other = await postStripe(client, 'SG', stripeEvent('payment_intent.created', intent))
      other.assertStatus(200)
      assert.equal(other.body().data.outcome, 'ignored')
      await assertBooksBalance(assert, market)
    })
  }).timeout(60_000)

  test('a capture for an order cancelled meanwhile is refunded through Stripe, after the commit, once, in Stripe units', async ({ client, assert }) => {
    await withEnv(env, async () => {
      const { market, buyer, checkoutId, orders, total } = await placedCheckout(client, 'SG')
      const payment = (await startPayment(client, 'SG', buyer.token, checkoutId, { gateway: 'card' })).body().data
      const row = await market.table('payments').where('public_id', payment.id).first()
      await new OrderService().cancel(market, orders[0].number, { type: 'system', id: null }, 'payment window expired')
      const event = stripeEvent('payment_intent.succeeded', { id: row.provider_reference, amount: total, amount_received: total, currency: 'sgd', metadata: { pasar_payment: payment.id } })
      const applied = await postStripe(client, 'SG', event)
      applied.assertStatus(200)
      assert.equal(applied.body().data.outcome, 'captured_and_refunded')
      ;(await postStripe(client, 'SG', event)).assertStatus(200)
      const refunds = stripe.requests.filter((request) => request.path === '/v1/refunds' && request.body.payment_intent === row.provider_reference)
      assert.lengthOf(refunds, 1, 'one refund, not one per copy of the event')
      assert.deepEqual([refunds[0].body.amount, refunds[0].headers['idempotency-key']], [String(total), `refund:${payment.id}:${orders[0].number}`])
      assert.equal(await escrow.escrowHeld(market, orders[0].number), 0)
      assert.equal((await market.table('payments').where('public_id', payment.id).first()).status, 'refunded')
      await assertBooksBalance(assert, market)
    })
  }).timeout(60_000)

  test('an event whose amount differs from the payment is recorded and captures nothing; a failed intent fails the payment', async ({ client, assert }) => {
    await withEnv(env, async () => {
      const { market, buyer, checkoutId, orders, total } = await placedCheckout(client, 'SG')
      const payment = (await startPayment(client, 'SG', buyer.token, checkoutId, { gateway: 'card' })).body().data
      const reference = (await market.table('payments').where('public_id', payment.id).first()).provider_reference
      const short = await postStripe(client, 'SG', stripeEvent('payment_intent.succeeded', { id: reference, amount: total - 1, amount_received: total - 1, currency: 'sgd', metadata: { pasar_payment: payment.id } }))
      assert.equal(short.body().data.outcome, 'amount_mismatch')
      assert.equal(await escrow.escrowHeld(market, orders[0].number), 0)
      const failed = await postStripe(client, 'SG', stripeEvent('payment_intent.payment_failed', { id: reference, amount: total, amount_received: 0, currency: 'sgd', metadata: { pasar_payment: payment.id } }))
      assert.equal(failed.body().data.outcome, 'failed')
      assert.equal((await market.table('orders').where('number', orders[0].number).first()).status, 'pending_payment', 'the buyer may pay again')
    })
  }).timeout(60_000)

  test('Stripe down: the start is 503 and nothing is asked twice; the same key completes it once Stripe answers', async ({ client, assert }) => {
    const { market, buyer, checkoutId } = await placedCheckout(client, 'SG')
    const key = randomUUID()
    const down = await withEnv({ ...env, STRIPE_API_BASE: 'http://127.0.0.1:9' }, async (): Promise<any> => startPayment(client, 'SG', buyer.token, checkoutId, { gateway: 'card' }, key))
    down.assertStatus(503)
    assert.equal(down.body().error.code, 'E_DEPENDENCY_UNAVAILABLE')
    const pending = await market.table('payments').where('checkout_id', checkoutId).first()
    assert.deepEqual([pending.status, pending.action], ['pending', null])
    const retried = await withEnv(env, async (): Promise<any> => startPayment(client, 'SG', buyer.token, checkoutId, { gateway: 'card' }, key))
    retried.assertStatus(201)
    assert.equal(retried.body().data.id, pending.public_id)
    assert.equal(retried.body().data.action.type, 'card_form')
    assert.lengthOf(await market.table('payments').where('checkout_id', checkoutId), 1)
  }).timeout(60_000)
})

test.group('Payments: Xendit virtual accounts, QRIS and e-wallets (SDK against a stand-in)', (group) => {
  const xendit = new XenditStandIn()
  let env: Record<string, string>
  group.setup(async () => {
    const base = await xendit.start()
    env = { XENDIT_API_BASE: base, XENDIT_SECRET_KEY: XENDIT_KEY, XENDIT_CALLBACK_TOKEN: XENDIT_TOKEN }
    return () => xendit.stop()
  })

  test('an ID BCA virtual account is asked for in whole rupiah; the verified callback captures it', async ({ client, assert }) => {
    await withEnv(env, async () => {
      const { market, buyer, checkoutId, orders, total } = await placedCheckout(client, 'ID')
      const started = await startPayment(client, 'ID', buyer.token, checkoutId, { gateway: 'bca_va' })
      started.assertStatus(201)
      const payment = started.body().data
      const request = xendit.requests.find((candidate) => candidate.path === '/payment_requests' && candidate.body.reference_id === payment.id)!
      assert.exists(request)
      assert.equal(request.headers.authorization, `Basic ${Buffer.from(`${XENDIT_KEY}:`).toString('base64')}`)
      assert.equal(request.headers['idempotency-key'], payment.id)
      assert.deepEqual([request.body.amount, request.body.currency, request.body.payment_method.type, request.body.payment_method.virtual_account.channel_code], [total / 100, 'IDR', 'VIRTUAL_ACCOUNT', 'BCA'])
      assert.equal(payment.action.type, 'virtual_account')
      assert.equal(payment.action.bank, 'BCA')
      assert.match(payment.action.number, /^3901\d+$/)
      const reference = (await market.table('payments').where('public_id', payment.id).first()).provider_reference
      const callback = { event: 'payment.succeeded', business_id: 'biz-standin', created: new Date().toISOString(), data: { id: `py-${randomUUID()}`, payment_request_id: reference, reference_id: payment.id, amount: total / 100, currency: 'IDR', status: 'SUCCEEDED' } }

      const before = await stateFingerprint()
      const forged = await postXendit(client, 'ID', callback, 'not-the-token')
      forged.assertStatus(400)
      assert.equal(forged.body().error.code, 'E_WEBHOOK_REJECTED')
      ;(await client.post('/api/v1/payments/xendit/webhook').header('Host', hostOf('ID')).json(callback)).assertStatus(400)
      assert.equal(await stateFingerprint(), before)

      const webhookId = `wh-${randomUUID()}`
      const copies = await Promise.all(Array.from({ length: 10 }, () => postXendit(client, 'ID', callback, XENDIT_TOKEN, webhookId)))
      assert.deepEqual(copies.map((response: any) => response.body().data.outcome).sort(), ['captured', ...Array(9).fill('duplicate')])
      assert.equal(await escrow.escrowHeld(market, orders[0].number), total, 'whole rupiah back in minor units')
      assert.equal((await market.table('orders').where('number', orders[0].number).first()).status, 'paid')
      await assertBooksBalance(assert, market)
    })
  }).timeout(60_000)

  test('during a token rotation both tokens are accepted; QRIS answers a QR payload; GCASH in PH answers a redirect', async ({ client, assert }) => {
    await withEnv({ ...env, XENDIT_CALLBACK_TOKEN: `new-token ${XENDIT_TOKEN}` }, async () => {
      const qris = await placedCheckout(client, 'ID')
      const qr = (await startPayment(client, 'ID', qris.buyer.token, qris.checkoutId, { gateway: 'qris' })).body().data
      assert.equal(qr.action.type, 'qr')
      assert.match(qr.action.payload, /^000201/)
      const failed = await postXendit(client, 'ID', { event: 'payment.failed', data: { id: `py-${randomUUID()}`, reference_id: qr.id, amount: qris.total / 100, currency: 'IDR', status: 'FAILED', failure_code: 'EXPIRED' } }, 'new-token')
      assert.equal(failed.body().data.outcome, 'failed')

      const gcash = await placedCheckout(client, 'PH')
      const started = await startPayment(client, 'PH', gcash.buyer.token, gcash.checkoutId, { gateway: 'gcash' })
      started.assertStatus(201)
      const request = xendit.requests.find((candidate) => candidate.body.reference_id === started.body().data.id)!
      assert.deepEqual([request.body.amount, request.body.currency, request.body.payment_method.ewallet.channel_code], [gcash.total, 'PHP', 'GCASH'], 'PHP keeps its centavos')
      assert.deepEqual(started.body().data.action, { type: 'redirect', url: `https://ewallet.example/authorize/${(await gcash.market.table('payments').where('public_id', started.body().data.id).first()).provider_reference}` })
    })
  }).timeout(60_000)
})

test.group('Payments: a gateway whose provider has no key', () => {
  test('outside production the sandbox stands in and the payment records it; the market file stays the same', async ({ client, assert }) => {
    await withEnv({ XENDIT_SECRET_KEY: '' }, async () => {
      const { market, buyer, checkoutId } = await placedCheckout(client, 'ID')
      const started = await startPayment(client, 'ID', buyer.token, checkoutId, { gateway: 'bca_va' })
      started.assertStatus(201)
      const row = await market.table('payments').where('public_id', started.body().data.id).first()
      assert.deepEqual([row.gateway, row.provider], ['bca_va', 'sandbox'])
      assert.equal(started.body().data.action.type, 'virtual_account')
    })
  }).timeout(60_000)

  test('bad input: an unknown gateway and a missing key are 422 naming the field, and change nothing', async ({ client, assert }) => {
    const { buyer, checkoutId } = await placedCheckout(client, 'SG')
    const before = await stateFingerprint()
    const unknown = await startPayment(client, 'SG', buyer.token, checkoutId, { gateway: 'bitcoin' })
    unknown.assertStatus(422)
    assert.include(unknown.body().error.fields.map((error: any) => error.field), 'gateway')
    const noKey = await client.post(`/api/v1/checkouts/${checkoutId}/payments`).header('Host', hostOf('SG')).bearerToken(buyer.token).json({ gateway: 'card' })
    noKey.assertStatus(422)
    assert.include(noKey.body().error.fields.map((error: any) => error.field), 'idempotency-key')
    assert.equal(await stateFingerprint(), before)
  }).timeout(60_000)
})

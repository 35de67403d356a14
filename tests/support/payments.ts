import { randomUUID } from 'node:crypto'
import { accountFactory, hostOf } from '#tests/support/identity'
import { categoryTree, productFactory } from '#tests/support/catalog'
import { SandboxGateway } from '#payments/gateways/sandbox_gateway'
import { Ledger } from '#escrow/services/ledger'
import type { MarketContext } from '#markets/market_context'
import { EscrowService } from '#escrow/services/escrow_service'
import { orderStatus, placeOrder, sellerWithProduct } from '#tests/support/flows'
import { until } from '#tests/support/outside'

/** Prices per market that a demo order can carry (IDR and VND in whole units). */
export const PRICE: Record<string, number> = { SG: 1990, ID: 5_990_000, BR: 4990, TH: 19_900, VN: 159_000, MY: 2990, PH: 49_900, TW: 29_900 }

/** A buyer with a placed checkout of `sellers` orders (one SKU of each seller). */
export async function placedCheckout(client: any, code: string, options: { sellers?: number; quantity?: number; stock?: number; gateway?: string; courier?: string } = {}) {
  const tree = await categoryTree(code)
  const skus: string[] = []
  let market!: MarketContext
  for (let i = 0; i < (options.sellers ?? 1); i++) {
    const made = await productFactory(code, { category: tree.tshirts.slug, prices: [PRICE[code] * (i + 1)], stock: options.stock ?? 50 })
    market = made.market
    skus.push((await market.table('skus').where('product_id', made.product.id).first()).public_id)
  }
  const buyer = await accountFactory(code, 'buyer')
  const placed = await client
    .post('/api/v1/orders')
    .header('Host', hostOf(code))
    .header('Idempotency-Key', randomUUID())
    .bearerToken(buyer.token)
    .json({ lines: skus.map((sku) => ({ sku, quantity: options.quantity ?? 1 })), ...(options.gateway && { paymentGateway: options.gateway }), ...(options.courier && { courier: options.courier }) })
  if (placed.status() !== 201) throw new Error(`order not placed: ${placed.status()} ${JSON.stringify(placed.body())}`)
  const data = placed.body().data
  return { market, buyer, skus, checkoutId: data.checkoutId as string, orders: data.orders as any[], total: data.orders.reduce((sum: number, order: any) => sum + order.total.amount, 0) }
}

export function startPayment(client: any, code: string, token: string, checkoutId: string, body: Record<string, unknown> = {}, key = randomUUID()) {
  return client.post(`/api/v1/checkouts/${checkoutId}/payments`).header('Host', hostOf(code)).header('Idempotency-Key', key).bearerToken(token).json(body)
}

/** A webhook as the sandbox gateway signs it (tests send some themselves: forged, stale, replayed, parallel). */
export function sandboxWebhook(client: any, code: string, payment: { id: string; amount: number; currency: string }, type: 'payment.captured' | 'payment.failed', options: { eventId?: string; at?: Date; secretOverride?: string } = {}) {
  const eventId = options.eventId ?? `evt_${randomUUID()}`
  const { payload, headers } = SandboxGateway.sign(null, eventId, { type, data: { paymentId: payment.id, reference: `sbx_${payment.id}`, amount: payment.amount, currency: payment.currency } }, options.at)
  const send = () => {
    let call = client.post('/api/v1/payments/sandbox/webhook').header('Host', hostOf(code))
    for (const [name, value] of Object.entries(headers)) call = call.header(name, value)
    return call.unsafeJson(payload)
  }
  return { eventId, send }
}

/** Every journal of the market sums to zero and so does its trial balance. */
export async function assertBooksBalance(assert: any, market: MarketContext) {
  const journals = await market.table('ledger_transfers as t').join('ledger_legs as l', 'l.transfer_id', 't.id').groupBy('t.id').select('t.id').sum('l.amount as total')
  assert.isTrue(journals.every((journal: any) => Number(journal.total) === 0), 'every journal sums to zero')
  const trial = await new Ledger().trialBalance(market)
  assert.equal(trial.total, 0, 'the trial balance is zero')
  return trial
}

/** A paid (or COD) order of `quantity` units, shipped and delivered by the sandbox courier (a running worker carries the webhooks and the parcel). */
export async function deliveredOrder(client: any, code: string, options: { quantity?: number; gateway?: string; price?: number } = {}) {
  const flow = await sellerWithProduct(client, code, options.price ?? PRICE[code])
  const { api, market, sellerToken, buyerToken, sku } = flow
  const { checkoutId, order } = await placeOrder(api, buyerToken, sku, options.quantity ?? 1, options.gateway)
  const started = await api('post', `/api/v1/checkouts/${checkoutId}/payments`, buyerToken, options.gateway ? { gateway: options.gateway } : {}, { 'Idempotency-Key': randomUUID() })
  started.assertStatus(201)
  if (started.body().data.action.type === 'redirect') {
    ;(await api('post', `${started.body().data.action.url}/approve`)).assertStatus(202)
    await until(async () => (await orderStatus(market, order.number)) === 'paid', 20_000, 'the webhook did not capture the payment')
  }
  ;(await api('post', `/api/v1/seller/orders/${order.number}/ship`, sellerToken, {})).assertStatus(201)
  await until(async () => (await orderStatus(market, order.number)) === 'delivered', 30_000, 'the parcel was not delivered')
  await until(async () => (await new EscrowService().escrowHeld(market, order.number)) === order.total.amount, 10_000, 'the money is not in escrow')
  return { ...flow, order, checkoutId }
}

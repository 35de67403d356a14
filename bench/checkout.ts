/*
 * The sequential buyer flow, one step after the other as a storefront
 * calls them: add to cart, quote, place, start the payment, approve on the
 * sandbox page, the gateway's signed webhook applied (sent here as the
 * sandbox's servers send it). Prints median and p95 per step and in total,
 * and, measured in the same run, the same flow without payment (cart,
 * quote, place) as the baseline.
 *   BENCH_FLOWS (default 300) flows, after 30 warm-up flows; BENCH_MARKET (SG).
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { Webhook } from 'standardwebhooks'
import mysql from 'mysql2/promise'
import { fmt, percentile, randomIp, request, startServer } from './support.js'

const PORT = 3394
const FLOWS = Number(process.env.BENCH_FLOWS ?? 300)
const WARMUP = 30
const MARKET = process.env.BENCH_MARKET ?? 'SG'
const HOST = `${MARKET.toLowerCase()}.pasar.localhost`
const SECRET = `whsec_${randomBytes(32).toString('base64')}`
const ip = `10.88.${Math.floor(Math.random() * 200)}.${Math.floor(Math.random() * 200) + 1}`

async function call(method: string, path: string, token: string | null, body?: unknown, headers: Record<string, string> = {}) {
  const response = await request(PORT, {
    method,
    path,
    headers: { host: HOST, 'x-forwarded-for': ip, 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${response.body.slice(0, 300)}`)
  return JSON.parse(response.body || '{}')
}

// The accounts are verified as following their mailed link would (the bench is about checkout, not mail).
const db = await mysql.createPool({ host: '127.0.0.1', user: 'root', database: 'pasar_sea_1', connectionLimit: 2 })
const verify = (accountId: string) => db.query('UPDATE users SET email_verified_at = UTC_TIMESTAMP() WHERE public_id = ?', [accountId])
const server = await startServer(PORT, { NODE_ENV: 'production', LOG_LEVEL: 'warn', PAYMENT_SANDBOX_WEBHOOK_SECRET: SECRET })
try {
  const market = (await call('GET', '/api/v1/market', null)).data
  const categories = (await call('GET', '/api/v1/categories', null)).data
  const leaf = (function first(nodes: any[]): any {
    for (const node of nodes) {
      if (!node.children?.length) return node
      const found = first(node.children)
      if (found) return found
    }
  })(categories)
  if (!leaf) throw new Error(`no categories in ${MARKET}: run node ace db:seed first`)
  const password = 'bench password 123'
  const seller = await call('POST', '/api/v1/auth/register', null, {
    role: 'seller',
    email: `bench-seller-${randomUUID()}@example.com`,
    password,
    fullName: 'Bench Seller',
    shop: { name: `Bench ${randomBytes(3).toString('hex')}`, pickupAddress: { line1: '1 Bench Road', city: 'Bench', postalCode: '123456', contactName: 'Bench', contactPhone: '+6561234567' } },
  })
  await verify(seller.data.account.id)
  const titles = Object.fromEntries(market.locales.map((locale: string) => [locale, 'Bench tee']))
  const product = await call('POST', '/api/v1/seller/products', seller.data.token.value, {
    category: leaf.slug,
    titles,
    status: 'active',
    skus: [{ sellerSku: 'BENCH-1', price: { amount: 1990, currency: market.currency.code }, weightGrams: 200, stock: 1_000_000 }],
  })
  const sku = product.data.skus[0].id as string

  // Buyers are many (the checkout limit is per buyer per minute): a fresh one every 5 flows.
  let buyerToken = ''
  const freshBuyer = async () => {
    // Sign-ups are limited per address: each buyer comes from its own.
    const buyer = await call('POST', '/api/v1/auth/register', null, { role: 'buyer', email: `bench-buyer-${randomUUID()}@example.com`, password, fullName: 'Bench Buyer' }, { 'x-forwarded-for': randomIp() })
    await verify(buyer.data.account.id)
    buyerToken = buyer.data.token.value
  }

  type Timings = Record<string, number>
  const timed = async (timings: Timings, name: string, work: () => Promise<any>) => {
    const t0 = performance.now()
    const result = await work()
    timings[name] = performance.now() - t0
    return result
  }

  async function orderFlow(withPayment: boolean): Promise<Timings> {
    const timings: Timings = {}
    await timed(timings, 'add to cart', () => call('POST', '/api/v1/cart/lines', buyerToken, { sku, quantity: 1 }))
    await timed(timings, 'quote', () => call('POST', '/api/v1/checkout/quote', buyerToken, { paymentGateway: 'grabpay' }))
    const placed = await timed(timings, 'place order', () => call('POST', '/api/v1/orders', buyerToken, { paymentGateway: 'grabpay' }, { 'idempotency-key': randomUUID() }))
    if (!withPayment) return timings
    const checkoutId = placed.data.checkoutId
    const payment = await timed(timings, 'start payment', () => call('POST', `/api/v1/checkouts/${checkoutId}/payments`, buyerToken, {}, { 'idempotency-key': randomUUID() }))
    const approved = await timed(timings, 'sandbox approve', () => request(PORT, { method: 'POST', path: `/sandbox/pay/${payment.data.id}/approve`, headers: { host: HOST, 'x-forwarded-for': ip } }))
    if (approved.status !== 202) throw new Error(`sandbox approve: ${approved.status}`)
    const eventId = `evt_${randomUUID()}`
    const payload = JSON.stringify({ type: 'payment.captured', data: { paymentId: payment.data.id, reference: `sbx_${payment.data.id}`, amount: payment.data.amount.amount, currency: payment.data.amount.currency } })
    const now = new Date()
    const signature = new Webhook(SECRET).sign(eventId, now, payload)
    const applied = await timed(timings, 'webhook applied', () =>
      request(PORT, { method: 'POST', path: '/api/v1/payments/sandbox/webhook', headers: { host: HOST, 'content-type': 'application/json', 'webhook-id': eventId, 'webhook-timestamp': String(Math.floor(now.getTime() / 1000)), 'webhook-signature': signature }, body: payload })
    )
    if (applied.status !== 200 || JSON.parse(applied.body).data.outcome !== 'captured') throw new Error(`webhook: ${applied.status} ${applied.body}`)
    return timings
  }

  const run = async (withPayment: boolean, count: number) => {
    const all: Timings[] = []
    for (let i = 0; i < count; i++) {
      if (i % 5 === 0) await freshBuyer()
      const timings = await orderFlow(withPayment)
      timings.total = Object.values(timings).reduce((sum, value) => sum + value, 0)
      all.push(timings)
    }
    return all
  }
  const summary = (runs: Timings[]) =>
    Object.fromEntries(
      Object.keys(runs[0]).map((step) => {
        const values = runs.map((timings) => timings[step]).sort((a, b) => a - b)
        return [step, { p50: percentile(values, 50), p95: percentile(values, 95) }]
      })
    )

  await run(true, WARMUP)
  // Interleaved halves, so drift on the machine hits both alike.
  const withPayment: Timings[] = []
  const without: Timings[] = []
  for (let half = 0; half < 2; half++) {
    without.push(...(await run(false, FLOWS / 2)))
    withPayment.push(...(await run(true, FLOWS / 2)))
  }
  const paid = summary(withPayment)
  const base = summary(without)
  console.log(`market ${MARKET}, ${FLOWS} sequential flows each (after ${WARMUP} warm-up flows)`)
  for (const [step, { p50, p95 }] of Object.entries(paid)) console.log(`  ${step.padEnd(16)} median ${fmt(p50, 2).padStart(7)} ms   p95 ${fmt(p95, 2).padStart(7)} ms`)
  console.log(`baseline, the same flow without payment (cart, quote, place): median ${fmt(base.total.p50, 2)} ms, p95 ${fmt(base.total.p95, 2)} ms`)
  console.log(`ratio whole flow / baseline (median): ${fmt(paid.total.p50 / base.total.p50, 2)}   goal: whole flow median < 40 ms (${paid.total.p50 < 40 ? 'met' : 'not met'})`)
} finally {
  server.kill('SIGTERM')
  await db.end()
}
process.exit(0)

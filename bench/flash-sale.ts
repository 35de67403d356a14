/*
 * Flash sale: N buyers at once on one hot SKU through the HTTP API (Redis
 * gate, then the MySQL order), against the physical floor measured in the
 * same run: the bare conditional stock UPDATE through mysql2 at the same
 * concurrency on the same server. Then checkout p95 at a fixed rate
 * (normal two-line, two-seller orders).
 *
 * Before the measured sale the buyers do what buyers do before a flash
 * sale: they are signed in and on the storefront (one authenticated read
 * each), and a warm-up sale on another SKU runs the same code paths, so
 * the measured run is neither the server's first request nor its JIT.
 *
 * Two figures per side:
 * - sell-out: units sold per second until the last unit is gone (the
 *   figure a flash sale lives by; the goal's ratio);
 * - attempts: every buyer's one try (sold + refused) per second.
 */
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import mysql from 'mysql2/promise'
import { clientIp, fmt, percentile, request, root, startServer } from './support.js'

const PORT = 3394
const STOCK = Number(process.env.BENCH_STOCK ?? 500)
const BUYERS = Number(process.env.BENCH_BUYERS ?? 2500)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50)
const RATE = Number(process.env.BENCH_CHECKOUT_RATE ?? 20)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)

interface Attempt {
  ok: boolean
  status: number
  endedAt: number
  latency: number
}

/** Every item once, `concurrency` at a time; when each ended and how. */
async function everyoneOnce<T>(items: T[], concurrency: number, work: (item: T) => Promise<{ ok: boolean; status: number }>) {
  const attempts: Attempt[] = []
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++]
        const t0 = performance.now()
        const { ok, status } = await work(item)
        const endedAt = performance.now()
        attempts.push({ ok, status, endedAt: endedAt - started, latency: endedAt - t0 })
      }
    })
  )
  const seconds = (performance.now() - started) / 1000
  const sold = attempts.filter((attempt) => attempt.ok)
  const soldOutSeconds = Math.max(...sold.map((attempt) => attempt.endedAt)) / 1000
  const latencies = attempts.map((attempt) => attempt.latency).sort((a, b) => a - b)
  const soldLatencies = sold.map((attempt) => attempt.latency).sort((a, b) => a - b)
  const statuses: Record<number, number> = {}
  for (const attempt of attempts) statuses[attempt.status] = (statuses[attempt.status] ?? 0) + 1
  return {
    sold: sold.length,
    statuses,
    attemptsPerSecond: attempts.length / seconds,
    soldPerSecond: sold.length / soldOutSeconds,
    soldOutSeconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    soldP99: percentile(soldLatencies, 99),
  }
}

const output = execFileSync(process.execPath, ['ace', 'bench:prepare-flash-sale', `--stock=${STOCK}`, `--buyers=${BUYERS}`], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
const setup = JSON.parse(output.trim().split('\n').at(-1)!) as {
  sku: string
  saleId: number
  warmSku: string
  twinSkuId: number
  voucherSku: string
  voucherSaleId: number
  voucherCode: string
  checkoutSkus: string[]
  tokens: string[]
}
const server = await startServer(PORT, { NODE_ENV: 'production', LOG_LEVEL: 'error', DB_POOL_MAX: String(CONCURRENCY) })
const db = await mysql.createPool({ host: '127.0.0.1', user: 'root', database: 'pasar_sea_1', connectionLimit: CONCURRENCY })
const storefront = { 'host': 'sg.pasar.localhost', 'content-type': 'application/json' }
const order = (token: string, lines: { sku: string; quantity: number }[], vouchers?: string[]) =>
  request(PORT, {
    method: 'POST',
    path: '/api/v1/orders',
    headers: { ...storefront, 'authorization': `Bearer ${token}`, 'idempotency-key': randomUUID() },
    body: JSON.stringify({ lines, ...(vouchers && { vouchers }) }),
  })

try {
  // Buyers on the storefront before the sale, then a warm-up sale.
  await everyoneOnce(setup.tokens, CONCURRENCY, async (token) => {
    const response = await request(PORT, { method: 'GET', path: '/api/v1/cart', headers: { ...storefront, authorization: `Bearer ${token}` } })
    return { ok: response.status === 200, status: response.status }
  })
  const warm = await everyoneOnce(setup.tokens, CONCURRENCY, async (token) => {
    const response = await order(token, [{ sku: setup.warmSku, quantity: 1 }])
    return { ok: response.status === 201, status: response.status }
  })

  // Measured: every buyer tries once, CONCURRENCY at a time.
  const api = await everyoneOnce(setup.tokens, CONCURRENCY, async (token) => {
    const response = await order(token, [{ sku: setup.sku, quantity: 1 }])
    return { ok: response.status === 201, status: response.status }
  })

  // The same sale with a platform voucher on every order (one more conditional UPDATE, on one hot row).
  const withVoucher = await everyoneOnce(setup.tokens, CONCURRENCY, async (token) => {
    const response = await order(token, [{ sku: setup.voucherSku, quantity: 1 }], [setup.voucherCode])
    return { ok: response.status === 201, status: response.status }
  })

  // Baseline: the same number of attempts as bare conditional UPDATEs on a
  // twin row, on a warmed pool, five times (it lasts a fraction of a second,
  // so one run is noisy): the median is compared.
  const rawOnce = () =>
    everyoneOnce(setup.tokens, CONCURRENCY, async () => {
      const [result] = (await db.query(
        'UPDATE stock_levels SET available = available - 1, reserved = reserved + 1, updated_at = UTC_TIMESTAMP() WHERE sku_id = ? AND available >= 1',
        [setup.twinSkuId]
      )) as any
      return { ok: result.affectedRows === 1, status: result.affectedRows }
    })
  await db.query('UPDATE stock_levels SET available = 0, reserved = 0 WHERE sku_id = ?', [setup.twinSkuId])
  await rawOnce()
  const raws = []
  for (let run = 0; run < 5; run++) {
    await db.query('UPDATE stock_levels SET available = ?, reserved = 0 WHERE sku_id = ?', [STOCK, setup.twinSkuId])
    raws.push(await rawOnce())
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
  const raw = {
    soldPerSecond: median(raws.map((run) => run.soldPerSecond)),
    attemptsPerSecond: median(raws.map((run) => run.attemptsPerSecond)),
    soldRange: [Math.min(...raws.map((run) => run.soldPerSecond)), Math.max(...raws.map((run) => run.soldPerSecond))],
    p99: median(raws.map((run) => run.p99)),
    sold: raws.at(-1)!.sold,
  }

  // The app's HTTP floor on this machine: its cheapest answer (the market's
  // public settings, from memory: no database, Redis or order code) at the
  // same concurrency and from the same client.
  const floor = await everyoneOnce(setup.tokens, CONCURRENCY, async () => {
    const response = await request(PORT, { method: 'GET', path: '/api/v1/market', headers: { ...storefront, 'x-forwarded-for': clientIp() } })
    return { ok: false, status: response.status }
  })

  const [[sold]] = (await db.query(
    'SELECT COUNT(*) AS orders, COALESCE(SUM(l.quantity), 0) AS units, COUNT(DISTINCT o.buyer_id) AS buyers FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.flash_sale_id = ? AND o.status <> ?',
    [setup.saleId, 'cancelled']
  )) as any
  const [[rawLevel]] = (await db.query('SELECT available, reserved FROM stock_levels WHERE sku_id = ?', [setup.twinSkuId])) as any

  // Checkout p95 at a fixed arrival rate (open loop), normal two-line orders.
  const checkoutLatencies: number[] = []
  let checkoutFailures = 0
  const pending: Promise<void>[] = []
  const total = RATE * SECONDS
  const t0 = performance.now()
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / RATE
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())))
    const token = setup.tokens[i % setup.tokens.length]
    pending.push(
      (async () => {
        const start = performance.now()
        const response = await order(token, setup.checkoutSkus.map((sku) => ({ sku, quantity: 1 })))
        checkoutLatencies.push(performance.now() - start)
        if (response.status !== 201) checkoutFailures++
      })()
    )
  }
  await Promise.all(pending)
  checkoutLatencies.sort((a, b) => a - b)

  const oversold = Number(sold.units) > STOCK || Number(sold.buyers) !== Number(sold.orders) || rawLevel.available < 0
  console.log(`flash sale: ${BUYERS} buyers, ${STOCK} units, concurrency ${CONCURRENCY} (warm-up sale before it: ${warm.sold} sold, ${JSON.stringify(warm.statuses)})`)
  console.log(`  API   POST /orders: sold out in ${fmt(api.soldOutSeconds, 2)} s = ${fmt(api.soldPerSecond, 0)} orders/s (p99 of the sold ${fmt(api.soldP99)} ms); all attempts ${fmt(api.attemptsPerSecond, 0)} req/s, p50 ${fmt(api.p50)} ms, p99 ${fmt(api.p99)} ms, statuses ${JSON.stringify(api.statuses)}`)
  console.log(`  API with a platform voucher on every order: ${fmt(withVoucher.soldPerSecond, 0)} orders/s (p99 of the sold ${fmt(withVoucher.soldP99)} ms), statuses ${JSON.stringify(withVoucher.statuses)}; ratio to the run without: ${fmt(withVoucher.soldPerSecond / api.soldPerSecond, 2)}`)
  console.log(`  raw   conditional UPDATE (median of 5): ${fmt(raw.soldPerSecond, 0)} units/s until sold out (runs ${fmt(raw.soldRange[0], 0)}-${fmt(raw.soldRange[1], 0)}); all attempts ${fmt(raw.attemptsPerSecond, 0)}/s, p99 ${fmt(raw.p99)} ms, sold ${raw.sold}`)
  console.log(`  floor GET /api/v1/market (no I/O at all): ${fmt(floor.attemptsPerSecond, 0)} req/s = ${fmt(floor.attemptsPerSecond / raw.soldPerSecond, 2)}x the raw units/s`)
  console.log(`  ratio API / raw, orders per second until sold out: ${fmt(api.soldPerSecond / raw.soldPerSecond, 2)}  (goal >= 0.5)`)
  console.log(`  ratio API / raw, attempts per second (sold + refused): ${fmt(api.attemptsPerSecond / raw.attemptsPerSecond, 2)}`)
  console.log(`  oversell check: ${sold.units} units in ${sold.orders} orders of ${sold.buyers} buyers at the flash price for ${STOCK} in stock; raw baseline sold ${raw.sold}, available ${rawLevel.available} -> ${oversold ? 'OVERSOLD' : 'no oversell'}`)
  console.log(`checkout (2 lines, 2 sellers) at ${RATE}/s for ${SECONDS} s: p50 ${fmt(percentile(checkoutLatencies, 50))} ms, p95 ${fmt(percentile(checkoutLatencies, 95))} ms, p99 ${fmt(percentile(checkoutLatencies, 99))} ms, ${checkoutFailures} failed`)
  if (oversold || api.statuses[500]) process.exitCode = 1
} finally {
  server.kill('SIGTERM')
  await db.end()
}
process.exit(process.exitCode ?? 0)

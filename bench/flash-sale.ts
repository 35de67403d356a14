/*
 * Flash sale: N buyers at once on one hot SKU through the HTTP API (Redis
 * gate, then the MySQL order), against the physical floor measured in the
 * same run: the bare conditional stock UPDATE through mysql2 at the same
 * concurrency on the same server. Then checkout p95 at a fixed rate
 * (normal two-line, two-seller orders).
 */
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import mysql from 'mysql2/promise'
import { fmt, percentile, request, root, startServer } from './support.js'

const PORT = 3394
const STOCK = Number(process.env.BENCH_STOCK ?? 200)
const BUYERS = Number(process.env.BENCH_BUYERS ?? 1000)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50)
const RATE = Number(process.env.BENCH_CHECKOUT_RATE ?? 20)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)

async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) await work(items[next++])
  }))
}

const output = execFileSync(process.execPath, ['ace', 'bench:prepare-flash-sale', `--stock=${STOCK}`, `--buyers=${BUYERS}`], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
const setup = JSON.parse(output.trim().split('\n').at(-1)!) as { sku: string; saleId: number; twinSkuId: number; checkoutSkus: string[]; tokens: string[] }
const server = await startServer(PORT, { NODE_ENV: 'production', LOG_LEVEL: 'error', DB_POOL_MAX: String(CONCURRENCY) })
const db = await mysql.createPool({ host: '127.0.0.1', user: 'root', database: 'pasar_sea_1', connectionLimit: CONCURRENCY })
try {
  // Measured: every buyer tries once, CONCURRENCY at a time.
  const latencies: number[] = []
  const statuses = new Map<number, number>()
  const started = performance.now()
  await pool(setup.tokens, CONCURRENCY, async (token) => {
    const t0 = performance.now()
    const response = await request(PORT, {
      method: 'POST',
      path: '/api/v1/orders',
      headers: { 'host': 'sg.pasar.localhost', 'content-type': 'application/json', 'authorization': `Bearer ${token}`, 'idempotency-key': randomUUID() },
      body: JSON.stringify({ lines: [{ sku: setup.sku, quantity: 1 }] }),
    })
    latencies.push(performance.now() - t0)
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
  })
  const apiSeconds = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)

  // Baseline: the same number of attempts as bare conditional UPDATEs.
  const rawLatencies: number[] = []
  let rawSold = 0
  await db.query('UPDATE stock_levels SET available = ?, reserved = 0 WHERE sku_id = ?', [STOCK, setup.twinSkuId])
  const rawStarted = performance.now()
  await pool(setup.tokens, CONCURRENCY, async () => {
    const t0 = performance.now()
    const [result] = (await db.query(
      'UPDATE stock_levels SET available = available - 1, reserved = reserved + 1, updated_at = UTC_TIMESTAMP() WHERE sku_id = ? AND available >= 1',
      [setup.twinSkuId]
    )) as any
    rawLatencies.push(performance.now() - t0)
    rawSold += result.affectedRows
  })
  const rawSeconds = (performance.now() - rawStarted) / 1000
  rawLatencies.sort((a, b) => a - b)

  const [[sold]] = (await db.query(
    'SELECT COUNT(*) AS orders, COALESCE(SUM(l.quantity), 0) AS units FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.flash_sale_id = ? AND o.status <> ?',
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
        const response = await request(PORT, {
          method: 'POST',
          path: '/api/v1/orders',
          headers: { 'host': 'sg.pasar.localhost', 'content-type': 'application/json', 'authorization': `Bearer ${token}`, 'idempotency-key': randomUUID() },
          body: JSON.stringify({ lines: setup.checkoutSkus.map((sku) => ({ sku, quantity: 1 })) }),
        })
        checkoutLatencies.push(performance.now() - start)
        if (response.status !== 201) checkoutFailures++
      })()
    )
  }
  await Promise.all(pending)
  checkoutLatencies.sort((a, b) => a - b)

  const oversold = Number(sold.units) > STOCK || rawLevel.available < 0
  console.log(`flash sale: ${BUYERS} buyers, ${STOCK} units, concurrency ${CONCURRENCY}`)
  console.log(`  API   POST /orders: ${fmt(BUYERS / apiSeconds, 0)} req/s, ${fmt(Number(sold.orders) / apiSeconds, 0)} orders/s, p50 ${fmt(percentile(latencies, 50))} ms, p99 ${fmt(percentile(latencies, 99))} ms, statuses ${JSON.stringify(Object.fromEntries(statuses))}`)
  console.log(`  raw   conditional UPDATE: ${fmt(BUYERS / rawSeconds, 0)} attempts/s, p50 ${fmt(percentile(rawLatencies, 50))} ms, p99 ${fmt(percentile(rawLatencies, 99))} ms, sold ${rawSold}`)
  console.log(`  ratio API / raw (attempts per second): ${fmt(rawSeconds / apiSeconds, 2)}  (goal >= 0.5)`)
  console.log(`  oversell check: ${sold.units} units sold at the flash price for ${STOCK} in stock; raw floor sold ${rawSold}, available ${rawLevel.available} -> ${oversold ? 'OVERSOLD' : 'no oversell'}`)
  console.log(`checkout (2 lines, 2 sellers) at ${RATE}/s for ${SECONDS} s: p50 ${fmt(percentile(checkoutLatencies, 50))} ms, p95 ${fmt(percentile(checkoutLatencies, 95))} ms, p99 ${fmt(percentile(checkoutLatencies, 99))} ms, ${checkoutFailures} failed`)
  if (oversold || statuses.get(500)) process.exitCode = 1
} finally {
  server.kill('SIGTERM')
  await db.end()
}
process.exit(process.exitCode ?? 0)

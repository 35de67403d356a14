/*
 * Catalog read path against its physical floor, in one run:
 *   baseline: a bare node:http server answering the same JSON bytes it GETs
 *             from Redis on every request;
 *   measured: GET /api/v1/products/:id (cached) and a listing page, through
 *             the whole app (host routing, validation, two-level cache).
 * Then search latency on the market with the most products (the mysql
 * driver), against the bare FULLTEXT query through mysql2.
 * Needs the demo data: `node ace db:seed` (and --products=100000 --market=ID
 * for the search figure the issue asks for).
 */
import autocannon from 'autocannon'
import http from 'node:http'
import { Redis } from 'ioredis'
import mysql from 'mysql2/promise'
import { clientIp, closedLoop, fmt, request, startServer } from './support.js'
import { booleanQuery } from '../app/search/text/tokens.js'

const APP_PORT = 3392
const BASE_PORT = 3393
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const MARKET = process.env.BENCH_MARKET ?? 'ID'
const HOST = `${MARKET.toLowerCase()}.pasar.localhost`
const SHARD_DB = process.env.BENCH_SHARD_DB ?? 'pasar_sea_2'

async function cannon(url: string, host?: string) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: host ? { host } : {},
    // Many readers, as a storefront has (the app limits anonymous reads per IP).
    requests: [{ setupRequest: (request: any) => ({ ...request, headers: { ...request.headers, 'x-forwarded-for': clientIp() } }) }],
  })
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.non2xx + result.errors }
}

const server = await startServer(APP_PORT, { NODE_ENV: 'production', LOG_LEVEL: 'warn' })
const redis = new Redis({ host: '127.0.0.1', port: 6379 })
const db = await mysql.createConnection({ host: '127.0.0.1', user: 'root', database: SHARD_DB })
try {
  const listing = await request(APP_PORT, { method: 'GET', path: '/api/v1/products?limit=20&sort=best_selling', headers: { host: HOST } })
  if (listing.status !== 200) throw new Error(`listing: ${listing.status} ${listing.body}`)
  const productId = JSON.parse(listing.body).data[0]?.id
  if (!productId) throw new Error(`no products in ${MARKET}: run node ace db:seed first`)
  const detailPath = `/api/v1/products/${productId}`
  const detail = await request(APP_PORT, { method: 'GET', path: detailPath, headers: { host: HOST } })

  // Baseline: the same bytes, read from Redis on every request.
  await redis.set('bench:product', detail.body)
  const baseline = http.createServer(async (_req, res) => {
    const body = await redis.get('bench:product')
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
    res.end(body)
  })
  await new Promise<void>((resolve) => baseline.listen(BASE_PORT, '127.0.0.1', resolve))

  const floor = await cannon(`http://127.0.0.1:${BASE_PORT}/`)
  const cachedDetail = await cannon(`http://127.0.0.1:${APP_PORT}${detailPath}`, HOST)
  const cachedListing = await cannon(`http://127.0.0.1:${APP_PORT}/api/v1/products?limit=20&sort=best_selling`, HOST)
  baseline.close()

  const [[{ count }]] = (await db.query('SELECT COUNT(*) AS count FROM search_documents WHERE market_code = ?', [MARKET])) as any
  // Queries a shopper types, in the market language: no two in a row alike.
  const terms = ['kaos', 'serum', 'sepatu', 'case', 'bantal', 'headset', 'hijab', 'tas wanita', 'kopi', 'jaket', 'celana', 'blender', 'kaos polos', 'sepatu lari', 'beras', 'minyak']
  const searchAt = (concurrency: number) =>
    closedLoop(concurrency, SECONDS, async (i) => {
      const term = encodeURIComponent(terms[i % terms.length])
      const response = await request(APP_PORT, { method: 'GET', path: `/api/v1/search?q=${term}&limit=20`, headers: { host: HOST, 'x-forwarded-for': clientIp() } })
      return response.status === 200
    })
  const rawAt = (concurrency: number) =>
    closedLoop(concurrency, SECONDS, async (i) => {
      const match = booleanQuery(terms[i % terms.length])
      await db.query(
        'SELECT product_id, MATCH(words, grams) AGAINST (? IN BOOLEAN MODE) AS score FROM search_documents WHERE market_code = ? AND MATCH(words, grams) AGAINST (? IN BOOLEAN MODE) ORDER BY score DESC, sold_count DESC LIMIT 20',
        [match, MARKET, match]
      )
      return true
    })
  const searches: [number, Awaited<ReturnType<typeof searchAt>>, Awaited<ReturnType<typeof rawAt>>][] = []
  for (const concurrency of [1, 4]) searches.push([concurrency, await searchAt(concurrency), await rawAt(concurrency)])

  const line = (name: string, r: { rps: number; p50: number; p99: number; errors: number }) =>
    `${name.padEnd(44)} ${fmt(r.rps, 0).padStart(7)} req/s  p50 ${String(r.p50).padStart(3)} ms  p99 ${String(r.p99).padStart(3)} ms  errors ${r.errors}`
  console.log(`market ${MARKET}, ${CONNECTIONS} connections, ${SECONDS} s each`)
  console.log(line('baseline node:http + Redis GET (same bytes)', floor))
  console.log(line('GET /products/:id (cached)', cachedDetail))
  console.log(line('GET /products?limit=20 (cached listing)', cachedListing))
  console.log(`ratio product detail / baseline: ${fmt(cachedDetail.rps / floor.rps, 2)}  (goal >= 0.5)`)
  console.log(`ratio listing / baseline:        ${fmt(cachedListing.rps / floor.rps, 2)}`)
  console.log(`search on ${count} products of ${MARKET} (hits + one facet pass per search, uncached, terms rotating):`)
  for (const [concurrency, api, raw] of searches) {
    console.log(
      `  concurrency ${concurrency}: GET /search ${fmt(api.rps, 0)}/s p50 ${fmt(api.p50)} ms p95 ${fmt(api.p95)} ms p99 ${fmt(api.p99)} ms (${api.failures} failed)` +
        ` | raw FULLTEXT query ${fmt(raw.rps, 0)}/s p95 ${fmt(raw.p95)} ms | ratio ${fmt(api.rps / raw.rps, 2)}`
    )
  }
  console.log('  goal: p95 < 50 ms')
} finally {
  server.kill('SIGTERM')
  redis.disconnect()
  await db.end()
}
process.exit(0)

/*
 * Login latency against its physical floor. Baseline: the password hash
 * check alone (scrypt at the configured cost) at the same concurrency in
 * this process. Measured: POST /api/v1/auth/login over HTTP (validation,
 * throttling in Redis, shard lookup, hash check, token insert).
 * Prints throughput and p50/p95/p99 of both, and the throughput ratio.
 */
import { scrypt, randomBytes } from 'node:crypto'
import { promisify } from 'node:util'
import { closedLoop, fmt, randomIp, request, startServer } from './support.js'

const scryptAsync = promisify(scrypt) as (p: string, s: Buffer, len: number, o: object) => Promise<Buffer>
const PORT = 3391
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const ACCOUNTS = 32
// config/hash.ts: the cost the app uses.
const COST = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }
const PASSWORD = 'correct horse battery staple'

const server = await startServer(PORT)
try {
  const emails: string[] = []
  for (let i = 0; i < ACCOUNTS; i++) {
    const email = `bench.${Date.now()}.${i}@example.com`
    const response = await request(PORT, {
      method: 'POST',
      path: '/api/v1/auth/register',
      headers: { 'host': 'sg.pasar.localhost', 'content-type': 'application/json', 'x-forwarded-for': randomIp() },
      body: JSON.stringify({ role: 'buyer', email, password: PASSWORD, fullName: 'Bench Mark' }),
    })
    if (response.status !== 201) throw new Error(`register: ${response.status} ${response.body}`)
    emails.push(email)
  }

  const t0 = performance.now()
  await scryptAsync(PASSWORD, randomBytes(16), 64, COST)
  const oneHash = performance.now() - t0

  const salt = randomBytes(16)
  const baseline = await closedLoop(CONCURRENCY, SECONDS, async () => {
    await scryptAsync(PASSWORD, salt, 64, COST)
    return true
  })

  const login = await closedLoop(CONCURRENCY, SECONDS, async (i) => {
    const response = await request(PORT, {
      method: 'POST',
      path: '/api/v1/auth/login',
      headers: { 'host': 'sg.pasar.localhost', 'content-type': 'application/json', 'x-forwarded-for': randomIp() },
      // Accounts in turn: one account never has more than one sign-in in flight.
      body: JSON.stringify({ email: emails[i % ACCOUNTS], password: PASSWORD }),
    })
    return response.status === 200
  })

  console.log(`hash: scrypt N=${COST.N} r=${COST.r} p=${COST.p} (16 MiB each); one hash alone ${fmt(oneHash)} ms`)
  console.log(`concurrency ${CONCURRENCY}, ${SECONDS} s per measurement`)
  const line = (name: string, r: typeof baseline) =>
    `${name}: ${fmt(r.rps)}/s  p50 ${fmt(r.p50)} ms  p95 ${fmt(r.p95)} ms  p99 ${fmt(r.p99)} ms  (${r.count} done, ${r.failures} failed)`
  console.log(line('baseline scrypt only ', baseline))
  console.log(line('POST /auth/login     ', login))
  console.log(`ratio login/baseline throughput: ${fmt(login.rps / baseline.rps, 2)}`)
  if (login.failures > 0) process.exitCode = 1
} finally {
  server.kill('SIGTERM')
}

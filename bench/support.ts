import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const root = fileURLToPath(new URL('../', import.meta.url))

/** Starts the web process on a port of its own and waits until it answers. */
export async function startServer(port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []), '--import=@poppinss/ts-exec', 'bin/server.ts'], {
    // BENCH_CWD: another checkout of the app (a baseline worktree).
    cwd: env.BENCH_CWD ?? root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health/live`)).ok) return child
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  child.kill()
  throw new Error('server did not start')
}

export function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

export function randomIp() {
  const octet = () => Math.floor(Math.random() * 254) + 1
  return `10.${octet()}.${octet()}.${octet()}`
}

/**
 * Client addresses for anonymous load (sent as X-Forwarded-For through the
 * loopback proxy the app trusts): the app limits reads per IP, and a real
 * storefront's readers are many clients, not one.
 */
const CLIENTS = Array.from({ length: 500 }, (_, index) => `10.77.${index >> 8}.${(index & 255) + 1}`)
let nextClient = 0
export function clientIp() {
  nextClient = (nextClient + 1) % CLIENTS.length
  return CLIENTS[nextClient]
}

export const fmt = (value: number, digits = 1) => value.toFixed(digits)

import http from 'node:http'

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 })

/** One HTTP request with any Host header (fetch cannot set Host). */
export function request(
  port: number,
  options: { method: string; path: string; headers?: Record<string, string>; body?: string }
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method, path: options.path, headers: options.headers, agent },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk) => chunks.push(chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }))
      }
    )
    req.on('error', reject)
    if (options.body) req.write(options.body)
    req.end()
  })
}

/**
 * Runs `work` with `concurrency` workers for `seconds`; returns throughput
 * and exact latency percentiles.
 */
export async function closedLoop(concurrency: number, seconds: number, work: (i: number) => Promise<boolean>) {
  const latencies: number[] = []
  let failures = 0
  let counter = 0
  const started = performance.now()
  const deadline = started + seconds * 1000
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now()
        const ok = await work(counter++)
        latencies.push(performance.now() - t0)
        if (!ok) failures++
      }
    })
  )
  const elapsed = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  return {
    count: latencies.length,
    failures,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  }
}

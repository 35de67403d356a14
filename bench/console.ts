/*
 * The staff console must cost the API nothing. One run, two servers:
 *   baseline: the app as it was before the console (a git worktree of the
 *             commit before the console came, BENCH_BASELINE_REF to pick
 *             another), same machine, same databases, same settings;
 *   measured: the app now, with the console's session, shield, views and
 *             assets on /console routes only.
 * Both answer GET /api/v1/market and GET /api/v1/categories on the SG host,
 * measured in turns (A B, then B A) so drift hits both; then a console page
 * (session, CSRF token, template) for scale. Uses the test settings
 * (.env.test): do not run it while the tests run.
 */
import autocannon from 'autocannon'
import { execFileSync } from 'node:child_process'
import { existsSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { clientIp, fmt, root, startServer } from './support.js'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2)
const NOW_PORT = 3394
const BASE_PORT = 3395
const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim()

const firstConsoleCommit = git('log', '--diff-filter=A', '--format=%H', '--', 'app/console/access.ts').split('\n').at(-1)!
const ref = process.env.BENCH_BASELINE_REF ?? `${firstConsoleCommit}^`
// Outside the project: the compiler and the linter must not see a second copy of the app.
const baselineDir = join(tmpdir(), 'pasar-bench-baseline')
if (!existsSync(baselineDir)) git('worktree', 'add', '--detach', baselineDir, ref)
else execFileSync('git', ['checkout', '--detach', '-q', git('rev-parse', ref)], { cwd: baselineDir })
if (!existsSync(join(baselineDir, 'node_modules'))) symlinkSync(join(root, 'node_modules'), join(baselineDir, 'node_modules'))

async function cannon(port: number, path: string, host: string) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${path}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { host },
    requests: [{ setupRequest: (request: any) => ({ ...request, headers: { ...request.headers, 'x-forwarded-for': clientIp() } }) }],
  })
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.non2xx + result.errors }
}

const env = { NODE_ENV: 'test', LOG_LEVEL: 'error' }
const now = await startServer(NOW_PORT, env)
const baseline = await startServer(BASE_PORT, { ...env, BENCH_CWD: baselineDir })
try {
  console.log(`baseline: ${git('rev-parse', '--short', ref)} (before the console), measured: ${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain') ? ' with uncommitted changes' : ''}; ${CONNECTIONS} connections, ${SECONDS} s per measure, ${ROUNDS} rounds`)
  for (const path of ['/api/v1/market', '/api/v1/categories']) {
    const runs = { baseline: [] as number[], measured: [] as number[] }
    let p99 = { baseline: 0, measured: 0 }
    for (let round = 0; round < ROUNDS; round++) {
      // Each round swaps who goes first: neither side always runs on a warmer machine.
      const first = round % 2 === 0
      const a = first ? await cannon(BASE_PORT, path, 'sg.pasar.localhost') : undefined
      const b = await cannon(NOW_PORT, path, 'sg.pasar.localhost')
      const a2 = a ?? (await cannon(BASE_PORT, path, 'sg.pasar.localhost'))
      if (a2.errors || b.errors) throw new Error(`${path}: ${a2.errors} / ${b.errors} failed requests`)
      runs.baseline.push(a2.rps)
      runs.measured.push(b.rps)
      p99 = { baseline: Math.max(p99.baseline, a2.p99), measured: Math.max(p99.measured, b.p99) }
    }
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length
    console.log(`GET ${path}: baseline ${fmt(mean(runs.baseline), 0)} req/s (p99 ${p99.baseline} ms), now ${fmt(mean(runs.measured), 0)} req/s (p99 ${p99.measured} ms), ratio ${fmt(mean(runs.measured) / mean(runs.baseline), 3)}`)
  }
  const api = await cannon(NOW_PORT, '/api/v1/market', 'sg.pasar.localhost')
  const page = await cannon(NOW_PORT, '/console/sign-in', 'admin.pasar.localhost')
  console.log(`GET /console/sign-in (session in Redis, CSRF token, template): ${fmt(page.rps, 0)} req/s (p99 ${page.p99} ms), ${fmt(page.rps / api.rps, 3)} of /api/v1/market`)
} finally {
  now.kill()
  baseline.kill()
}

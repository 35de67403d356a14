/*
 * `npm start`: everything a new machine needs to serve Pasar on local
 * defaults. Checks each service (one clear line per missing one), writes
 * .env with a fresh APP_KEY if there is none, creates and migrates every
 * shard and the control database, seeds the demo catalog, then runs the web
 * process on :3333 and the worker under supervision (bin/supervise.ts), and
 * prints each market's storefront URL.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { fileURLToPath } from 'node:url'
import { supervise } from './supervise.js'

const root = fileURLToPath(new URL('../', import.meta.url))
const envFile = `${root}.env`

function ensureEnvFile() {
  if (existsSync(envFile)) return
  const example = readFileSync(`${root}.env.example`, 'utf8')
  const key = randomBytes(32).toString('base64url')
  writeFileSync(envFile, example.replace(/^APP_KEY=.*$/m, `APP_KEY=${key}`))
  console.log('• wrote .env from .env.example with a new APP_KEY')
}

function readEnv(): Record<string, string> {
  const values: Record<string, string> = {}
  for (const line of readFileSync(envFile, 'utf8').split('\n')) {
    const match = line.match(/^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/)
    if (match) values[match[1]] = match[2].replace(/^['"]|['"]$/g, '')
  }
  return { ...values, ...(process.env as Record<string, string>) }
}

function reachable(host: string, port: number, timeoutMs = 2000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port })
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
  })
}

async function checkServices(env: Record<string, string>) {
  const amqp = new URL(env.RABBITMQ_URL || 'amqp://guest:guest@127.0.0.1:5672')
  const services = [
    {
      name: 'MariaDB/MySQL',
      host: env.DB_HOST || '127.0.0.1',
      port: Number(env.DB_PORT || 3306),
      start: 'start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd',
    },
    {
      name: 'Redis',
      host: env.REDIS_HOST || '127.0.0.1',
      port: Number(env.REDIS_PORT || 6379),
      start: 'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no',
    },
    {
      name: 'RabbitMQ',
      host: amqp.hostname,
      port: Number(amqp.port || 5672),
      start: 'rabbitmq-server -detached',
    },
  ]
  let missing = 0
  for (const service of services) {
    const ok = await reachable(service.host, service.port)
    if (ok) {
      console.log(`✔ ${service.name} at ${service.host}:${service.port}`)
    } else {
      missing++
      console.error(
        `✘ ${service.name} is not answering at ${service.host}:${service.port}. Start it with: ${service.start}`
      )
    }
  }
  if (missing) {
    console.error(`\n${missing} service(s) missing: Pasar needs all of them. Nothing was started.`)
    process.exit(1)
  }
}

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' })
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))))
  })
}

async function waitForLive(port: number, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health/live`)
      if (response.ok) return
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  throw new Error(`the web process did not answer on :${port} within ${timeoutMs / 1000}s`)
}

async function marketDomains(): Promise<{ code: string; name: string; domain: string }[]> {
  const output: string[] = []
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['ace', 'markets:list', '--json'], { cwd: root })
    child.stdout.on('data', (chunk) => output.push(String(chunk)))
    child.stderr.pipe(process.stderr)
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error('markets:list failed'))))
  })
  // The JSON line only: a log line (a boot warning) may come before it.
  const json = output.join('').split('\n').find((line) => line.trimStart().startsWith('['))
  if (!json) throw new Error('markets:list printed no market list')
  return JSON.parse(json)
}

ensureEnvFile()
const env = readEnv()
const port = Number(env.PORT || 3333)

await checkServices(env)
await run(['ace', 'markets:validate'])
await run(['ace', 'shards:migrate'])
// Idempotent: tops every market up to 2,000 demo products.
await run(['ace', 'db:seed'])

// Web and worker, each restarted if it dies; SIGTERM/SIGINT stop both.
supervise()

await waitForLive(port)
const markets = await marketDomains()
console.log('\nPasar is serving. Storefronts:')
for (const market of markets) {
  console.log(`  ${market.code}  ${market.name.padEnd(12)} http://${market.domain}:${port}/api/v1/market`)
}
console.log(`  health          http://127.0.0.1:${port}/health`)
const staffHost = (env.STAFF_HOSTS || 'admin.pasar.localhost').split(',')[0].trim()
console.log(`  staff console   http://${staffHost}:${port}/console (an account: node ace staff:create --email=you@example.com --name="You" --role=admin --markets='*')\n`)

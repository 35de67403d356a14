/*
 * Runs the web process and the worker side by side and keeps them running:
 * a process that dies is started again after a back-off (1 s, doubling to
 * 30 s, back to 1 s once it has run for a minute), with a line saying why.
 * SIGTERM or SIGINT stops both cleanly (SIGKILL after 20 s) and exits 0.
 * `npm start` runs this after its checks and setup; on its own:
 * `node --import=@poppinss/ts-exec bin/supervise.ts`.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = fileURLToPath(new URL('../', import.meta.url))

export interface Supervised {
  name: string
  args: string[]
}

export const PROCESSES: Supervised[] = [
  { name: 'web', args: ['--import=@poppinss/ts-exec', 'bin/server.ts'] },
  // Outbox relay, queue consumers, schedulers (unpaid-order expiry).
  { name: 'worker', args: ['ace', 'worker'] },
]

const say = (line: string) => console.log(`[supervisor] ${line}`)

export function supervise(processes: Supervised[] = PROCESSES) {
  let stopping = false
  const running = new Map<string, ChildProcess>()
  const backoff = new Map<string, number>()

  const start = (spec: Supervised) => {
    const startedAt = Date.now()
    const child = spawn(process.execPath, spec.args, { cwd: root, stdio: 'inherit', env: process.env })
    running.set(spec.name, child)
    say(`${spec.name} started (pid ${child.pid})`)
    child.once('exit', (code, signal) => {
      running.delete(spec.name)
      if (stopping) {
        say(`${spec.name} stopped`)
        if (running.size === 0) process.exit(0)
        return
      }
      const delay = Date.now() - startedAt > 60_000 ? 1000 : Math.min((backoff.get(spec.name) ?? 500) * 2, 30_000)
      backoff.set(spec.name, delay)
      say(`${spec.name} exited (${signal ? `signal ${signal}` : `code ${code}`}); restarting in ${delay / 1000} s`)
      setTimeout(() => !stopping && start(spec), delay)
    })
  }

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    say(`${signal}: stopping ${[...running.keys()].join(' and ') || 'nothing'}`)
    if (running.size === 0) process.exit(0)
    for (const child of running.values()) child.kill(signal === 'SIGINT' ? 'SIGINT' : 'SIGTERM')
    setTimeout(() => {
      for (const child of running.values()) child.kill('SIGKILL')
    }, 20_000).unref()
  }
  process.once('SIGINT', () => stop('SIGINT'))
  process.once('SIGTERM', () => stop('SIGTERM'))
  for (const spec of processes) start(spec)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) supervise()

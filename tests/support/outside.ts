import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'

async function until(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${what} within ${timeoutMs} ms`)
}

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port })
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
  })

/**
 * A real Redis server of the test's own, on its own port (nothing kept on
 * disk), that the test can stop and start again mid-run.
 */
export class RedisServer {
  #child?: ChildProcess

  constructor(readonly port: number) {}

  async start() {
    this.#child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' })
    await until(() => listening(this.port), 10_000, `redis-server did not listen on ${this.port}`)
  }

  /** Gone at once, as a crashed server is. */
  async stop() {
    const child = this.#child
    if (!child || child.exitCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGKILL')
    await exited
  }
}

/**
 * A TCP path to a real server that the test opens and cuts: closed, the
 * port refuses connections (the server is "down"); cut, every open
 * connection drops (the server "restarted").
 */
export class TcpGate {
  #server?: net.Server
  #sockets = new Set<net.Socket>()

  constructor(
    readonly port: number,
    readonly target: number
  ) {}

  async open() {
    this.#server = net.createServer((client) => {
      const upstream = net.connect({ host: '127.0.0.1', port: this.target })
      for (const socket of [client, upstream]) {
        this.#sockets.add(socket)
        socket.once('close', () => this.#sockets.delete(socket))
        socket.on('error', () => {})
      }
      client.pipe(upstream).pipe(client)
      client.once('close', () => upstream.destroy())
      upstream.once('close', () => client.destroy())
    })
    await new Promise<void>((resolve) => this.#server!.listen(this.port, '127.0.0.1', resolve))
  }

  async close() {
    for (const socket of this.#sockets) socket.destroy()
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()))
    this.#server = undefined
  }
}

export { until }

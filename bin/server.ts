/*
 * HTTP server entrypoint (`node bin/server.js` from a build, or through
 * `node ace serve` in development). With WEB_CONCURRENCY=N (N > 1) the
 * process forks N HTTP workers sharing the port (node:cluster) and passes
 * SIGTERM/SIGINT on to them; what the workers share already lives in MySQL
 * and Redis (sessions, caches and their bus, rate limits, flash sales).
 */
import cluster from 'node:cluster'

const workers = Number(process.env.WEB_CONCURRENCY ?? 1)

if (cluster.isPrimary && Number.isInteger(workers) && workers > 1) {
  for (let i = 0; i < workers; i++) cluster.fork()
  const stop = (signal: NodeJS.Signals) => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal)
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
  let exited = 0
  cluster.on('exit', (_worker, code) => {
    exited++
    if (code !== 0) process.exitCode = code ?? 1
    if (exited === workers) process.exit()
  })
} else {
  await serve()
}

async function serve() {
  const { prettyPrintError } = await import('@adonisjs/core')
  const { ignitor } = await import('./ignite.js')
  ignitor()
    .httpServer()
    .start()
    .catch((error) => {
      process.exitCode = 1
      prettyPrintError(error)
      // A failed boot can leave providers' handles open: exit once the message is out.
      setTimeout(() => process.exit(1), 500).unref()
    })
}

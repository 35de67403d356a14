import { spawn, type ChildProcess } from 'node:child_process'
import { ApiClient } from '@japa/api-client'
import { Assert } from '@japa/assert'
import app from '@adonisjs/core/services/app'

/** An API client for group hooks (where Japa gives none), or for another instance. */
export function client(baseUrl = `http://${process.env.HOST}:${process.env.PORT}`) {
  return new ApiClient(baseUrl, new Assert())
}

/**
 * A second web process of this app on `port`, sharing the test databases and
 * Redis (or pointed elsewhere by `env`): for what crosses instances.
 */
export async function startInstance(port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import=@poppinss/ts-exec', 'bin/server.ts'], {
    cwd: app.appRoot.pathname,
    env: { ...process.env, NODE_ENV: 'test', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health/live`)).ok) return child
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  child.kill('SIGKILL')
  throw new Error(`instance on :${port} did not start`)
}

export async function stopInstance(child: ChildProcess) {
  if (child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))])
  if (child.exitCode === null) child.kill('SIGKILL')
}

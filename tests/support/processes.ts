import { spawn, type ChildProcess } from 'node:child_process'
import app from '@adonisjs/core/services/app'

/** A child process of the app with its output collected. */
export function spawnApp(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, args, {
    cwd: app.appRoot.pathname,
    env: { ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output: string[] = []
  child.stdout!.on('data', (chunk) => output.push(String(chunk)))
  child.stderr!.on('data', (chunk) => output.push(String(chunk)))
  return { child, output: () => output.join('') }
}

export async function stop(child: ChildProcess, timeoutMs = 25_000) {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  child.kill('SIGTERM')
  const code = await Promise.race([exited, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs))])
  if (code === 'timeout') child.kill('SIGKILL')
  return code
}

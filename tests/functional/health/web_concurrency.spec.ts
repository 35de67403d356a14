import { test } from '@japa/runner'
import { client as clientAt, startInstance } from '#tests/support/api_client'
import { hostOf } from '#tests/support/identity'

test.group('Web process with WEB_CONCURRENCY', () => {
  test('two HTTP workers share the port, serve the storefront, and all stop on SIGTERM', async ({ assert }) => {
    const port = 3341
    const primary = await startInstance(port, { WEB_CONCURRENCY: '2' })
    try {
      const api = clientAt(`http://127.0.0.1:${port}`)
      const answers = await Promise.all(Array.from({ length: 20 }, () => api.get('/api/v1/market').header('Host', hostOf('TH'))))
      assert.isTrue(answers.every((answer) => answer.status() === 200 && answer.body().data.currency.code === 'THB'))
      // Which process answered: both workers did, neither is the primary.
      const pids = new Set<number>()
      for (let i = 0; i < 20; i++) pids.add((await api.get('/health').header('Connection', 'close')).body().data.process.pid)
      assert.equal(pids.size, 2, `answered by ${[...pids].join(', ')}`)
      assert.notInclude([...pids], primary.pid!)
    } finally {
      const exited = new Promise<number | null>((resolve) => primary.once('exit', (code) => resolve(code)))
      primary.kill('SIGTERM')
      const code = await Promise.race([exited, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000))])
      if (code === 'timeout') primary.kill('SIGKILL')
      assert.equal(code, 0, 'the primary exits once both workers have stopped')
    }
  }).timeout(60_000)
})

import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'

test.group('Request logging', () => {
  test('every log line written through the request logger carries the request id', async ({ assert }) => {
    const ctx = await testUtils.createHttpContext()
    const id = ctx.request.id()
    assert.isString(id)
    assert.equal((ctx.logger as any).bindings().request_id, id)
  })
})

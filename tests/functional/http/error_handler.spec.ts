import { test } from '@japa/runner'
import vine from '@vinejs/vine'
import testUtils from '@adonisjs/core/services/test_utils'
import HttpExceptionHandler from '#http/exception_handler'
import { UnknownMarketError } from '#markets/exceptions'

async function render(error: unknown, headers: Record<string, string> = {}) {
  const ctx = await testUtils.createHttpContext()
  for (const [name, value] of Object.entries(headers)) ctx.request.request.headers[name] = value
  await new HttpExceptionHandler().handle(error, ctx)
  return { status: ctx.response.getStatus(), body: ctx.response.getBody() as any }
}

test.group('Error format', () => {
  test('a validation error is a 422 naming every bad field with its rule', async ({ assert }) => {
    const validator = vine.compile(
      vine.object({
        email: vine.string().email(),
        password: vine.string().minLength(8),
        age: vine.number().min(18),
      })
    )
    const error = await validator.validate({ email: 'nope', password: 'short' }).catch((e) => e)
    const { status, body } = await render(error)
    assert.equal(status, 422)
    assert.equal(body.error.code, 'E_VALIDATION_ERROR')
    assert.deepEqual(
      body.error.fields.map((f: any) => [f.field, f.rule]),
      [
        ['email', 'email'],
        ['password', 'minLength'],
        ['age', 'required'],
      ]
    )
    assert.equal(body.error.fields[1].message, 'password must have at least 8 characters.')
    assert.equal(body.error.message, 'The request has invalid fields: email, password, age.')
  })

  test('field messages are translated too', async ({ assert }) => {
    const validator = vine.compile(vine.object({ name: vine.string() }))
    const error = await validator.validate({}).catch((e) => e)
    const { body } = await render(error, { 'accept-language': 'pt-BR' })
    assert.equal(body.error.fields[0].field, 'name')
    assert.notEqual(body.error.fields[0].message, 'name is required.')
    assert.include(body.error.fields[0].message, 'name')
  })

  test('an unexpected error is a 500 that shows only the request id', async ({ assert }) => {
    const { status, body } = await render(new Error('secret table pasar_sea_1.users is corrupt'))
    assert.equal(status, 500)
    assert.equal(body.error.code, 'E_INTERNAL_ERROR')
    assert.notInclude(JSON.stringify(body), 'pasar_sea_1')
  })

  test('malformed JSON is a 400 E_BAD_REQUEST', async ({ assert }) => {
    const syntax = Object.assign(new SyntaxError('Unexpected token b in JSON'), { status: 400 })
    const { status, body } = await render(syntax)
    assert.deepEqual([status, body.error.code], [400, 'E_BAD_REQUEST'])
  })

  test('a domain error keeps its status and code and is translated', async ({ assert }) => {
    const { status, body } = await render(new UnknownMarketError('shop.example'), { 'accept-language': 'vi' })
    assert.equal(status, 404)
    assert.equal(body.error.code, 'E_UNKNOWN_MARKET')
    assert.include(body.error.message, 'shop.example')
    assert.notInclude(body.error.message, 'No storefront')
  })
})

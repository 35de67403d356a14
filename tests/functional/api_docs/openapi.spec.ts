import { test } from '@japa/runner'
import { Ajv } from 'ajv'
import { ACCESS_MATRIX, PUBLIC_ROUTES, type AccessRule } from '#identity/access_matrix'
import { ROUTE_DOCS, apiRoutes, openApiDocument } from '#api_docs/openapi'
import { STAFF_HOST, hostOf } from '#tests/support/identity'
import { expectedFor, routeFixture, sampleRequest, send, type RouteFixture } from '#tests/support/route_samples'
import { resetMarketConfig } from '#tests/support/markets'

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false })
// Built once the router has its routes (the HTTP server of the suite started).
let documents: { storefront: any; staff: any }
const operation = (document: any, method: string, pattern: string) => document.paths[pattern.replace(/:(\w+)/g, '{$1}')]?.[method]
const schemaOf = (ref: string) => (documents.storefront.components.schemas as any)[ref.split('/').at(-1)!]

/** The documented schema of an answer (success or error), from the operation's responses. */
function documented(op: any, status: number) {
  const key = op.responses[String(status)] ? String(status) : status >= 500 ? '503' : status >= 400 ? '4XX' : Object.keys(op.responses).find((candidate) => candidate.startsWith('2'))!
  const ref = op.responses[key]?.content?.['application/json']?.schema?.$ref
  return ref ? schemaOf(ref) : null
}

test.group('OpenAPI: generated from the router and the validators', (group) => {
  let fixture: RouteFixture
  group.setup(async () => {
    const { client } = await import('#tests/support/api_client')
    fixture = await routeFixture(client())
    documents = { storefront: openApiDocument('storefront'), staff: openApiDocument('staff') }
    // The fixture's config revision, and whatever the samples changed, go with the group.
    return () => resetMarketConfig()
  })
  const sampleOf = (name: string) => {
    try {
      return sampleRequest(name, fixture)
    } catch {
      return null
    }
  }

  test('every /api/v1 route of the router is documented, once, in the document of its host', ({ assert }) => {
    const routes = apiRoutes()
    assert.isAbove(routes.length, 80)
    for (const route of routes) {
      assert.isTrue(route.name in ROUTE_DOCS, `${route.name} has no entry in ROUTE_DOCS`)
      const inStorefront = operation(documents.storefront, route.method, route.pattern)
      const inStaff = operation(documents.staff, route.method, route.pattern)
      assert.isTrue(Boolean(inStorefront) !== Boolean(inStaff), `${route.method} ${route.pattern} is in exactly one document`)
      assert.equal((inStorefront ?? inStaff).operationId, route.name)
    }
    assert.equal(documents.storefront.openapi, '3.1.0')
    assert.exists(documents.storefront.components.securitySchemes.bearer)
    // Money-moving writes document their Idempotency-Key.
    const place = operation(documents.storefront, 'post', '/api/v1/orders')
    assert.isTrue(place.parameters.some((parameter: any) => parameter.name === 'Idempotency-Key' && parameter.required))
  })

  test('each documented body accepts the sample requests the API accepts and rejects an empty one where fields are required', ({ assert }) => {
    let checked = 0
    for (const route of apiRoutes()) {
      const document = operation(documents.storefront, route.method, route.pattern) ?? operation(documents.staff, route.method, route.pattern)
      const schema = document?.requestBody?.content['application/json'].schema
      if (!schema) continue
      const validate = ajv.compile(schema)
      const sample = sampleOf(route.name)
      if (sample?.body) {
        const { params: _params, ...body } = sample.body as Record<string, unknown>
        assert.isTrue(validate(body), `${route.name}: the sample body fails its documented schema: ${JSON.stringify(validate.errors)}`)
        checked++
      }
      if ((schema.required ?? []).length) assert.isFalse(validate({}), `${route.name}: {} passes a schema with required fields`)
    }
    assert.isAbove(checked, 25)
  })

  test('answers match their documented schemas: an error for every protected route, a success for every read route', async ({ client, assert }) => {
    const errorSchema = ajv.compile(schemaOf('#/components/schemas/Error'))
    const successSchema = ajv.compile(schemaOf('#/components/schemas/Success'))
    let answers = 0
    for (const route of apiRoutes()) {
      const rule = (ACCESS_MATRIX as Record<string, AccessRule>)[route.name]
      const op = operation(documents.storefront, route.method, route.pattern) ?? operation(documents.staff, route.method, route.pattern)
      if (rule) {
        const request = sampleRequest(route.name, fixture)
        const refused = await send(client, request, null)
        const refusedSchema = documented(op, refused.status())
        assert.equal(refused.status(), 401, route.name)
        assert.isTrue(errorSchema(refused.body()) && refusedSchema !== null, `${route.name}: ${JSON.stringify(errorSchema.errors)}`)
        answers++
        if (route.method !== 'get') continue
        const caller = fixture.callers.find((candidate) => expectedFor(rule, candidate) === 200)!
        const answer = await send(client, request, caller.token)
        assert.equal(answer.status(), 200, `${route.name} as ${caller.name}`)
        const files = Object.keys(op?.responses?.['200']?.content ?? {}).filter((type) => type !== 'application/json')
        if (files.length) assert.include(files, String(answer.header('content-type')).split(';')[0], `${route.name}: a documented file type`)
        else assert.isTrue(successSchema(answer.body()), `${route.name}: ${JSON.stringify(successSchema.errors)}`)
        answers++
      } else if ((PUBLIC_ROUTES as readonly string[]).includes(route.name) && route.method === 'get' && route.pattern.startsWith('/api/v1') && !route.pattern.includes(':') && route.name !== 'docs.show') {
        const host = route.name === 'staff.openapi.show' ? STAFF_HOST : hostOf('SG')
        const query = ({ 'search.index': '?q=shirt', 'search.suggest': '?q=sh' } as Record<string, string>)[route.name] ?? ''
        const answer = await client.get(`${route.pattern}${query}`).header('Host', host)
        assert.equal(answer.status(), 200, route.name)
        if (!route.name.includes('openapi')) assert.isTrue(successSchema(answer.body()), `${route.name}: ${JSON.stringify(successSchema.errors)}`)
        answers++
      }
    }
    assert.isAtLeast(answers, 100)
  }).timeout(120_000)

  test('the documents and the reference page are served by the app itself (no CDN)', async ({ client, assert }) => {
    const storefront = await client.get('/api/v1/openapi.json').header('Host', hostOf('ID'))
    storefront.assertStatus(200)
    assert.exists(storefront.body().paths['/api/v1/orders'])
    assert.notExists(storefront.body().paths['/api/v1/staff/login'])
    const staff = await client.get('/api/v1/staff/openapi.json').header('Host', STAFF_HOST)
    assert.exists(staff.body().paths['/api/v1/staff/login'])
    assert.notExists(staff.body().paths['/api/v1/orders'])
    const page = await client.get('/api/v1/docs').header('Host', hostOf('SG'))
    page.assertStatus(200)
    assert.include(page.text(), '/api/v1/docs/swagger-ui-bundle.js')
    assert.notMatch(page.text(), /https?:\/\//, 'nothing from another site')
    const bundle = await client.get('/api/v1/docs/swagger-ui-bundle.js').header('Host', hostOf('SG'))
    bundle.assertStatus(200)
    assert.match(String(bundle.header('content-type')), /javascript/)
    ;(await client.get('/api/v1/docs/..%2F..%2Fpackage.json').header('Host', hostOf('SG'))).assertStatus(422)
  })
})

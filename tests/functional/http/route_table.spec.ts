import { test } from '@japa/runner'
import { ACCESS_MATRIX, PUBLIC_ROUTES, type AccessRule } from '#identity/access_matrix'
import { stateFingerprint, uniqueIp } from '#tests/support/identity'
import { raw } from '#tests/support/http'
import { apiRoutes, expectedFor, routeFixture, sampleRequest, type Caller, type RouteFixture, type SampleRequest } from '#tests/support/route_samples'
import { resetMarketConfig } from '#tests/support/markets'

/**
 * Every write route of the router, with a caller the access matrix lets
 * through and a well-formed body: what each malformed variant is made from.
 */
function writeRoutes(fixture: RouteFixture) {
  const rules = ACCESS_MATRIX as Record<string, AccessRule>
  return apiRoutes()
    .filter((route) => route.methods.some((method) => method !== 'GET' && method !== 'HEAD'))
    .map((route) => {
      const name = route.name!
      const request = sampleRequest(name, fixture)
      const rule = rules[name]
      const caller: Caller | undefined = rule
        ? (fixture.callers.find((candidate) => candidate.name === 'global admin' && expectedFor(rule, candidate) === 200) ??
          fixture.callers.find((candidate) => expectedFor(rule, candidate) === 200))
        : { name: 'anonymous', token: null }
      return { name, request, token: caller?.token ?? null, challenge: rule && 'challenge' in rule && rule.challenge }
    })
}

/** The raw body variants every write route must refuse with a 4xx, changing nothing. */
function variants(request: SampleRequest) {
  const json = JSON.stringify(request.body ?? {})
  const wrongTypes = Object.fromEntries(Object.keys(request.body ?? { field: 1 }).map((key) => [key, [[{ $gt: '' }]]]))
  return [
    { name: 'a form body', type: 'application/x-www-form-urlencoded', body: 'a=1&b=2', status: [415] },
    { name: 'a text body', type: 'text/plain', body: json, status: [415] },
    { name: 'a multipart body', type: 'multipart/form-data; boundary=x', body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n', status: [415] },
    { name: 'gzip that does not decompress', type: 'application/json', encoding: 'gzip', body: json, status: [400] },
    { name: 'broken JSON', type: 'application/json', body: json.slice(0, -1), status: [400] },
    { name: 'a top-level array', type: 'application/json', body: '[1,2,3]', status: [400] },
    { name: 'wrong types in every field, and an unknown one', type: 'application/json', body: JSON.stringify({ ...wrongTypes, unknownField: 1 }), status: [400, 401, 403, 404, 409, 422] },
  ]
}

test.group('Every write route: malformed input and parallel copies', (group) => {
  let fixture: RouteFixture

  group.setup(async () => {
    const { client } = await import('#tests/support/api_client')
    fixture = await routeFixture(client())
    // The fixture's config revision, and whatever the samples changed, go with the group.
    return () => resetMarketConfig()
  })

  test('the route table is covered: every write route has a sample and a caller', ({ assert }) => {
    const routes = writeRoutes(fixture)
    assert.isAbove(routes.length, 20)
    for (const route of routes) {
      assert.isTrue(route.name in ACCESS_MATRIX || (PUBLIC_ROUTES as readonly string[]).includes(route.name), route.name)
      if (route.name in ACCESS_MATRIX && !route.challenge) assert.isNotNull(route.token, `${route.name} has an allowed caller`)
    }
  })

  test('wrong content types, broken encodings, broken JSON and wrong types are 4xx everywhere and change nothing', async ({ assert }) => {
    let probes = 0
    for (const route of writeRoutes(fixture)) {
      if (route.challenge) continue
      const before = await stateFingerprint()
      for (const variant of variants(route.request)) {
        const response = await raw({
          method: route.request.method,
          path: route.request.path,
          host: route.request.host,
          headers: {
            'content-type': variant.type,
            'x-forwarded-for': uniqueIp(),
            ...route.request.headers,
            ...(variant.encoding && { 'content-encoding': variant.encoding }),
            ...(route.token && { authorization: `Bearer ${route.token}` }),
          },
          body: variant.body,
        })
        const label = `${route.request.method} ${route.request.path} with ${variant.name}`
        assert.include(variant.status, response.status, `${label}: ${response.status} ${JSON.stringify(response.body)}`)
        assert.match(response.body?.error?.code ?? '', /^E_[A-Z_]+$/, label)
        probes++
      }
      assert.equal(await stateFingerprint(), before, `${route.name}: a refused request changed state`)
    }
    assert.isAbove(probes, 150)
  }).timeout(180_000)

  test('20 parallel identical requests to every write route: never a 5xx, and an order placed once', async ({ client, assert }) => {
    // Routes that end what other routes need (a session, a product on sale) go last.
    const last = ['ops.products.ban', 'ops.products.unban', 'auth.logout', 'staff.logout', 'me.password', 'seller.products.destroy', 'admin.staff.roles.destroy']
    const routes = writeRoutes(fixture).sort((a, b) => Number(last.includes(a.name)) - Number(last.includes(b.name)))
    for (const route of routes) {
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => {
          let call = (client as any)[route.request.method.toLowerCase()](route.request.path).header('Host', route.request.host).header('X-Forwarded-For', uniqueIp())
          for (const [name, value] of Object.entries(route.request.headers ?? {})) call = call.header(name, value)
          if (route.token) call = call.bearerToken(route.token)
          return route.request.body ? call.json(route.request.body) : call
        })
      )
      const statuses = responses.map((response: any) => response.status())
      assert.isTrue(statuses.every((status: number) => status < 500), `${route.name}: ${statuses.join(',')}`)
      if (route.name === 'orders.store') {
        assert.isTrue(statuses.every((status: number) => status === 201 || status === 409), `orders.store: ${responses.map((response: any) => JSON.stringify(response.body().error ?? response.status())).join(',')}`)
        const created = responses.filter((response: any) => response.status() === 201)
        assert.isAtLeast(created.length, 1)
        assert.equal(new Set(created.map((response: any) => response.body().data.checkoutId)).size, 1, 'one checkout for one key')
      }
    }
  }).timeout(180_000)
})

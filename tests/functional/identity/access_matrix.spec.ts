import { test } from '@japa/runner'
import { ACCESS_MATRIX, PUBLIC_ROUTES, type AccessRule } from '#identity/access_matrix'
import { stateFingerprint } from '#tests/support/identity'
import { apiRoutes, expectedFor, routeFixture, sampleRequest, send, type Caller, type RouteFixture } from '#tests/support/route_samples'
import { resetMarketConfig } from '#tests/support/markets'

test.group('Access matrix', (group) => {
  let fixture: RouteFixture
  let callers: Caller[] = []
  group.setup(async () => {
    const { client } = await import('#tests/support/api_client')
    fixture = await routeFixture(client())
    callers = fixture.callers
    // The fixture's config revision, and whatever the samples changed, go with the group.
    return () => resetMarketConfig()
  })
  const requestFor = (name: string) => sampleRequest(name, fixture)

  test('every /api/v1 route is public or has a line in the access matrix', ({ assert }) => {
    const names = apiRoutes().map((route) => route.name)
    for (const name of names) {
      assert.isTrue(
        name !== undefined && (name in ACCESS_MATRIX || (PUBLIC_ROUTES as readonly string[]).includes(name)),
        `route ${name} is neither public nor in the access matrix`
      )
    }
    for (const name of Object.keys(ACCESS_MATRIX)) assert.include(names, name, `matrix line ${name} has no route`)
  })

  test('every protected route refuses anonymous, other-market and wrong-role callers, changing nothing', async ({ client, assert }) => {
    let refusals = 0
    for (const [name, rule] of Object.entries(ACCESS_MATRIX) as [string, AccessRule][]) {
      const request = requestFor(name)
      const before = await stateFingerprint()
      for (const caller of callers) {
        const expected = expectedFor(rule, caller)
        if (expected === 200) continue
        const response = await send(client, request, caller.token)
        assert.equal(response.status(), expected, `${request.method} ${request.path} as ${caller.name}`)
        assert.equal(response.body().error.code, expected === 401 ? (caller.staffRoles && rule.audience === 'staff' ? 'E_TOTP_REQUIRED' : 'E_UNAUTHORIZED') : 'E_FORBIDDEN')
        refusals++
      }
      assert.equal(await stateFingerprint(), before, `${name}: a refused call changed state`)
    }
    assert.isAbove(refusals, 60)
  }).timeout(120_000)

  test('the allowed callers of every read route get through', async ({ client, assert }) => {
    for (const [name, rule] of Object.entries(ACCESS_MATRIX) as [string, AccessRule][]) {
      const request = requestFor(name)
      if (request.method !== 'GET') continue
      const allowed = callers.filter((caller) => expectedFor(rule, caller) === 200)
      assert.isNotEmpty(allowed, name)
      for (const caller of allowed) {
        const response = await send(client, request, caller.token)
        assert.equal(response.status(), 200, `${name} as ${caller.name}`)
      }
    }
  }).timeout(60_000)
})

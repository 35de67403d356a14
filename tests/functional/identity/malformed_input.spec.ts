import { test } from '@japa/runner'
import {
  PASSWORD,
  STAFF_HOST,
  accountFactory,
  hostOf,
  staffFactory,
  staffWithSession,
  stateFingerprint,
  uniqueIp,
} from '#tests/support/identity'

const deep = (depth: number): unknown => (depth === 0 ? 'x' : { a: deep(depth - 1) })

/** What clients and attackers send that a schema did not expect. */
const CORPUS: { name: string; raw?: string; json?: unknown }[] = [
  { name: 'not JSON', raw: '{"email": ' },
  { name: 'JSON null', raw: 'null' },
  { name: 'a bare string', raw: '"hello"' },
  { name: 'a number', raw: '42' },
  { name: 'an array', json: [1, 2, 3] },
  { name: 'an empty object', json: {} },
  { name: 'wrong types', json: { email: 12, password: true, role: ['buyer'], fullName: { x: 1 }, code: 123456, name: 7 } },
  { name: 'NoSQL operators', json: { email: { $gt: '' }, password: { $ne: null }, code: { $regex: '.*' } } },
  { name: 'SQL injection', json: { email: "' OR '1'='1' --@x.com", password: "'; DROP TABLE users; --", fullName: "Robert'); DROP TABLE users;--", code: "1' OR '1" } },
  // Markup in a free-text field is stored as text; these bodies also carry an invalid slug, email or role.
  { name: 'script injection', json: { email: '<script>alert(1)</script>@x.com', fullName: '<img src=x onerror=alert(1)>', name: '{{7*7}}', slug: '<script>', role: '${process.exit()}', code: '<b>1</b>' } },
  { name: 'control and bidi characters', json: { email: 'a\u0000b@x.com', fullName: 'evil\u202Egnp.exe', name: '\u0007bell', password: '\u0000'.repeat(12) } },
  { name: 'emoji and astral planes', json: { email: '😀@😀.com', fullName: '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', password: '🔑'.repeat(40) } },
  { name: 'huge strings', json: { email: `${'a'.repeat(300_000)}@x.com`, password: 'p'.repeat(300_000), fullName: 'n'.repeat(300_000), name: 's'.repeat(300_000) } },
  { name: 'deep nesting', json: deep(2000) },
  { name: 'prototype pollution', raw: '{"__proto__": {"role": "seller", "isAdmin": true}, "constructor": {"prototype": {"x": 1}}}' },
  { name: 'numbers out of range', json: { markets: [1e308, -0, NaN], role: 1e400, code: -1 } },
  { name: 'body over the size limit', raw: JSON.stringify({ fullName: 'x'.repeat(2 * 1024 * 1024) }) },
]

test.group('Malformed input', (group) => {
  const tokens: Record<string, string> = {}
  let targetStaffId = ''

  group.setup(async () => {
    const { client } = await import('#tests/support/api_client')
    tokens.seller = (await accountFactory('SG', 'seller')).token
    tokens.admin = (await staffWithSession(client(), [{ role: 'admin', markets: ['*'] }])).token
    const challenger = await staffFactory([{ role: 'ops', markets: ['SG'] }])
    const login = await client()
      .post('/api/v1/staff/login')
      .header('Host', STAFF_HOST)
      .json({ email: challenger.email, password: PASSWORD })
    tokens.challenge = login.body().data.challengeToken.value
    targetStaffId = (await staffFactory([])).staff.publicId
  })

  /** Every route of this issue that reads a body, with a caller who gets past authorization. */
  const routes = () => [
    { name: 'register', method: 'post', path: '/api/v1/auth/register', host: hostOf('SG'), token: null },
    { name: 'login', method: 'post', path: '/api/v1/auth/login', host: hostOf('SG'), token: null },
    { name: 'change password', method: 'put', path: '/api/v1/me/password', host: hostOf('SG'), token: tokens.seller },
    { name: 'update shop', method: 'put', path: '/api/v1/seller/shop', host: hostOf('SG'), token: tokens.seller },
    { name: 'staff login', method: 'post', path: '/api/v1/staff/login', host: STAFF_HOST, token: null },
    { name: 'totp verify', method: 'post', path: '/api/v1/staff/totp/verify', host: STAFF_HOST, token: tokens.challenge },
    { name: 'create staff', method: 'post', path: '/api/v1/admin/staff', host: STAFF_HOST, token: tokens.admin },
    { name: 'grant role', method: 'post', path: `/api/v1/admin/staff/${targetStaffId}/roles`, host: STAFF_HOST, token: tokens.admin },
  ]

  test('every malformed body to every identity route is a 4xx JSON error and changes nothing', async ({ client, assert }) => {
    const before = await stateFingerprint()
    for (const route of routes()) {
      for (const entry of CORPUS) {
        let call = (client as any)[route.method](route.path).header('Host', route.host).header('X-Forwarded-For', uniqueIp())
        if (route.token) call = call.bearerToken(route.token)
        call =
          entry.raw !== undefined
            ? call.unsafeJson(entry.raw)
            : call.json(entry.json)
        const response = await call
        const label = `${route.name} with ${entry.name}`
        assert.isAtLeast(response.status(), 400, label)
        assert.isBelow(response.status(), 500, label)
        assert.match(response.body()?.error?.code ?? '', /^E_[A-Z_]+$/, label)
      }
    }
    assert.equal(await stateFingerprint(), before)
  }).timeout(120_000)

  test('malformed query strings and path ids are 4xx too', async ({ client, assert }) => {
    const probes = [
      '/api/v1/admin/audit-log?limit=-1',
      '/api/v1/admin/audit-log?limit=abc&cursor=%00',
      '/api/v1/admin/audit-log?limit[]=1&action=DROP%20TABLE',
      '/api/v1/admin/audit-log?cursor=' + 'A'.repeat(5000),
    ]
    for (const path of probes) {
      const response = await client.get(path).header('Host', STAFF_HOST).bearerToken(tokens.admin)
      assert.equal(response.status(), 422, path)
    }
    for (const id of ['1', 'STF-x', "STF-' OR 1=1", 'STF-' + '0'.repeat(26)]) {
      const response = await client
        .post(`/api/v1/admin/staff/${encodeURIComponent(id)}/roles`)
        .header('Host', STAFF_HOST)
        .bearerToken(tokens.admin)
        .json({ role: 'ops', markets: ['SG'] })
      assert.oneOf(response.status(), [404, 422], id)
    }
  })
})

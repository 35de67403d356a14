import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'
import { CONSOLE_ACCESS, CONSOLE_PUBLIC } from '#console/access'
import { raw } from '#tests/support/http'
import { STAFF_HOST } from '#tests/support/identity'

const consoleRoutes = () =>
  Object.values(router.toJSON())
    .flat()
    .filter((route) => route.pattern.startsWith('/console'))

/** A sample value for each route parameter: a real-looking id of SG. */
const sample = (pattern: string) => pattern.replace(':code', 'SG').replace(/:(id|number)/, 'SG-01JABCDEFGHJKMNPQRSTVWXYZ0').replace(':n', '1').replace(':month', '2026-01').replace(':assignment', '1').replace('*', 'console.css')

test.group('Console routes: every page has an access rule, and none answers without a session', () => {
  test('every /console route is public or has a line in CONSOLE_ACCESS, and every line has a route', ({ assert }) => {
    const names = consoleRoutes().map((route) => route.name)
    assert.isAbove(names.length, 30)
    for (const name of names) assert.isTrue(name !== undefined && (name in CONSOLE_ACCESS || (CONSOLE_PUBLIC as readonly string[]).includes(name)), `console route ${name} has no access rule`)
    for (const name of Object.keys(CONSOLE_ACCESS)) assert.include(names, name, `access line ${name} has no route`)
  })

  test('without a session, every protected page sends to the sign-in page (GET) or is refused (POST), and sets no staff', async ({ assert }) => {
    let checked = 0
    for (const route of consoleRoutes()) {
      if (!(route.name! in CONSOLE_ACCESS)) continue
      for (const method of route.methods.filter((candidate) => candidate !== 'HEAD')) {
        const answer = await raw({ method, path: sample(route.pattern), host: STAFF_HOST, headers: method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}, body: method === 'POST' ? 'a=1' : undefined })
        if (method === 'GET') {
          assert.equal(answer.status, 302, `${method} ${route.pattern}`)
          assert.equal(answer.headers.location, '/console/sign-in', `${method} ${route.pattern}`)
        } else {
          // No session, so no CSRF secret: shield refuses the form before anything reads it.
          assert.equal(answer.status, 403, `${method} ${route.pattern}`)
        }
        checked++
      }
    }
    assert.isAtLeast(checked, 30)
  })

  test('console pages answer with browser protections: CSP, no framing, no sniffing, no caching', async ({ assert }) => {
    const page = await raw({ method: 'GET', path: '/console/sign-in', host: STAFF_HOST })
    assert.equal(page.status, 200)
    assert.match(String(page.headers['content-security-policy']), /default-src 'self'.*frame-ancestors 'none'/)
    assert.equal(page.headers['x-frame-options'], 'DENY')
    assert.equal(page.headers['x-content-type-options'], 'nosniff')
    assert.equal(page.headers['cache-control'], 'no-store')
    const css = await raw({ method: 'GET', path: '/console/assets/console.css', host: STAFF_HOST })
    assert.equal(css.status, 200)
    assert.match(String(css.headers['content-type']), /text\/css/)
    assert.isUndefined(css.headers['set-cookie'])
    const missing = await raw({ method: 'GET', path: '/console/assets/nothing.css', host: STAFF_HOST })
    assert.equal(missing.status, 404)
    const traversal = await raw({ method: 'GET', path: '/console/assets/..%2f..%2f.env.test', host: STAFF_HOST })
    assert.equal(traversal.status, 404)
  })
})

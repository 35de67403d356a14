import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
// Its declarations give HttpContext its `auth`.
import type {} from '@adonisjs/auth/initialize_auth_middleware'

/**
 * `ctx.auth` for every request, as @adonisjs/auth's own middleware makes it,
 * without sharing it with templates: that middleware reads `ctx.view`,
 * which builds a template renderer per request (with the staff console's
 * views installed, a third of the API's throughput). No template reads
 * `auth`: the console's pages get their staff member from its session.
 */
export default class InitializeAuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    ctx.auth = (await ctx.containerResolver.make('auth.manager')).createAuthenticator(ctx)
    return next()
  }
}

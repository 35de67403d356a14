import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import markets from '#markets/services/main'
import { CONSOLE_ACCESS, SECTIONS } from '#console/access'
import { ConsoleSessions } from '#console/services/console_sessions'
import { StaffScope } from '#identity/services/staff_scope'
import { ForbiddenError, UnauthorizedError } from '#identity/exceptions'
import { NotFoundError } from '#exceptions/not_found_error'
import { UnknownMarketError } from '#markets/exceptions'
import { MARKET_PUBLIC_ID } from '#validation/rules'
import type Staff from '#identity/models/staff'

declare module '@adonisjs/core/http' {
  interface HttpContext {
    /** The staff member signed in to the console. */
    staff: Staff
  }
}

/**
 * Signed-in console pages. The staff member comes from the session only
 * (an Authorization header, a storefront token or a staff API token, is
 * never read here), is loaded with their roles on every request (a revoked
 * role or a disabled account takes effect at once), and must hold the
 * page's roles over the page's market (CONSOLE_ACCESS; fails closed). The
 * market of a page is the code, order number or export id of its URL, so
 * editing the URL reaches nothing outside the staff member's scope.
 */
export default class ConsoleAuthMiddleware {
  #sessions = new ConsoleSessions()

  async handle(ctx: HttpContext, next: NextFn) {
    const rule = CONSOLE_ACCESS[ctx.route?.name ?? '']
    if (!rule) throw new ForbiddenError('This console page has no access rule')
    const staff = await this.#sessions.signedIn(ctx.session)
    if (!staff) throw new UnauthorizedError()
    ctx.staff = staff

    const scope = new StaffScope(staff.roles)
    if (!scope.hasAnyRole(rule.roles)) throw new ForbiddenError()
    if (rule.global && !scope.isGlobal(rule.roles)) throw new ForbiddenError()
    if (rule.market) {
      const raw = String(ctx.params[rule.market.param] ?? '')
      if (rule.market.kind === 'public_id' && !MARKET_PUBLIC_ID.test(raw)) throw new NotFoundError(rule.market.param === 'number' ? 'order' : 'export')
      const code = rule.market.kind === 'code' ? raw.toUpperCase() : raw.slice(0, 2)
      const config = markets.find(code)
      if (!config) throw new UnknownMarketError(code)
      if (!scope.covers(rule.roles, config)) throw new ForbiddenError()
      ctx.market = markets.context(config.code, ctx.locale)
      ctx.logger = ctx.logger.child({ market: config.code })
    }

    const inScope = markets.all().filter((market) => scope.covers(['admin', 'ops', 'finance', 'support'], market))
    ctx.view.share({
      staff: { name: staff.fullName, email: staff.email, roles: scope.roles() },
      marketsInScope: inScope.map((market) => ({ code: market.code, name: market.name })),
      market: ctx.market ? { code: ctx.market.code, name: ctx.market.config.name, timezone: ctx.market.config.timezone, currency: ctx.market.config.currency } : null,
      sections: ctx.market ? SECTIONS.filter((section) => scope.covers(section.roles, ctx.market.config)) : [],
      can: {
        support: scope.hasAnyRole(['admin', 'support']),
        admin: scope.hasAnyRole(['admin']),
        audit: scope.isGlobal(['admin']),
      },
    })
    return next()
  }
}

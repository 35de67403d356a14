import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { Bouncer } from '@adonisjs/bouncer'
import limiter from '@adonisjs/limiter/services/main'
import { errors as limiterErrors } from '@adonisjs/limiter'
import markets from '#markets/services/main'
import {
  accessRuleOf,
  STAFF_ABILITY,
  STAFF_CHALLENGE_ABILITY,
  STOREFRONT_ABILITY,
} from '#identity/access_matrix'
import StaffMarketPolicy from '#identity/policies/staff_market_policy'
import { ForbiddenError, RateLimitedError, TotpRequiredError, UnauthorizedError } from '#identity/exceptions'
import type Account from '#identity/models/account'
import { MARKET_PUBLIC_ID } from '#validation/rules'
import { NotFoundError } from '#exceptions/not_found_error'

/**
 * Enforces the access matrix for the matched route: authenticates with the
 * route's guard, then checks role, token stage and market scope. Fails
 * closed: a protected route missing from the matrix is refused.
 *
 * Staff routes of one market (`/ops|/finance|/support/markets/:code/...`,
 * `marketParam` in the matrix) get their market here, once: `:code` is
 * resolved (unknown: 404 E_UNKNOWN_MARKET), the staff member's scope over
 * it checked, and `ctx.market` set as on a storefront, answering in the
 * staff member's language.
 */
/** The market a record's public id belongs to (`SG-01J...` is SG's); anything else is no record at all. */
function marketOfPublicId(id: string) {
  if (!MARKET_PUBLIC_ID.test(id)) throw new NotFoundError('export')
  return id.slice(0, 2)
}

export default class AuthorizeMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const rule = accessRuleOf(ctx.route?.name)
    if (!rule) throw new ForbiddenError('This route has no access rule')

    if (rule.audience === 'storefront') {
      const account = await ctx.auth.use('storefront').authenticate()
      if (!account.currentAccessToken?.allows(STOREFRONT_ABILITY)) throw new UnauthorizedError()
      if (!(rule.roles as readonly string[]).includes(account.role)) throw new ForbiddenError()
      await this.throttleAccount(ctx, account)
      this.noStore(ctx)
      return next()
    }

    const staff = await ctx.auth.use('staff').authenticate()
    const token = staff.currentAccessToken!
    if (rule.challenge) {
      if (!token.allows(STAFF_CHALLENGE_ABILITY)) throw new ForbiddenError('Already signed in')
    } else if (!token.allows(STAFF_ABILITY)) {
      throw new TotpRequiredError()
    }

    const bouncer = new Bouncer(staff)
    const roles = rule.roles
    if (!rule.challenge && !staff.roles.some((assignment) => roles.includes(assignment.role))) {
      throw new ForbiddenError()
    }
    if (rule.global && (await bouncer.with(StaffMarketPolicy).denies('actEverywhere', roles))) {
      throw new ForbiddenError()
    }
    if (rule.marketParam || rule.marketOfId) {
      const code = rule.marketParam ? String(ctx.params[rule.marketParam] ?? '') : marketOfPublicId(String(ctx.params[rule.marketOfId!] ?? ''))
      const market = markets.context(code, ctx.locale)
      if (await bouncer.with(StaffMarketPolicy).denies('act', roles, market.config)) throw new ForbiddenError()
      ctx.market = market
      ctx.logger = ctx.logger.child({ market: market.code })
    }
    this.noStore(ctx)
    return next()
  }

  /** An answer for one signed-in caller: never stored by a shared cache, never sniffed. */
  private noStore(ctx: HttpContext) {
    ctx.response.header('Cache-Control', 'no-store')
  }

  /**
   * The market's API budget per account (limits.apiRequestsPerMinute), all
   * its tokens together: signing in again does not buy a fresh budget.
   */
  private async throttleAccount(ctx: HttpContext, account: Account) {
    const requests = ctx.market.limits.apiRequestsPerMinute
    try {
      const response = await limiter
        .use('redis', { requests, duration: '1 min' })
        .consume(ctx.market.key('api', 'account', account.id))
      ctx.response.header('X-RateLimit-Limit', String(response.limit))
      ctx.response.header('X-RateLimit-Remaining', String(response.remaining))
    } catch (error) {
      if (error instanceof limiterErrors.E_TOO_MANY_REQUESTS) {
        throw new RateLimitedError(error.response.availableIn)
      }
      // Redis is down: the budget cannot be counted, and a buyer must still
      // be able to check out. Fails open (sign-in throttling fails closed).
      warnAtMostEvery(10_000, () => ctx.logger.warn({ err: error }, 'API budget not counted (Redis unreachable): request let through'))
    }
  }
}

let lastWarning = 0
function warnAtMostEvery(ms: number, warn: () => void) {
  if (Date.now() - lastWarning < ms) return
  lastWarning = Date.now()
  warn()
}

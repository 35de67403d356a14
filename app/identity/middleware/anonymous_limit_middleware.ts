import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import limiter from '@adonisjs/limiter/services/main'
import { errors as limiterErrors } from '@adonisjs/limiter'
import { RateLimitedError } from '#identity/exceptions'

/**
 * Reads without a token (catalog, search) are limited per client IP to the
 * market's `limits.anonymousRequestsPerMinute`. Counted in each web
 * process's memory: the cached read path stays free of network round
 * trips, and with N processes behind a balancer one IP gets at most N
 * budgets (an edge or WAF limit covers whole fleets). Signed-in reads are
 * counted against the account's budget instead.
 */
export default class AnonymousLimitMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (!ctx.request.header('authorization')) {
      try {
        await limiter
          .use('memory', { requests: ctx.market.limits.anonymousRequestsPerMinute, duration: '1 min' })
          .consume(ctx.market.key('anonymous', ctx.request.ip()))
      } catch (error) {
        if (error instanceof limiterErrors.E_TOO_MANY_REQUESTS) throw new RateLimitedError(error.response.availableIn)
        throw error
      }
    }
    return next()
  }
}

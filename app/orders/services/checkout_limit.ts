import redis from '@adonisjs/redis/services/main'
import logger from '@adonisjs/core/services/logger'
import limiter from '@adonisjs/limiter/services/main'
import { errors as limiterErrors } from '@adonisjs/limiter'
import { createHash } from 'node:crypto'
import type { MarketContext } from '#markets/market_context'
import type Account from '#identity/models/account'
import { DomainError } from '#exceptions/domain_error'

export class CheckoutRateLimitedError extends DomainError {
  static status = 429
  static code = 'E_RATE_LIMITED'
  constructor(seconds: number) {
    super(`Too many checkouts, retry in ${seconds} s`, { seconds }, { headers: { 'Retry-After': String(Math.max(1, Math.ceil(seconds))) } })
  }
}

/**
 * The market's `limits.checkoutPerMinute`, per buyer: placing orders
 * reserves stock, so a script cannot hold a shelf by checking out in a
 * loop. A checkout is counted once per idempotency key: retries and
 * parallel copies of one request are the same checkout.
 */
export class CheckoutLimit {
  async consume(market: MarketContext, buyer: Account, idempotencyKey: string) {
    const seen = market.key('checkout', buyer.id, createHash('sha256').update(idempotencyKey).digest('base64url').slice(0, 22))
    let first: boolean
    try {
      first = (await redis.connection().set(seen, '1', 'EX', 60, 'NX')) === 'OK'
    } catch (error) {
      // Redis is down: checkouts go on uncounted rather than stop.
      logger.warn({ err: error, market: market.code }, 'checkout limit not counted (Redis unreachable)')
      return
    }
    if (!first) return
    try {
      await limiter.use('redis', { requests: market.limits.checkoutPerMinute, duration: '1 min' }).consume(market.key('checkout', buyer.id))
    } catch (error) {
      if (error instanceof limiterErrors.E_TOO_MANY_REQUESTS) {
        // Refused, so not a checkout: the same key may try again later.
        await redis.connection().del(seen)
        throw new CheckoutRateLimitedError(error.response.availableIn)
      }
      logger.warn({ err: error, market: market.code }, 'checkout limit not counted (Redis unreachable)')
    }
  }
}

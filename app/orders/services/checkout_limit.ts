import redis from '@adonisjs/redis/services/main'
import logger from '@adonisjs/core/services/logger'
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
 * One round trip: a key already counted passes (retries and parallel
 * copies of one request are one checkout); otherwise the buyer's count in
 * the current minute grows, and past the limit the checkout is refused and
 * not counted. Answers 0 (go) or the seconds until the window ends.
 */
const COUNT = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local count = redis.call('INCR', KEYS[2])
if count == 1 then redis.call('EXPIRE', KEYS[2], 60) end
if count > tonumber(ARGV[1]) then
  redis.call('DECR', KEYS[2])
  local ttl = redis.call('TTL', KEYS[2])
  if ttl < 1 then ttl = 1 end
  return ttl
end
redis.call('SET', KEYS[1], '1', 'EX', 60)
return 0
`

/**
 * The market's `limits.checkoutPerMinute`, per buyer: placing orders
 * reserves stock, so a script cannot hold a shelf by checking out in a
 * loop. Counted once per idempotency key. Without Redis, checkouts go on
 * uncounted rather than stop.
 */
export class CheckoutLimit {
  async consume(market: MarketContext, buyer: Account, idempotencyKey: string) {
    const seen = market.key('checkout', buyer.id, createHash('sha256').update(idempotencyKey).digest('base64url').slice(0, 22))
    let wait: number
    try {
      wait = Number(await redis.connection().eval(COUNT, 2, seen, market.key('checkout', buyer.id), String(market.limits.checkoutPerMinute)))
    } catch (error) {
      logger.warn({ err: error, market: market.code }, 'checkout limit not counted (Redis unreachable)')
      return
    }
    if (wait > 0) throw new CheckoutRateLimitedError(wait)
  }
}

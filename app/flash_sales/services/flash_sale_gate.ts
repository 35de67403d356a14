import { createHash } from 'node:crypto'
import redis from '@adonisjs/redis/services/main'
import type { MarketContext } from '#markets/market_context'
import { DomainError } from '#exceptions/domain_error'
import { DependencyUnavailableError } from '#exceptions/dependency_unavailable_error'

export class FlashSaleRefusedError extends DomainError {
  static status = 409
  static code = 'E_FLASH_SALE_REFUSED'
  constructor(sku: string, reason: 'sold_out' | 'limit' | 'closed') {
    super(`Flash sale of ${sku}: ${reason}`, { sku, reason }, { details: { sku, reason } })
  }
}

/**
 * One atomic step in Redis: the sale is open, this buyer stays within the
 * per-buyer limit, units are left; then the units are taken, and the
 * request's idempotency key is recorded as holding them. Answers the units
 * left, or -1 sold out, -2 over the buyer's limit, -3 outside the window
 * (or no counters: the sale was never loaded), -4 this idempotency key
 * already holds units (a retry).
 */
const RESERVE = `
if redis.call('HEXISTS', KEYS[4], ARGV[5]) == 1 then return -4 end
local stock = redis.call('GET', KEYS[1])
if not stock then return -3 end
stock = tonumber(stock)
local now = tonumber(ARGV[1])
local quantity = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
local starts = tonumber(redis.call('HGET', KEYS[3], 'starts') or '0')
local ends = tonumber(redis.call('HGET', KEYS[3], 'ends') or '0')
if now < starts or now >= ends then return -3 end
local bought = tonumber(redis.call('HGET', KEYS[2], ARGV[4]) or '0')
if bought + quantity > limit then return -2 end
if stock < quantity then return -1 end
redis.call('DECRBY', KEYS[1], quantity)
redis.call('HINCRBY', KEYS[2], ARGV[4], quantity)
redis.call('HSET', KEYS[4], ARGV[5], quantity)
local ttl = redis.call('TTL', KEYS[1])
if ttl > 0 then
  redis.call('EXPIRE', KEYS[2], ttl)
  redis.call('EXPIRE', KEYS[4], ttl)
end
return stock - quantity
`

/**
 * Gives back what one request took: only if that request (buyer and
 * idempotency key) still holds units, so a second give-back changes nothing.
 */
const GIVE_BACK = `
if redis.call('HDEL', KEYS[3], ARGV[3]) == 0 then return 0 end
redis.call('INCRBY', KEYS[1], ARGV[1])
local left = redis.call('HINCRBY', KEYS[2], ARGV[2], -tonumber(ARGV[1]))
if left <= 0 then redis.call('HDEL', KEYS[2], ARGV[2]) end
return 1
`

/** Units of a cancelled order back on sale and in the buyer's allowance (while the sale's counters exist). */
const RETURN = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('INCRBY', KEYS[1], ARGV[1])
local left = redis.call('HINCRBY', KEYS[2], ARGV[2], -tonumber(ARGV[1]))
if left <= 0 then redis.call('HDEL', KEYS[2], ARGV[2]) end
return 1
`

/** A sale as the gate knows it: by its public id, never by its per-shard row id. */
export interface GatedSale {
  publicId: string
}

/**
 * The sale's four keys, namespaced by market and sharing one hash tag (the
 * public id in braces), so a Redis Cluster keeps them in one slot, as a
 * multi-key script needs.
 */
const keys = (market: MarketContext, sale: GatedSale) => {
  const tag = `{${sale.publicId}}`
  return [market.key('flash', tag, 'stock'), market.key('flash', tag, 'buyers'), market.key('flash', tag, 'window'), market.key('flash', tag, 'requests')]
}
const shas = new Map<string, string>()
const shaOf = (script: string) => {
  let sha = shas.get(script)
  if (!sha) shas.set(script, (sha = createHash('sha1').update(script).digest('hex')))
  return sha
}
const requestField = (buyerId: string, idempotencyKey: string) => `${buyerId}:${idempotencyKey}`

/** The Redis side of flash sales: counters per sale, reserved before MySQL. */
export class FlashSaleGate {
  private get client() {
    return redis.connection()
  }

  async load(market: MarketContext, sale: GatedSale & { stock: number; startsAt: Date; endsAt: Date }, sold = 0, buyers: Record<string, number> = {}) {
    const [stockKey, buyersKey, windowKey, requestsKey] = keys(market, sale)
    const ttl = Math.max(60, Math.ceil((sale.endsAt.getTime() - Date.now()) / 1000) + 7 * 86_400)
    const pipeline = this.client.multi()
    pipeline.set(stockKey, String(sale.stock - sold), 'EX', ttl)
    pipeline.del(buyersKey)
    for (const [buyer, quantity] of Object.entries(buyers)) pipeline.hset(buyersKey, buyer, String(quantity))
    pipeline.expire(buyersKey, ttl)
    pipeline.hset(windowKey, 'starts', String(sale.startsAt.getTime()), 'ends', String(sale.endsAt.getTime()))
    pipeline.expire(windowKey, ttl)
    pipeline.del(requestsKey)
    try {
      await pipeline.exec()
    } catch (error) {
      throw new DependencyUnavailableError('Redis', error)
    }
  }

  /** Runs a script by its SHA-1 (sent in full only when Redis does not have it yet). */
  private async run(script: string, keyCount: number, ...args: string[]) {
    const sha = shaOf(script)
    try {
      try {
        return await this.client.evalsha(sha, keyCount, ...args)
      } catch (error) {
        if (!String((error as Error).message).startsWith('NOSCRIPT')) throw error
        return await this.client.eval(script, keyCount, ...args)
      }
    } catch (error) {
      // The gate is what keeps a flash sale from overselling: without Redis
      // it cannot count, so flash-sale checkouts are refused (503) while
      // ordinary checkouts go on.
      throw new DependencyUnavailableError('Redis', error)
    }
  }

  /** Units left after taking these, or 'retry' when this key already holds units of the sale. */
  async reserve(
    market: MarketContext,
    sale: GatedSale & { perBuyerLimit: number },
    buyerId: string,
    idempotencyKey: string,
    quantity: number,
    skuLabel: string,
    now = Date.now()
  ) {
    const result = Number(
      await this.run(RESERVE, 4, ...keys(market, sale), String(now), String(quantity), String(sale.perBuyerLimit), buyerId, requestField(buyerId, idempotencyKey))
    )
    if (result === -1) throw new FlashSaleRefusedError(skuLabel, 'sold_out')
    if (result === -2) throw new FlashSaleRefusedError(skuLabel, 'limit')
    if (result === -3) throw new FlashSaleRefusedError(skuLabel, 'closed')
    if (result === -4) return 'retry' as const
    return result
  }

  async giveBack(market: MarketContext, sale: GatedSale, buyerId: string, idempotencyKey: string, quantity: number) {
    const [stockKey, buyersKey, , requestsKey] = keys(market, sale)
    await this.run(GIVE_BACK, 3, stockKey, buyersKey, requestsKey, String(quantity), buyerId, requestField(buyerId, idempotencyKey))
  }

  /**
   * Units of a cancelled flash order go back on sale, and back into the
   * buyer's allowance. (Its idempotency key keeps answering with that order.)
   */
  async returnUnits(market: MarketContext, sale: GatedSale, buyerId: string, quantity: number) {
    const [stockKey, buyersKey] = keys(market, sale)
    await this.run(RETURN, 2, stockKey, buyersKey, String(quantity), buyerId)
  }

  async remaining(market: MarketContext, sale: GatedSale): Promise<number | null> {
    const value = await this.client.get(keys(market, sale)[0])
    return value === null ? null : Number(value)
  }

  async buyers(market: MarketContext, sale: GatedSale): Promise<Record<string, number>> {
    const raw = await this.client.hgetall(keys(market, sale)[1])
    return Object.fromEntries(Object.entries(raw).map(([buyer, quantity]) => [buyer, Number(quantity)]))
  }
}

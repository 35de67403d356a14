import cache from '@adonisjs/cache/services/main'
import logger from '@adonisjs/core/services/logger'
import type { MarketContext } from '#markets/market_context'
import { unwrapFactoryError } from '#exceptions/cache_errors'

/**
 * What storefronts read most, cached per market and locale in the
 * two-level cache (memory + Redis, bus-synchronised). Every write path of
 * the catalog ends in `productChanged` / `categoriesChanged`, which drop the
 * affected entries in every process at once.
 */
export class CatalogCache {
  static productTag = (market: string, publicId: string) => `product:${market}:${publicId}`
  static listingTag = (market: string) => `listing:${market}`
  static categoriesTag = (market: string) => `categories:${market}`
  static flashSalesTag = (market: string) => `flash-sales:${market}`

  productDetail<T>(market: MarketContext, locale: string, publicId: string, factory: () => Promise<T>) {
    return unwrapFactoryError(cache.getOrSet({
      key: `catalog:product:${market.code}:${publicId}:${locale}`,
      ttl: '10m',
      tags: [CatalogCache.productTag(market.code, publicId)],
      factory,
    }))
  }

  listing<T>(market: MarketContext, locale: string, query: string, factory: () => Promise<T>) {
    return unwrapFactoryError(cache.getOrSet({
      key: `catalog:listing:${market.code}:${locale}:${query}`,
      ttl: '2m',
      tags: [CatalogCache.listingTag(market.code)],
      factory,
    }))
  }

  categories<T>(market: MarketContext, locale: string, factory: () => Promise<T>) {
    return unwrapFactoryError(cache.getOrSet({
      key: `catalog:categories:${market.code}:${locale}`,
      ttl: '1h',
      tags: [CatalogCache.categoriesTag(market.code)],
      factory,
    }))
  }

  /** The flash sales of a market not yet ended (checkout looks them up on every order). */
  flashSales<T>(market: MarketContext, factory: () => Promise<T>) {
    return unwrapFactoryError(cache.getOrSet({
      key: `catalog:flash-sales:${market.code}`,
      ttl: '1m',
      tags: [CatalogCache.flashSalesTag(market.code)],
      factory,
    }))
  }

  async flashSalesChanged(market: MarketContext) {
    await this.invalidate(market, [CatalogCache.flashSalesTag(market.code)])
  }

  async productsChanged(market: MarketContext, publicIds: string[]) {
    await this.invalidate(market, [
      CatalogCache.listingTag(market.code),
      ...publicIds.map((id) => CatalogCache.productTag(market.code, id)),
    ])
  }

  async categoriesChanged(market: MarketContext) {
    await this.invalidate(market, [CatalogCache.categoriesTag(market.code), CatalogCache.listingTag(market.code)])
  }

  /**
   * A write is committed whether or not Redis answers: with Redis down the
   * local copies are dropped and the others expire with their TTL.
   */
  private async invalidate(market: MarketContext, tags: string[]) {
    try {
      await cache.deleteByTag({ tags })
    } catch (error) {
      logger.warn({ err: error, market: market.code, tags }, 'cache invalidation did not reach Redis')
    }
  }
}

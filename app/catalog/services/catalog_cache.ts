import cache from '@adonisjs/cache/services/main'
import logger from '@adonisjs/core/services/logger'
import type { MarketContext } from '#markets/market_context'
import { unwrapFactoryError } from '#exceptions/cache_errors'

const productTag = (market: MarketContext, publicId: string) => market.key('product', publicId)
const listingTag = (market: MarketContext) => market.key('listing')
const categoriesTag = (market: MarketContext) => market.key('categories')
const flashSalesTag = (market: MarketContext) => market.key('flash-sales')

/**
 * What storefronts read most, cached per market and locale in the
 * two-level cache (memory + Redis, bus-synchronised). Every write path of
 * the catalog ends in `productsChanged` / `categoriesChanged`, which drop
 * the affected entries in every process at once. Keys and tags are the
 * market's (`market.key`), answers are in the context's locale.
 */
export class CatalogCache {
  productDetail<T>(market: MarketContext, publicId: string, factory: () => Promise<T>) {
    return unwrapFactoryError(
      cache.getOrSet({ key: market.key('catalog', 'product', publicId, market.locale), ttl: '10m', tags: [productTag(market, publicId)], factory })
    )
  }

  listing<T>(market: MarketContext, query: string, factory: () => Promise<T>) {
    return unwrapFactoryError(cache.getOrSet({ key: market.key('catalog', 'listing', market.locale, query), ttl: '2m', tags: [listingTag(market)], factory }))
  }

  categories<T>(market: MarketContext, factory: () => Promise<T>) {
    return unwrapFactoryError(cache.getOrSet({ key: market.key('catalog', 'categories', market.locale), ttl: '1h', tags: [categoriesTag(market)], factory }))
  }

  /** The flash sales of a market not yet ended (checkout looks them up on every order). */
  flashSales<T>(market: MarketContext, factory: () => Promise<T>) {
    return unwrapFactoryError(cache.getOrSet({ key: market.key('catalog', 'flash-sales'), ttl: '1m', tags: [flashSalesTag(market)], factory }))
  }

  async flashSalesChanged(market: MarketContext) {
    await this.invalidate(market, [flashSalesTag(market)])
  }

  async productsChanged(market: MarketContext, publicIds: string[]) {
    await this.invalidate(market, [listingTag(market), ...publicIds.map((id) => productTag(market, id))])
  }

  async categoriesChanged(market: MarketContext) {
    await this.invalidate(market, [categoriesTag(market), listingTag(market)])
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

import cache from '@adonisjs/cache/services/main'
import type { MarketContext } from '#markets/market_context'

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

  productDetail<T>(market: MarketContext, locale: string, publicId: string, factory: () => Promise<T>) {
    return cache.getOrSet({
      key: `catalog:product:${market.code}:${publicId}:${locale}`,
      ttl: '10m',
      tags: [CatalogCache.productTag(market.code, publicId)],
      factory,
    })
  }

  listing<T>(market: MarketContext, locale: string, query: string, factory: () => Promise<T>) {
    return cache.getOrSet({
      key: `catalog:listing:${market.code}:${locale}:${query}`,
      ttl: '2m',
      tags: [CatalogCache.listingTag(market.code)],
      factory,
    })
  }

  categories<T>(market: MarketContext, locale: string, factory: () => Promise<T>) {
    return cache.getOrSet({
      key: `catalog:categories:${market.code}:${locale}`,
      ttl: '1h',
      tags: [CatalogCache.categoriesTag(market.code)],
      factory,
    })
  }

  async productsChanged(market: MarketContext, publicIds: string[]) {
    await cache.deleteByTag({
      tags: [CatalogCache.listingTag(market.code), ...publicIds.map((id) => CatalogCache.productTag(market.code, id))],
    })
  }

  async categoriesChanged(market: MarketContext) {
    await cache.deleteByTag({ tags: [CatalogCache.categoriesTag(market.code), CatalogCache.listingTag(market.code)] })
  }
}

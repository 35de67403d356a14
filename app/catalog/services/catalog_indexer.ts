import logger from '@adonisjs/core/services/logger'
import type { MarketContext } from '#markets/market_context'
import { ProductDocuments } from '#catalog/services/product_documents'
import { CatalogCache } from '#catalog/services/catalog_cache'
import { searchDriver } from '#search/services/search_service'

/**
 * What follows a committed catalog change: the search index and the caches.
 * Runs synchronously after the write for now; the messaging issue moves it
 * behind `product.changed` events on the worker.
 */
export class CatalogIndexer {
  #documents = new ProductDocuments()
  #cache = new CatalogCache()

  async productsChanged(market: MarketContext, products: { id: number; publicId: string }[]) {
    if (products.length === 0) return
    const { index, remove } = await this.#documents.forProducts(
      market,
      products.map((product) => product.id)
    )
    const driver = searchDriver()
    try {
      await driver.index(market, index)
      await driver.remove(market, remove)
    } catch (error) {
      // The product is saved; a search outage must not fail the seller's
      // write. `search:reindex` repairs the index.
      logger.error({ err: error, market: market.code }, 'search indexing failed')
    }
    await this.#cache.productsChanged(
      market,
      products.map((product) => product.publicId)
    )
  }
}

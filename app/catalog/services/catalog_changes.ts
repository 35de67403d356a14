import type { MarketContext } from '#markets/market_context'
import { CatalogCache } from '#catalog/services/catalog_cache'
import { Outbox } from '#messaging/services/outbox'

/** Routing key suffix of the event every product change emits (`sg.catalog.product_changed`). */
export const PRODUCT_CHANGED = { domain: 'catalog', name: 'product_changed' } as const

export interface ProductChangedData {
  products: { id: number; publicId: string }[]
}

/**
 * What follows a catalog change. In the change's own transaction, a
 * `catalog.product_changed` event goes to the outbox, so whatever keeps a
 * copy of products (the search index, on the worker) hears of every
 * committed change and of no rolled-back one. Once committed, the cached
 * pages showing the products are dropped in every process, so storefronts
 * show the change at once.
 */
export class CatalogChanges {
  #cache = new CatalogCache()

  async productsChanged(market: MarketContext, products: { id: number; publicId: string }[]) {
    if (products.length === 0) return
    const data: ProductChangedData = { products: products.map(({ id, publicId }) => ({ id, publicId })) }
    await market.transaction(async (market) => {
      await Outbox.record(market, { ...PRODUCT_CHANGED, data: data as unknown as Record<string, unknown> })
      await market.afterCommit(() =>
        this.#cache.productsChanged(
          market,
          products.map((product) => product.publicId)
        )
      )
    })
  }
}

import type { ConsumerDefinition } from '#messaging/consumer'
import { ProductDocuments } from '#catalog/services/product_documents'
import type { ProductChangedData } from '#catalog/services/catalog_changes'
import { searchDriver } from '#search/services/search_service'

/**
 * `catalog.product_changed`: the search index follows the catalog. The
 * documents are rebuilt from the catalog as it is now, so events applied
 * late or out of order still leave the index matching the last commit.
 */
export const indexProducts: ConsumerDefinition = {
  name: 'search.index-products',
  bindings: ['*.catalog.product_changed'],
  async handle(envelope, market) {
    const { products } = envelope.data as unknown as ProductChangedData
    const { index, remove } = await new ProductDocuments().forProducts(
      market,
      products.map((product) => product.id)
    )
    const driver = searchDriver()
    await driver.index(market, index)
    await driver.remove(market, remove)
  },
}

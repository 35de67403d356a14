import markets from '#markets/services/main'
import Product from '#catalog/models/product'
import { ProductService } from '#catalog/services/product_service'
import { CatalogChanges } from '#catalog/services/catalog_changes'

/**
 * A SKU ran out or came back: the product's in-stock flag, every cached
 * page showing it, and (through `catalog.product_changed`) its search
 * document follow.
 */
export async function onStockStatusChanged({ marketCode, skuId }: { marketCode: string; skuId: number }) {
  await markets.context(marketCode).transaction(async (market) => {
    const product = await market
      .query(Product)
      .whereIn('id', market.table('skus').where('id', skuId).select('product_id'))
      .first()
    if (!product) return
    await new ProductService().refreshDerived(market, product)
    await new CatalogChanges().productsChanged(market, [product])
  })
}

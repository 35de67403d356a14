import markets from '#markets/services/main'
import { MarketContext } from '#markets/market_context'
import Product from '#catalog/models/product'
import { ProductService } from '#catalog/services/product_service'
import { CatalogIndexer } from '#catalog/services/catalog_indexer'

/**
 * A SKU ran out or came back: the product's in-stock flag, its search
 * document and every cached page showing it follow at once.
 */
export async function onStockStatusChanged({ marketCode, skuId }: { marketCode: string; skuId: number }) {
  const market = markets.find(marketCode)
  if (!market) return
  const context = MarketContext.of(market)
  const product = await Product.query({ client: context.db })
    .whereIn('id', context.db.from('skus').where('id', skuId).select('product_id'))
    .first()
  if (!product) return
  await new ProductService().refreshDerived(context, product)
  await new CatalogIndexer().productsChanged(context, [product])
}

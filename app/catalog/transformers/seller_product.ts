import type Product from '#catalog/models/product'
import type Sku from '#catalog/models/sku'
import type { MarketContext } from '#markets/market_context'
import { skuFields } from '#catalog/transformers/product_detail'

/** A product as its seller sees it: every locale, status, exact stock. */
export function sellerProduct(market: MarketContext, product: Product, skus: Sku[], levels: Map<number, { available: number; reserved: number }>) {
  return {
    id: product.publicId,
    status: product.status,
    banReason: product.banReason,
    titles: product.titles,
    descriptions: product.descriptions,
    brand: product.brand,
    attributes: product.attributes,
    images: product.images,
    inStock: product.inStock,
    soldCount: product.soldCount,
    publishedAt: product.publishedAt?.toISO() ?? null,
    updatedAt: product.updatedAt.toISO(),
    skus: skus.map((sku) => ({ ...skuFields(market, sku), stock: levels.get(sku.id) ?? { available: 0, reserved: 0 } })),
  }
}

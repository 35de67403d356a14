import type Product from '#catalog/models/product'
import type Sku from '#catalog/models/sku'
import type Category from '#catalog/models/category'
import type { MarketContext } from '#markets/market_context'
import { categoryName } from '#catalog/transformers/category_tree'

export interface ProductDetailParts {
  product: Product
  skus: Sku[]
  levels: Map<number, { available: number }>
  category: Category | null
  lineage: Category[]
  shop: { publicId: string; name: string; slug: string } | null
}

/** What every view of a SKU shows (buyers add a stock status, sellers the exact stock). */
export function skuFields(market: MarketContext, sku: Sku) {
  return {
    id: sku.publicId,
    sellerSku: sku.sellerSku,
    options: sku.options,
    price: market.moneyView(sku.priceAmount, sku.currency),
    weightGrams: sku.weightGrams,
    taxCategory: sku.taxCategory,
  }
}

/** A product page: texts in the context's locale, SKUs with a stock status (never the exact count). */
export function productDetail(market: MarketContext, { product, skus, levels, category, lineage, shop }: ProductDetailParts) {
  const fallback = market.defaultLocale
  return {
    id: product.publicId,
    title: product.titles[market.locale] ?? product.titles[fallback],
    description: product.descriptions[market.locale] ?? product.descriptions[fallback] ?? '',
    brand: product.brand,
    attributes: product.attributes,
    images: product.images,
    category: category ? { slug: category.slug, name: categoryName(market, category), path: lineage.map((node) => node.slug) } : null,
    shop: shop ? { id: shop.publicId, name: shop.name, slug: shop.slug } : null,
    price: { min: market.moneyView(product.minPrice), max: market.moneyView(product.maxPrice) },
    inStock: product.inStock,
    soldCount: product.soldCount,
    publishedAt: product.publishedAt?.toISO() ?? null,
    skus: skus.map((sku) => ({
      ...skuFields(market, sku),
      stock: { status: (levels.get(sku.id)?.available ?? 0) > 0 ? 'in_stock' : 'out_of_stock' },
    })),
  }
}

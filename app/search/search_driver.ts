import type { MarketContext } from '#markets/market_context'
import type { ProductDocument } from '#catalog/services/product_documents'

export type { ProductDocument }

export type SearchSort = 'relevance' | 'newest' | 'price_asc' | 'price_desc' | 'best_selling'

export interface SearchFilters {
  /** Category and its descendants: a materialized path prefix like '/3/17/'. */
  categoryPath?: string
  minPrice?: number
  maxPrice?: number
  shopId?: number
  inStock?: boolean
}

/** A search in the market context's locale. */
export interface SearchRequest {
  query: string
  filters: SearchFilters
  sort: SearchSort
  offset: number
  limit: number
}

export interface SearchHit {
  productId: number
  publicId: string
  titles: Record<string, string>
  brand: string | null
  image: string | null
  minPrice: number
  maxPrice: number
  inStock: boolean
  soldCount: number
  score: number
}

export interface SearchResult {
  hits: SearchHit[]
  total: number
  facets: {
    categories: { categoryId: number; count: number }[]
    brands: { brand: string; count: number }[]
    prices: { from: number; to: number | null; count: number }[]
  }
}

/** One search backend for every market; the market context says which index. */
export interface SearchDriver {
  readonly name: string
  index(market: MarketContext, documents: ProductDocument[]): Promise<void>
  remove(market: MarketContext, productIds: { productId: number; publicId: string }[]): Promise<void>
  search(market: MarketContext, request: SearchRequest): Promise<SearchResult>
  /** Titles completing `prefix`, in the context's locale. */
  suggest(market: MarketContext, prefix: string, limit: number): Promise<string[]>
  /** Rebuilds the market's index from every document the source yields, without downtime. */
  reindex(market: MarketContext, source: AsyncIterable<ProductDocument[]>): Promise<{ indexed: number; index: string }>
}

/** The columns every search store keeps of a document, under the same names. */
export function documentFields(document: ProductDocument) {
  return {
    product_id: document.productId,
    public_id: document.publicId,
    brand: document.brand,
    image: document.image,
    category_id: document.categoryId,
    category_path: document.categoryPath,
    shop_id: document.shopId,
    min_price: document.minPrice,
    max_price: document.maxPrice,
    in_stock: document.inStock,
    sold_count: document.soldCount,
  }
}

/**
 * Price facet boundaries: a 1-2-5 series spanning the matched prices, so
 * buckets read well in any currency (Rp50.000-100.000, S$10-20...).
 */
export function priceBoundaries(min: number, max: number, maxBuckets = 5): number[] {
  if (!(max > min)) return []
  const series: number[] = []
  for (let magnitude = 1; magnitude <= 1e15; magnitude *= 10) {
    for (const step of [1, 2, 5]) series.push(step * magnitude)
  }
  const inside = series.filter((value) => value > min && value < max)
  if (inside.length <= maxBuckets - 1) return inside
  const stride = Math.ceil(inside.length / (maxBuckets - 1))
  return inside.filter((_, index) => index % stride === stride - 1).slice(0, maxBuckets - 1)
}

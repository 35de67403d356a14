import type { MarketContext } from '#markets/market_context'
import Product from '#catalog/models/product'
import Sku from '#catalog/models/sku'
import { CategoryService } from '#catalog/services/category_service'
import { CatalogCache } from '#catalog/services/catalog_cache'
import { InventoryService } from '#inventory/services/inventory_service'
import { AccountService } from '#identity/services/account_service'
import { fieldError } from '#exceptions/field_error'
import { NotFoundError } from '#exceptions/not_found_error'
import { decodeCursor, encodeCursor } from '#http/cursor'
import { productSummary } from '#catalog/transformers/product_summary'
import { productDetail } from '#catalog/transformers/product_detail'
import { categoryTree } from '#catalog/transformers/category_tree'

export type ListingSort = 'relevance' | 'newest' | 'price_asc' | 'price_desc' | 'best_selling'

export interface ListingFilters {
  category?: string
  seller?: string
  minPrice?: number
  maxPrice?: number
  inStock?: boolean
  sort?: ListingSort
  limit?: number
  cursor?: string
}

/** Keyset columns of each sort: (value, id), both in the same direction. */
const KEYSET: Record<ListingSort, { column: string; direction: 'asc' | 'desc' }> = {
  newest: { column: 'published_at', direction: 'desc' },
  price_asc: { column: 'min_price', direction: 'asc' },
  price_desc: { column: 'min_price', direction: 'desc' },
  best_selling: { column: 'sold_count', direction: 'desc' },
  // Without a query, relevance is popularity.
  relevance: { column: 'sold_count', direction: 'desc' },
}

const isKeyset = (value: unknown): value is [string | number | null, number] =>
  Array.isArray(value) &&
  value.length === 2 &&
  Number.isSafeInteger(value[1]) &&
  (value[0] === null || typeof value[0] === 'number' || typeof value[0] === 'string')

/**
 * The storefront's read side of the catalog: category tree, product
 * listings and product detail, each cached per market and locale (the
 * views come from the catalog's transformers).
 */
export class ProductBrowse {
  #categories = new CategoryService()
  #cache = new CatalogCache()
  #inventory = new InventoryService()
  #accounts = new AccountService()

  categories(market: MarketContext) {
    return this.#cache.categories(market, async () => categoryTree(market, await this.#categories.all(market)))
  }

  /** Resolves slugs of a filter to what the tables hold (category path, shop id). */
  async resolveFilters(market: MarketContext, filters: { category?: string; seller?: string }) {
    let categoryPath: string | undefined
    let shopId: number | undefined
    if (filters.category) {
      const category = await this.#categories.findBySlug(market, filters.category)
      if (!category) throw fieldError('category', 'exists', 'category is not a category of this market')
      categoryPath = category.path
    }
    if (filters.seller) {
      const shop = await this.#accounts.findShopBySlug(market, filters.seller)
      if (!shop) throw fieldError('seller', 'exists', 'seller is not a shop of this market')
      shopId = shop.id
    }
    return { categoryPath, shopId }
  }

  list(market: MarketContext, filters: ListingFilters) {
    const key = JSON.stringify([
      filters.category ?? null,
      filters.seller ?? null,
      filters.minPrice ?? null,
      filters.maxPrice ?? null,
      filters.inStock ?? false,
      filters.sort ?? 'relevance',
      filters.limit ?? 20,
      filters.cursor ?? null,
    ])
    return this.#cache.listing(market, key, () => this.listUncached(market, filters))
  }

  async listUncached(market: MarketContext, filters: ListingFilters) {
    const sort = filters.sort ?? 'relevance'
    const limit = filters.limit ?? 20
    const { column, direction } = KEYSET[sort]
    const { categoryPath, shopId } = await this.resolveFilters(market, filters)

    const query = market.table('products as p').where('p.status', 'active').whereNull('p.deleted_at')
    if (categoryPath) {
      query.whereIn('p.category_id', market.table('categories').where('path', 'like', `${categoryPath}%`).select('id'))
    }
    if (shopId !== undefined) query.where('p.shop_id', shopId)
    if (filters.minPrice !== undefined) query.where('p.max_price', '>=', filters.minPrice)
    if (filters.maxPrice !== undefined) query.where('p.min_price', '<=', filters.maxPrice)
    if (filters.inStock) query.where('p.in_stock', true)

    if (filters.cursor) {
      const [value, id] = decodeCursor(filters.cursor, isKeyset)
      const operator = direction === 'desc' ? '<' : '>'
      const boundary = column === 'published_at' && typeof value === 'string' ? new Date(value) : value
      query.where((keyset) => {
        keyset.where(`p.${column}`, operator, boundary as any).orWhere((tie) => tie.where(`p.${column}`, boundary as any).where('p.id', operator, id))
      })
    }
    const rows = await query
      .select('p.id', 'p.public_id', 'p.titles', 'p.brand', 'p.images', 'p.min_price', 'p.max_price', 'p.in_stock', 'p.sold_count', 'p.published_at', 'p.category_id')
      .orderBy(`p.${column}`, direction)
      .orderBy('p.id', direction)
      .limit(limit + 1)

    const page = rows.slice(0, limit)
    const last = page.at(-1)
    const nextCursor =
      rows.length > limit && last
        ? encodeCursor([column === 'published_at' ? new Date(last.published_at).toISOString() : Number(last[column]), Number(last.id)])
        : null
    return { data: page.map((row) => productSummary(market, row)), meta: { nextCursor } }
  }

  detail(market: MarketContext, publicId: string) {
    return this.#cache.productDetail(market, publicId, () => this.detailUncached(market, publicId))
  }

  async detailUncached(market: MarketContext, publicId: string) {
    const product = await market.query(Product).where('public_id', publicId).where('status', 'active').whereNull('deleted_at').first()
    if (!product) throw new NotFoundError('product')
    const skus = await market.query(Sku).where('product_id', product.id).orderBy('id', 'asc')
    const levels = await this.#inventory.levels(market, skus.map((sku) => sku.id))
    const [category] = (await this.#categories.byIds(market, [product.categoryId])).values()
    const lineage = category ? await this.#categories.lineage(market, category) : []
    const shop = (await this.#accounts.shopsByIds(market, [product.shopId])).get(product.shopId) ?? null
    return productDetail(market, { product, skus, levels, category: category ?? null, lineage, shop })
  }
}

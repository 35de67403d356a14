import type { MarketContext } from '#markets/market_context'
import Product from '#catalog/models/product'
import Sku from '#catalog/models/sku'
import { CategoryService, nameIn } from '#catalog/services/category_service'
import { CatalogCache } from '#catalog/services/catalog_cache'
import { InventoryService } from '#inventory/services/inventory_service'
import { AccountService } from '#identity/services/account_service'
import { moneyView } from '#money/money'
import { fieldError } from '#exceptions/field_error'
import { ProductNotFoundError } from '#catalog/services/product_service'
import type { SearchSort } from '#search/search_driver'

export interface ListingFilters {
  category?: string
  seller?: string
  minPrice?: number
  maxPrice?: number
  inStock?: boolean
  sort?: SearchSort
  limit?: number
  cursor?: string
}

/** Keyset columns of each sort: (value, id), both in the same direction. */
const KEYSET: Record<SearchSort, { column: string; direction: 'asc' | 'desc' }> = {
  newest: { column: 'published_at', direction: 'desc' },
  price_asc: { column: 'min_price', direction: 'asc' },
  price_desc: { column: 'min_price', direction: 'desc' },
  best_selling: { column: 'sold_count', direction: 'desc' },
  // Without a query, relevance is popularity.
  relevance: { column: 'sold_count', direction: 'desc' },
}

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

export function decodeCursor<T>(cursor: string, check: (value: unknown) => value is T): T {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString())
    if (check(value)) return value
  } catch {}
  throw fieldError('cursor', 'cursor', 'cursor is not a cursor of this list')
}

const isKeyset = (value: unknown): value is [string | number | null, number] =>
  Array.isArray(value) && value.length === 2 && Number.isSafeInteger(value[1]) &&
  (value[0] === null || typeof value[0] === 'number' || typeof value[0] === 'string')

/**
 * The storefront's read side of the catalog: category tree, product
 * listings and product detail, each cached per market and locale.
 */
export class ProductBrowse {
  #categories = new CategoryService()
  #cache = new CatalogCache()
  #inventory = new InventoryService()
  #accounts = new AccountService()

  categories(market: MarketContext, locale: string) {
    return this.#cache.categories(market, locale, () => this.#categories.tree(market, locale))
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

  list(market: MarketContext, locale: string, filters: ListingFilters) {
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
    return this.#cache.listing(market, locale, key, () => this.listUncached(market, locale, filters))
  }

  async listUncached(market: MarketContext, locale: string, filters: ListingFilters) {
    const sort = filters.sort ?? 'relevance'
    const limit = filters.limit ?? 20
    const { column, direction } = KEYSET[sort]
    const { categoryPath, shopId } = await this.resolveFilters(market, filters)

    const query = market.db
      .from('products as p')
      .where('p.market_code', market.code)
      .where('p.status', 'active')
      .whereNull('p.deleted_at')
    if (categoryPath) {
      query.whereIn(
        'p.category_id',
        market.db.from('categories').where('market_code', market.code).where('path', 'like', `${categoryPath}%`).select('id')
      )
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
        keyset
          .where(`p.${column}`, operator, boundary as any)
          .orWhere((tie) => tie.where(`p.${column}`, boundary as any).where('p.id', operator, id))
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
    return { data: page.map((row) => summary(market, locale, row)), meta: { nextCursor } }
  }

  detail(market: MarketContext, locale: string, publicId: string) {
    return this.#cache.productDetail(market, locale, publicId, () => this.detailUncached(market, locale, publicId))
  }

  async detailUncached(market: MarketContext, locale: string, publicId: string) {
    const product = await Product.query({ client: market.db })
      .where('market_code', market.code)
      .where('public_id', publicId)
      .where('status', 'active')
      .whereNull('deleted_at')
      .first()
    if (!product) throw new ProductNotFoundError()
    const skus = await Sku.query({ client: market.db }).where('product_id', product.id).orderBy('id', 'asc')
    const levels = await this.#inventory.levels(market, skus.map((sku) => sku.id))
    const [category] = (await this.#categories.byIds(market, [product.categoryId])).values()
    const lineage = category ? await this.#categories.lineage(market, category) : []
    const shop = (await this.#accounts.shopsByIds(market, [product.shopId])).get(product.shopId)
    const fraction = market.market.priceDecimals
    const fallback = market.market.defaultLocale

    return {
      id: product.publicId,
      title: product.titles[locale] ?? product.titles[fallback],
      description: product.descriptions[locale] ?? product.descriptions[fallback] ?? '',
      brand: product.brand,
      attributes: product.attributes,
      images: product.images,
      category: category
        ? { slug: category.slug, name: nameIn(category, locale, fallback), path: lineage.map((node) => node.slug) }
        : null,
      shop: shop ? { id: shop.publicId, name: shop.name, slug: shop.slug } : null,
      price: {
        min: moneyView(product.minPrice, market.market.currency, locale, fraction),
        max: moneyView(product.maxPrice, market.market.currency, locale, fraction),
      },
      inStock: product.inStock,
      soldCount: product.soldCount,
      publishedAt: product.publishedAt?.toISO() ?? null,
      skus: skus.map((sku) => ({
        id: sku.publicId,
        sellerSku: sku.sellerSku,
        options: sku.options,
        price: moneyView(sku.priceAmount, sku.currency, locale, fraction),
        weightGrams: sku.weightGrams,
        taxCategory: sku.taxCategory,
        stock: { status: (levels.get(sku.id)?.available ?? 0) > 0 ? 'in_stock' : 'out_of_stock' },
      })),
    }
  }
}

export function summary(market: MarketContext, locale: string, row: Record<string, any>) {
  const titles = typeof row.titles === 'string' ? JSON.parse(row.titles) : row.titles
  const images = typeof row.images === 'string' ? JSON.parse(row.images) : (row.images ?? [])
  const fraction = market.market.priceDecimals
  return {
    id: row.public_id,
    title: titles[locale] ?? titles[market.market.defaultLocale],
    brand: row.brand,
    image: row.image ?? images[0] ?? null,
    price: {
      min: moneyView(Number(row.min_price), market.market.currency, locale, fraction),
      max: moneyView(Number(row.max_price), market.market.currency, locale, fraction),
    },
    inStock: Boolean(row.in_stock),
    soldCount: Number(row.sold_count),
  }
}

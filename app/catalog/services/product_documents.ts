import type { MarketContext } from '#markets/market_context'

/** What the catalog hands to search for one active product. */
export interface ProductDocument {
  productId: number
  publicId: string
  marketCode: string
  titles: Record<string, string>
  descriptions: Record<string, string>
  brand: string | null
  image: string | null
  categoryId: number
  categoryPath: string
  categorySlug: string
  shopId: number
  minPrice: number
  maxPrice: number
  inStock: boolean
  soldCount: number
  publishedAt: string | null
}

const parseJson = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value)

/** Builds search documents from the catalog's tables (the catalog owns this knowledge). */
export class ProductDocuments {
  private baseQuery(market: MarketContext) {
    return market
      .table('products as p')
      .join('categories as c', 'c.id', 'p.category_id')
      .select(
        'p.id',
        'p.public_id',
        'p.titles',
        'p.descriptions',
        'p.brand',
        'p.images',
        'p.category_id',
        'c.path as category_path',
        'c.slug as category_slug',
        'p.shop_id',
        'p.min_price',
        'p.max_price',
        'p.in_stock',
        'p.sold_count',
        'p.published_at',
        'p.status',
        'p.deleted_at'
      )
  }

  private toDocument(market: MarketContext, row: Record<string, any>): ProductDocument {
    const images = parseJson(row.images) as string[]
    return {
      productId: Number(row.id),
      publicId: row.public_id,
      marketCode: market.code,
      titles: parseJson(row.titles),
      descriptions: parseJson(row.descriptions),
      brand: row.brand,
      image: images[0] ?? null,
      categoryId: Number(row.category_id),
      categoryPath: row.category_path,
      categorySlug: row.category_slug,
      shopId: Number(row.shop_id),
      minPrice: Number(row.min_price),
      maxPrice: Number(row.max_price),
      inStock: Boolean(row.in_stock),
      soldCount: Number(row.sold_count),
      publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
    }
  }

  /** Products split into those to index (active) and those to remove. */
  async forProducts(market: MarketContext, productIds: number[]) {
    const rows = productIds.length ? await this.baseQuery(market).whereIn('p.id', productIds) : []
    const index: ProductDocument[] = []
    const remove: { productId: number; publicId: string }[] = []
    for (const row of rows) {
      if (row.status === 'active' && !row.deleted_at) index.push(this.toDocument(market, row))
      else remove.push({ productId: Number(row.id), publicId: row.public_id })
    }
    return { index, remove }
  }

  /** Every active product of the market, in batches (for reindexing). */
  async *allActive(market: MarketContext, batchSize = 1000): AsyncGenerator<ProductDocument[]> {
    let after = 0
    while (true) {
      const rows = await this.baseQuery(market)
        .where('p.status', 'active')
        .whereNull('p.deleted_at')
        .where('p.id', '>', after)
        .orderBy('p.id', 'asc')
        .limit(batchSize)
      if (rows.length === 0) return
      after = Number(rows[rows.length - 1].id)
      yield rows.map((row) => this.toDocument(market, row))
    }
  }
}

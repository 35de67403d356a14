import type { MarketContext } from '#markets/market_context'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import {
  priceBoundaries,
  type ProductDocument,
  type SearchDriver,
  type SearchRequest,
  type SearchResult,
} from '#search/search_driver'
import { booleanQuery, indexText, normalize } from '#search/text/tokens'

const MATCH = 'MATCH(words, grams) AGAINST (? IN BOOLEAN MODE)'

function row(document: ProductDocument) {
  const text = indexText([...Object.values(document.titles), document.brand, ...Object.values(document.descriptions)])
  return {
    product_id: document.productId,
    public_id: document.publicId,
    market_code: document.marketCode,
    titles: JSON.stringify(document.titles),
    brand: document.brand,
    image: document.image,
    category_id: document.categoryId,
    category_path: document.categoryPath,
    shop_id: document.shopId,
    min_price: document.minPrice,
    max_price: document.maxPrice,
    in_stock: document.inStock,
    sold_count: document.soldCount,
    published_at: document.publishedAt ? new Date(document.publishedAt) : null,
    words: text.words,
    grams: text.grams,
  }
}

const parseJson = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value)

/**
 * The embedded default: InnoDB FULLTEXT on `search_documents` in the
 * market's shard. Latin-script words match by prefix; Thai and Chinese by
 * character bigrams (see text/tokens.ts). Facets are GROUP BY queries run in
 * parallel on the same filtered set.
 */
export class MysqlSearchDriver implements SearchDriver {
  readonly name = 'mysql'

  async index(market: MarketContext, documents: ProductDocument[]) {
    if (documents.length === 0) return
    const rows = documents.map(row)
    const columns = Object.keys(rows[0])
    const updates = columns.filter((column) => column !== 'product_id').map((column) => `${column} = VALUES(${column})`)
    for (let start = 0; start < rows.length; start += 500) {
      const batch = rows.slice(start, start + 500)
      const placeholders = batch.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ')
      await market.db.rawQuery(
        `INSERT INTO search_documents (${columns.join(', ')}) VALUES ${placeholders} ON DUPLICATE KEY UPDATE ${updates.join(', ')}`,
        batch.flatMap((values) => columns.map((column) => (values as Record<string, any>)[column]))
      )
    }
  }

  async remove(market: MarketContext, products: { productId: number }[]) {
    if (products.length === 0) return
    await market.db
      .from('search_documents')
      .where('market_code', market.code)
      .whereIn('product_id', products.map((product) => product.productId))
      .delete()
  }

  private filtered(client: QueryClientContract, market: MarketContext, request: SearchRequest, match: string | null) {
    const query = client.from('search_documents').where('market_code', market.code)
    if (match) query.whereRaw(MATCH, [match])
    else if (request.query.trim()) {
      // Only 1-2 letter words: nothing FULLTEXT can use; a plain scan of the words.
      query.where('words', 'like', `%${normalize(request.query.trim()).replace(/[%_\\]/g, '\\$&')}%`)
    }
    const { filters } = request
    if (filters.categoryPath) query.where('category_path', 'like', `${filters.categoryPath}%`)
    if (filters.minPrice !== undefined) query.where('max_price', '>=', filters.minPrice)
    if (filters.maxPrice !== undefined) query.where('min_price', '<=', filters.maxPrice)
    if (filters.shopId !== undefined) query.where('shop_id', filters.shopId)
    if (filters.inStock) query.where('in_stock', true)
    return query
  }

  async search(market: MarketContext, request: SearchRequest): Promise<SearchResult> {
    const match = booleanQuery(request.query)
    const db = market.db

    const hitsQuery = this.filtered(db, market, request, match).select(
      'product_id',
      'public_id',
      'titles',
      'brand',
      'image',
      'min_price',
      'max_price',
      'in_stock',
      'sold_count'
    )
    if (match) hitsQuery.select(db.raw(`${MATCH} AS score`, [match]))
    switch (request.sort) {
      case 'newest':
        hitsQuery.orderBy('published_at', 'desc')
        break
      case 'price_asc':
        hitsQuery.orderBy('min_price', 'asc')
        break
      case 'price_desc':
        hitsQuery.orderBy('min_price', 'desc')
        break
      case 'best_selling':
        hitsQuery.orderBy('sold_count', 'desc')
        break
      default:
        if (match) hitsQuery.orderBy('score', 'desc')
        hitsQuery.orderBy('sold_count', 'desc')
    }
    hitsQuery.orderBy('product_id', 'desc').offset(request.offset).limit(request.limit)

    const [hits, stats, categories, brands] = await Promise.all([
      hitsQuery,
      this.filtered(db, market, request, match)
        .count('* as total')
        .min('min_price as low')
        .max('min_price as high')
        .first(),
      this.filtered(db, market, request, match)
        .select('category_id')
        .count('* as count')
        .groupBy('category_id')
        .orderBy('count', 'desc')
        .limit(20),
      this.filtered(db, market, request, match)
        .whereNotNull('brand')
        .select('brand')
        .count('* as count')
        .groupBy('brand')
        .orderBy('count', 'desc')
        .limit(20),
    ])

    const total = Number(stats?.total ?? 0)
    const boundaries = total ? priceBoundaries(Number(stats.low), Number(stats.high)) : []
    let prices: SearchResult['facets']['prices'] = []
    if (total && boundaries.length === 0) {
      prices = [{ from: 0, to: null, count: total }]
    } else if (total) {
      const cases = [...boundaries.map((bound, index) => `WHEN min_price < ${Number(bound)} THEN ${index}`)]
      const bucketRows = await this.filtered(db, market, request, match)
        .select(db.raw(`CASE ${cases.join(' ')} ELSE ${boundaries.length} END AS bucket`))
        .count('* as count')
        .groupBy('bucket')
      const counts = new Map(bucketRows.map((bucket) => [Number(bucket.bucket), Number(bucket.count)]))
      const edges = [Number(stats.low), ...boundaries]
      prices = edges.map((from, index) => ({
        from: index === 0 ? 0 : from,
        to: boundaries[index] ?? null,
        count: counts.get(index) ?? 0,
      }))
    }

    return {
      total,
      hits: hits.map((hit) => ({
        productId: Number(hit.product_id),
        publicId: hit.public_id,
        titles: parseJson(hit.titles),
        brand: hit.brand,
        image: hit.image,
        minPrice: Number(hit.min_price),
        maxPrice: Number(hit.max_price),
        inStock: Boolean(hit.in_stock),
        soldCount: Number(hit.sold_count),
        score: Number(hit.score ?? 0),
      })),
      facets: {
        categories: categories.map((category) => ({ categoryId: Number(category.category_id), count: Number(category.count) })),
        brands: brands.map((brand) => ({ brand: brand.brand, count: Number(brand.count) })),
        prices,
      },
    }
  }

  async suggest(market: MarketContext, prefix: string, locale: string, limit: number) {
    const match = booleanQuery(prefix)
    if (!match) return []
    const rows = await market.db
      .from('search_documents')
      .where('market_code', market.code)
      .whereRaw(MATCH, [match])
      .select('titles')
      .orderBy('sold_count', 'desc')
      .limit(limit * 3)
    const seen = new Set<string>()
    const suggestions: string[] = []
    for (const row of rows) {
      const titles = parseJson(row.titles) as Record<string, string>
      const title = titles[locale] ?? titles[market.market.defaultLocale] ?? Object.values(titles)[0]
      if (title && !seen.has(title.toLowerCase())) {
        seen.add(title.toLowerCase())
        suggestions.push(title)
      }
      if (suggestions.length >= limit) break
    }
    return suggestions
  }

  async reindex(market: MarketContext, source: AsyncIterable<ProductDocument[]>) {
    // Rows are replaced in place (upsert), then rows of products that are no
    // longer active are dropped: searches keep answering throughout.
    let indexed = 0
    const seen = new Set<number>()
    for await (const batch of source) {
      await this.index(market, batch)
      indexed += batch.length
      for (const document of batch) seen.add(document.productId)
    }
    const existing = await market.db.from('search_documents').where('market_code', market.code).select('product_id')
    const stale = existing.map((entry) => Number(entry.product_id)).filter((id) => !seen.has(id))
    for (let start = 0; start < stale.length; start += 1000) {
      await market.db.from('search_documents').whereIn('product_id', stale.slice(start, start + 1000)).delete()
    }
    return { indexed, index: `search_documents@${market.connectionName}` }
  }
}

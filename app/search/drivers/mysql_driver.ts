import type { MarketContext } from '#markets/market_context'
import {
  documentFields,
  priceBoundaries,
  type ProductDocument,
  type SearchDriver,
  type SearchRequest,
  type SearchResult,
} from '#search/search_driver'
import { booleanQuery, indexText, normalize } from '#search/text/tokens'

const MATCH = 'MATCH(words, grams) AGAINST (? IN BOOLEAN MODE)'
/** Facets are counted over at most this many matches (the total is exact). */
const FACET_SCAN_LIMIT = 20_000

function row(document: ProductDocument) {
  // Titles and brand only: descriptions add noise matches and triple the
  // index for little gain in a product search box (Elasticsearch keeps them).
  const text = indexText([...Object.values(document.titles), document.brand])
  return {
    ...documentFields(document),
    titles: JSON.stringify(document.titles),
    published_at: document.publishedAt ? new Date(document.publishedAt) : null,
    words: text.words,
    grams: text.grams,
  }
}

const parseJson = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value)

type Row = Record<string, any>
const byNumber = (column: string, direction: 1 | -1) => (a: Row, b: Row) =>
  direction * (Number(a[column]) - Number(b[column])) || Number(b.product_id) - Number(a.product_id)
const byDate = (a: Row, b: Row) =>
  new Date(b.published_at ?? 0).getTime() - new Date(a.published_at ?? 0).getTime() || Number(b.product_id) - Number(a.product_id)

/** In-memory orders of a scanned match set (text queries). */
const ORDERS: Record<SearchRequest['sort'], (a: Row, b: Row) => number> = {
  relevance: (a, b) => Number(b.score) - Number(a.score) || Number(b.sold_count) - Number(a.sold_count) || Number(b.product_id) - Number(a.product_id),
  newest: byDate,
  price_asc: byNumber('min_price', 1),
  price_desc: byNumber('min_price', -1),
  best_selling: byNumber('sold_count', -1),
}

/** SQL orders when there is no text to rank by. */
const SQL_ORDERS: Record<SearchRequest['sort'], { column: string; direction: 'asc' | 'desc' }> = {
  relevance: { column: 'sold_count', direction: 'desc' },
  newest: { column: 'published_at', direction: 'desc' },
  price_asc: { column: 'min_price', direction: 'asc' },
  price_desc: { column: 'min_price', direction: 'desc' },
  best_selling: { column: 'sold_count', direction: 'desc' },
}

/** Category, brand and price-bucket counts of the matched rows. */
function facetsOf(matched: Row[]): SearchResult['facets'] {
  const categoryCounts = new Map<number, number>()
  const brandCounts = new Map<string, number>()
  let low = Number.POSITIVE_INFINITY
  let high = Number.NEGATIVE_INFINITY
  for (const row of matched) {
    const categoryId = Number(row.category_id)
    categoryCounts.set(categoryId, (categoryCounts.get(categoryId) ?? 0) + 1)
    if (row.brand) brandCounts.set(row.brand, (brandCounts.get(row.brand) ?? 0) + 1)
    const price = Number(row.min_price)
    if (price < low) low = price
    if (price > high) high = price
  }
  const boundaries = matched.length ? priceBoundaries(low, high) : []
  const bucketCounts = new Array(boundaries.length + 1).fill(0)
  for (const row of matched) {
    const price = Number(row.min_price)
    const bucket = boundaries.findIndex((bound) => price < bound)
    bucketCounts[bucket === -1 ? boundaries.length : bucket]++
  }
  const top = <K>(counts: Map<K, number>) => [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20)
  return {
    categories: top(categoryCounts).map(([categoryId, count]) => ({ categoryId, count })),
    brands: top(brandCounts).map(([brand, count]) => ({ brand, count })),
    prices: matched.length
      ? bucketCounts.map((count, index) => ({ from: index === 0 ? 0 : boundaries[index - 1], to: boundaries[index] ?? null, count }))
      : [],
  }
}

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
    for (let start = 0; start < rows.length; start += 500) await market.upsert('search_documents', rows.slice(start, start + 500), ['product_id'])
  }

  async remove(market: MarketContext, products: { productId: number }[]) {
    if (products.length === 0) return
    await market
      .table('search_documents')
      .whereIn('product_id', products.map((product) => product.productId))
      .delete()
  }

  private filtered(market: MarketContext, request: SearchRequest, match: string | null) {
    const query = market.table('search_documents')
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

    // One pass over the matched set (capped) gives the total, every facet
    // and, for a text query, the ranking: FULLTEXT is evaluated once.
    const scan = this.filtered(market, request, match)
      .select('product_id', 'category_id', 'brand', 'min_price', 'sold_count', 'published_at')
      .limit(FACET_SCAN_LIMIT)
    if (match) scan.select(db.raw(`${MATCH} AS score`, [match]))

    let matched: Record<string, any>[]
    let pageIds: number[]
    if (match) {
      matched = await scan
      const order = ORDERS[request.sort]
      pageIds = [...matched]
        .sort(order)
        .slice(request.offset, request.offset + request.limit)
        .map((row) => Number(row.product_id))
    } else {
      // No text: the index orders the page; the scan only feeds the facets.
      const page = this.filtered(market, request, null).select('product_id')
      const { column, direction } = SQL_ORDERS[request.sort]
      page.orderBy(column, direction).orderBy('product_id', 'desc').offset(request.offset).limit(request.limit)
      const [rows, scanned] = await Promise.all([page, scan])
      matched = scanned
      pageIds = rows.map((row) => Number(row.product_id))
    }

    const total =
      matched.length < FACET_SCAN_LIMIT
        ? matched.length
        : Number((await this.filtered(market, request, match).count('* as total').first())?.total ?? 0)

    const scores = new Map(matched.map((row) => [Number(row.product_id), Number(row.score ?? 0)]))
    const rows = pageIds.length
      ? await market
          .table('search_documents')
          .whereIn('product_id', pageIds)
          .select('product_id', 'public_id', 'titles', 'brand', 'image', 'min_price', 'max_price', 'in_stock', 'sold_count')
      : []
    const byId = new Map(rows.map((row) => [Number(row.product_id), row]))

    return {
      total,
      hits: pageIds
        .map((id) => byId.get(id))
        .filter((hit): hit is Record<string, any> => Boolean(hit))
        .map((hit) => ({
          productId: Number(hit.product_id),
          publicId: hit.public_id,
          titles: parseJson(hit.titles),
          brand: hit.brand,
          image: hit.image,
          minPrice: Number(hit.min_price),
          maxPrice: Number(hit.max_price),
          inStock: Boolean(hit.in_stock),
          soldCount: Number(hit.sold_count),
          score: scores.get(Number(hit.product_id)) ?? 0,
        })),
      facets: facetsOf(matched),
    }
  }

  async suggest(market: MarketContext, prefix: string, limit: number) {
    const match = booleanQuery(prefix)
    if (!match) return []
    const rows = await market
      .table('search_documents')
      .whereRaw(MATCH, [match])
      .select('titles')
      .orderBy('sold_count', 'desc')
      .limit(limit * 3)
    const seen = new Set<string>()
    const suggestions: string[] = []
    for (const row of rows) {
      const titles = parseJson(row.titles) as Record<string, string>
      const title = titles[market.locale] ?? titles[market.defaultLocale] ?? Object.values(titles)[0]
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
    const existing = await market.table('search_documents').select('product_id')
    const stale = existing.map((entry) => Number(entry.product_id)).filter((id) => !seen.has(id))
    for (let start = 0; start < stale.length; start += 1000) {
      await market.table('search_documents').whereIn('product_id', stale.slice(start, start + 1000)).delete()
    }
    return { indexed, index: `search_documents@${market.connectionName}` }
  }
}

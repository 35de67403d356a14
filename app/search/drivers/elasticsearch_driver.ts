import type { Client } from '@elastic/elasticsearch'
import type { MarketContext } from '#markets/market_context'
import {
  documentFields,
  priceBoundaries,
  type ProductDocument,
  type SearchDriver,
  type SearchRequest,
  type SearchResult,
} from '#search/search_driver'

/**
 * The analyzer of a market's default language. Built-in analyzers only, so
 * any cluster works without plugins: Vietnamese and Filipino use the
 * standard tokenizer with ASCII folding (diacritics-insensitive), Chinese
 * the CJK bigram analyzer, Thai its dictionary-based analyzer.
 */
export function analyzerFor(locale: string): string {
  const language = locale.toLowerCase()
  if (language.startsWith('zh') || language.startsWith('ja') || language.startsWith('ko')) return 'cjk'
  if (language.startsWith('th')) return 'thai'
  if (language.startsWith('id') || language.startsWith('ms')) return 'indonesian'
  if (language.startsWith('pt')) return 'brazilian'
  if (language.startsWith('vi') || language.startsWith('fil')) return 'folded'
  return 'english'
}

const SORTS: Record<SearchRequest['sort'], object[]> = {
  relevance: [{ _score: 'desc' }, { sold_count: 'desc' }, { product_id: 'desc' }],
  newest: [{ published_at: { order: 'desc', missing: '_last' } }, { product_id: 'desc' }],
  price_asc: [{ min_price: 'asc' }, { product_id: 'desc' }],
  price_desc: [{ min_price: 'desc' }, { product_id: 'desc' }],
  best_selling: [{ sold_count: 'desc' }, { product_id: 'desc' }],
}

/**
 * One index per market (`pasar-products-sg-v3`) behind an alias
 * (`pasar-products-sg`): reindexing builds the next version and swaps the
 * alias atomically, so searches never see a half-built index.
 */
export class ElasticsearchDriver implements SearchDriver {
  readonly name = 'elasticsearch'

  constructor(
    private client: Client,
    private prefix = 'pasar-products'
  ) {}

  alias(market: MarketContext) {
    return `${this.prefix}-${market.code.toLowerCase()}`
  }

  /** Settings and mappings of a market's index. */
  indexDefinition(market: MarketContext) {
    const analyzer = analyzerFor(market.defaultLocale)
    const titleFields = Object.fromEntries(
      market.locales.map((locale) => [
        locale,
        { type: 'text', analyzer: analyzerFor(locale), fields: { raw: { type: 'keyword', ignore_above: 256 } } },
      ])
    )
    return {
      settings: {
        number_of_shards: 1,
        analysis: {
          analyzer: {
            folded: { type: 'custom', tokenizer: 'standard', filter: ['lowercase', 'asciifolding'] },
          },
        },
      },
      mappings: {
        dynamic: 'strict' as const,
        properties: {
          product_id: { type: 'long' },
          public_id: { type: 'keyword' },
          titles: { properties: titleFields },
          descriptions: {
            properties: Object.fromEntries(
              market.locales.map((locale) => [locale, { type: 'text', analyzer: analyzerFor(locale) }])
            ),
          },
          brand: { type: 'keyword', fields: { text: { type: 'text', analyzer } } },
          image: { type: 'keyword', index: false },
          category_id: { type: 'long' },
          category_path: { type: 'keyword' },
          shop_id: { type: 'long' },
          min_price: { type: 'long' },
          max_price: { type: 'long' },
          in_stock: { type: 'boolean' },
          sold_count: { type: 'integer' },
          published_at: { type: 'date' },
          suggest: { type: 'completion', analyzer: analyzer === 'cjk' || analyzer === 'thai' ? 'standard' : 'simple' },
        },
      },
    }
  }

  toSource(document: ProductDocument) {
    return {
      ...documentFields(document),
      titles: document.titles,
      descriptions: document.descriptions,
      published_at: document.publishedAt,
      suggest: { input: Object.values(document.titles), weight: Math.min(document.soldCount + 1, 2 ** 30) },
    }
  }

  private async bulk(operations: object[]) {
    if (operations.length === 0) return
    const response = await this.client.bulk({ operations, refresh: false })
    if (response.errors) {
      const failed = response.items.find((item) => Object.values(item)[0]?.error)
      throw new Error(`Elasticsearch bulk failed: ${JSON.stringify(failed)}`)
    }
  }

  async index(market: MarketContext, documents: ProductDocument[]) {
    await this.bulk(this.indexOperations(this.alias(market), documents))
  }

  private indexOperations(index: string, documents: ProductDocument[]) {
    return documents.flatMap((document) => [{ index: { _index: index, _id: document.publicId } }, this.toSource(document)])
  }

  async remove(market: MarketContext, products: { publicId: string }[]) {
    await this.bulk(products.map((product) => ({ delete: { _index: this.alias(market), _id: product.publicId } })))
  }

  /** The `query` and `aggs` of a search request. */
  searchBody(market: MarketContext, request: SearchRequest) {
    const filter: object[] = []
    const { filters } = request
    if (filters.categoryPath) filter.push({ prefix: { category_path: filters.categoryPath } })
    if (filters.minPrice !== undefined) filter.push({ range: { max_price: { gte: filters.minPrice } } })
    if (filters.maxPrice !== undefined) filter.push({ range: { min_price: { lte: filters.maxPrice } } })
    if (filters.shopId !== undefined) filter.push({ term: { shop_id: filters.shopId } })
    if (filters.inStock) filter.push({ term: { in_stock: true } })

    const text = request.query.trim()
    const must = text
      ? [
          {
            multi_match: {
              query: text,
              fields: [...market.locales.map((locale) => `titles.${locale}^3`), 'brand.text^2', ...market.locales.map((locale) => `descriptions.${locale}`)],
              type: 'best_fields',
              operator: 'and',
              fuzziness: 'AUTO',
            },
          },
        ]
      : [{ match_all: {} }]

    return {
      query: { bool: { must, filter } },
      aggs: {
        categories: { terms: { field: 'category_id', size: 20 } },
        brands: { terms: { field: 'brand', size: 20 } },
        price_stats: { stats: { field: 'min_price' } },
      },
    }
  }

  async search(market: MarketContext, request: SearchRequest): Promise<SearchResult> {
    const body = this.searchBody(market, request)
    const response = await this.client.search<ReturnType<ElasticsearchDriver['toSource']>>({
      index: this.alias(market),
      query: body.query as any,
      aggs: body.aggs as any,
      sort: SORTS[request.sort] as any,
      from: request.offset,
      size: request.limit,
      track_total_hits: true,
    })
    const aggs = response.aggregations as any
    const total = typeof response.hits.total === 'number' ? response.hits.total : (response.hits.total?.value ?? 0)

    let prices: SearchResult['facets']['prices'] = []
    const stats = aggs?.price_stats
    if (total && stats?.count) {
      const boundaries = priceBoundaries(stats.min, stats.max)
      const buckets = await this.client.search({
        index: this.alias(market),
        query: body.query as any,
        size: 0,
        aggs: {
          prices: {
            range: {
              field: 'min_price',
              ranges: [0, ...boundaries].map((from, index) => ({ from, ...(boundaries[index] !== undefined && { to: boundaries[index] }) })),
            },
          },
        },
      })
      prices = ((buckets.aggregations as any)?.prices?.buckets ?? []).map((bucket: any) => ({
        from: bucket.from ?? 0,
        to: bucket.to ?? null,
        count: bucket.doc_count,
      }))
    }

    return {
      total,
      hits: response.hits.hits.map((hit) => {
        const source = hit._source!
        return {
          productId: source.product_id,
          publicId: source.public_id,
          titles: source.titles,
          brand: source.brand,
          image: source.image,
          minPrice: source.min_price,
          maxPrice: source.max_price,
          inStock: source.in_stock,
          soldCount: source.sold_count,
          score: hit._score ?? 0,
        }
      }),
      facets: {
        categories: (aggs?.categories?.buckets ?? []).map((bucket: any) => ({ categoryId: Number(bucket.key), count: bucket.doc_count })),
        brands: (aggs?.brands?.buckets ?? []).map((bucket: any) => ({ brand: bucket.key, count: bucket.doc_count })),
        prices,
      },
    }
  }

  async suggest(market: MarketContext, prefix: string, limit: number) {
    const response = await this.client.search({
      index: this.alias(market),
      _source: false,
      suggest: { titles: { prefix, completion: { field: 'suggest', size: limit, skip_duplicates: true } } },
    })
    const options = (response.suggest?.titles?.[0]?.options ?? []) as { text: string }[]
    return options.map((option) => option.text)
  }

  /** The version behind the alias now (0 when the market has no index yet). */
  async currentVersion(market: MarketContext): Promise<{ version: number; index: string | null }> {
    const alias = this.alias(market)
    // 404 (no alias yet) comes back as `{ error, status }` instead of throwing.
    const response = (await this.client.indices.getAlias({ name: alias }, { ignore: [404] })) as Record<string, any>
    const index = Object.keys(response).find((name) => response[name]?.aliases !== undefined) ?? null
    if (!index) return { version: 0, index: null }
    const version = Number(index?.match(/-v(\d+)$/)?.[1] ?? 0)
    return { version, index }
  }

  async reindex(market: MarketContext, source: AsyncIterable<ProductDocument[]>) {
    const alias = this.alias(market)
    const current = await this.currentVersion(market)
    const next = `${alias}-v${current.version + 1}`
    await this.client.indices.create({ index: next, ...(this.indexDefinition(market) as any) })

    let indexed = 0
    for await (const batch of source) {
      await this.bulk(this.indexOperations(next, batch))
      indexed += batch.length
    }
    await this.client.indices.refresh({ index: next })

    // One atomic call: the alias moves from the old index to the new one.
    const actions: object[] = [{ add: { index: next, alias, is_write_index: true } }]
    if (current.index) actions.unshift({ remove: { index: current.index, alias } })
    await this.client.indices.updateAliases({ actions: actions as any })
    if (current.index) await this.client.indices.delete({ index: current.index })
    return { indexed, index: next }
  }
}

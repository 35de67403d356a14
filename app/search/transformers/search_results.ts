import type Category from '#catalog/models/category'
import type { MarketContext } from '#markets/market_context'
import type { SearchResult } from '#search/search_driver'
import { productSummary } from '#catalog/transformers/product_summary'
import { categoryName } from '#catalog/transformers/category_tree'

/** Search hits as product summaries, with facets named in the context's locale. */
export function searchResults(market: MarketContext, result: SearchResult, categories: Map<number, Category>, nextCursor: string | null) {
  return {
    data: result.hits.map((hit) =>
      productSummary(market, {
        public_id: hit.publicId,
        titles: hit.titles,
        brand: hit.brand,
        image: hit.image,
        min_price: hit.minPrice,
        max_price: hit.maxPrice,
        in_stock: hit.inStock,
        sold_count: hit.soldCount,
      })
    ),
    meta: {
      total: result.total,
      nextCursor,
      facets: {
        categories: result.facets.categories
          .filter((facet) => categories.has(facet.categoryId))
          .map((facet) => {
            const category = categories.get(facet.categoryId)!
            return { slug: category.slug, name: categoryName(market, category), count: facet.count }
          }),
        brands: result.facets.brands,
        prices: result.facets.prices.map((bucket) => ({
          from: market.moneyView(bucket.from),
          to: bucket.to === null ? null : market.moneyView(bucket.to),
          count: bucket.count,
        })),
      },
    },
  }
}

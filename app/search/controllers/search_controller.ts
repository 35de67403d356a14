import type { HttpContext } from '@adonisjs/core/http'
import { searchValidator, suggestValidator } from '#catalog/validators/product'
import { ProductBrowse, decodeCursor, encodeCursor, summary } from '#catalog/services/product_browse'
import { CategoryService, nameIn } from '#catalog/services/category_service'
import { searchDriver } from '#search/services/search_service'
import { moneyView } from '#money/money'

const MAX_OFFSET = 10_000
const isOffset = (value: unknown): value is { o: number } =>
  typeof value === 'object' && value !== null && Number.isSafeInteger((value as { o: number }).o) && (value as { o: number }).o >= 0 && (value as { o: number }).o <= MAX_OFFSET

export default class SearchController {
  #browse = new ProductBrowse()
  #categories = new CategoryService()

  /** Hits, facets (category, brand, price buckets) and total. */
  async search({ request, market, locale }: HttpContext) {
    const input = await searchValidator.validate(request.qs())
    const { categoryPath, shopId } = await this.#browse.resolveFilters(market, input)
    const limit = input.limit ?? 20
    const offset = input.cursor ? decodeCursor(input.cursor, isOffset).o : 0
    const result = await searchDriver().search(market, {
      query: input.q ?? '',
      filters: { categoryPath, shopId, minPrice: input.minPrice, maxPrice: input.maxPrice, inStock: input.inStock },
      sort: input.sort ?? 'relevance',
      offset,
      limit,
      locale,
    })
    const categories = await this.#categories.byIds(market, result.facets.categories.map((facet) => facet.categoryId))
    const currency = market.market.currency
    const fraction = market.market.priceDecimals
    return {
      data: result.hits.map((hit) =>
        summary(market, locale, {
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
        nextCursor: offset + limit < Math.min(result.total, MAX_OFFSET) ? encodeCursor({ o: offset + limit }) : null,
        facets: {
          categories: result.facets.categories
            .filter((facet) => categories.has(facet.categoryId))
            .map((facet) => {
              const category = categories.get(facet.categoryId)!
              return { slug: category.slug, name: nameIn(category, locale, market.market.defaultLocale), count: facet.count }
            }),
          brands: result.facets.brands,
          prices: result.facets.prices.map((bucket) => ({
            from: moneyView(bucket.from, currency, locale, fraction),
            to: bucket.to === null ? null : moneyView(bucket.to, currency, locale, fraction),
            count: bucket.count,
          })),
        },
      },
    }
  }

  async suggest({ request, market, locale }: HttpContext) {
    const input = await suggestValidator.validate(request.qs())
    return { data: await searchDriver().suggest(market, input.q, locale, input.limit ?? 8) }
  }
}

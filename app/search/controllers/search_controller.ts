import type { HttpContext } from '@adonisjs/core/http'
import { searchValidator, suggestValidator } from '#search/validators/search'
import { ProductBrowse } from '#catalog/services/product_browse'
import { CategoryService } from '#catalog/services/category_service'
import { searchDriver } from '#search/services/search_service'
import { searchResults } from '#search/transformers/search_results'
import { decodeCursor, encodeCursor } from '#http/cursor'

const MAX_OFFSET = 10_000
const isOffset = (value: unknown): value is { o: number } =>
  typeof value === 'object' &&
  value !== null &&
  Number.isSafeInteger((value as { o: number }).o) &&
  (value as { o: number }).o >= 0 &&
  (value as { o: number }).o <= MAX_OFFSET

export default class SearchController {
  #browse = new ProductBrowse()
  #categories = new CategoryService()

  /** Hits, facets (category, brand, price buckets) and total. */
  async search({ request, market }: HttpContext) {
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
    })
    const categories = await this.#categories.byIds(market, result.facets.categories.map((facet) => facet.categoryId))
    const nextCursor = offset + limit < Math.min(result.total, MAX_OFFSET) ? encodeCursor({ o: offset + limit }) : null
    return searchResults(market, result, categories, nextCursor)
  }

  async suggest({ request, market }: HttpContext) {
    const input = await suggestValidator.validate(request.qs())
    return { data: await searchDriver().suggest(market, input.q, input.limit ?? 8) }
  }
}

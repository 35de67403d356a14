import Category from '#catalog/models/category'
import type { MarketContext } from '#markets/market_context'

/** The category tree of a market, names in the market's locales. */
export class CategoryService {
  async findBySlug(market: MarketContext, slug: string) {
    return market.query(Category).where('slug', slug).first()
  }

  async byIds(market: MarketContext, ids: number[]) {
    if (ids.length === 0) return new Map<number, Category>()
    const categories = await market.query(Category).whereIn('id', ids)
    return new Map(categories.map((category) => [category.id, category]))
  }

  /** The category and its ancestors, root first. */
  async lineage(market: MarketContext, category: Category) {
    const ids = category.path.split('/').filter(Boolean).map(Number)
    const byId = await this.byIds(market, ids)
    return ids.map((id) => byId.get(id)!).filter(Boolean)
  }

  /** Every category of the market in display order. */
  async all(market: MarketContext) {
    return market.query(Category).orderBy('position', 'asc').orderBy('id', 'asc')
  }

  /** Whether a category has children (products go in leaves). */
  async isLeaf(market: MarketContext, category: Category) {
    return !(await market.query(Category).where('parent_id', category.id).select('id').first())
  }

  /** Creates a category under `parent` (or at the root), keeping its path. */
  async create(market: MarketContext, input: { slug: string; names: Record<string, string>; parent?: Category | null; position?: number }) {
    return market.transaction(async (market) => {
      const category = await market.create(Category, {
        parentId: input.parent?.id ?? null,
        slug: input.slug,
        names: input.names,
        path: '/',
        position: input.position ?? 0,
      })
      category.path = `${input.parent?.path ?? '/'}${category.id}/`
      await category.save()
      return category
    })
  }
}

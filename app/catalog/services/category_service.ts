import Category from '#catalog/models/category'
import type { MarketContext } from '#markets/market_context'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

export interface CategoryNode {
  slug: string
  name: string
  children: CategoryNode[]
}

/** The category tree of a market, names in the market's locales. */
export class CategoryService {
  async findBySlug(market: MarketContext, slug: string) {
    return Category.query({ client: market.db }).where('market_code', market.code).where('slug', slug).first()
  }

  async byIds(market: MarketContext, ids: number[]) {
    if (ids.length === 0) return new Map<number, Category>()
    const categories = await Category.query({ client: market.db }).where('market_code', market.code).whereIn('id', ids)
    return new Map(categories.map((category) => [category.id, category]))
  }

  /** The category and its ancestors, root first. */
  async lineage(market: MarketContext, category: Category) {
    const ids = category.path.split('/').filter(Boolean).map(Number)
    const byId = await this.byIds(market, ids)
    return ids.map((id) => byId.get(id)!).filter(Boolean)
  }

  async tree(market: MarketContext, locale: string): Promise<CategoryNode[]> {
    const all = await Category.query({ client: market.db })
      .where('market_code', market.code)
      .orderBy('position', 'asc')
      .orderBy('id', 'asc')
    const nodes = new Map<number, CategoryNode>()
    const roots: CategoryNode[] = []
    for (const category of all) {
      nodes.set(category.id, { slug: category.slug, name: nameIn(category, locale, market.market.defaultLocale), children: [] })
    }
    for (const category of all) {
      const node = nodes.get(category.id)!
      if (category.parentId && nodes.has(category.parentId)) nodes.get(category.parentId)!.children.push(node)
      else roots.push(node)
    }
    return roots
  }

  /** Creates a category under `parent` (or at the root), keeping its path. */
  async create(
    market: MarketContext,
    input: { slug: string; names: Record<string, string>; parent?: Category | null; position?: number },
    trx?: TransactionClientContract
  ) {
    const category = await Category.create(
      {
        marketCode: market.code,
        parentId: input.parent?.id ?? null,
        slug: input.slug,
        names: input.names,
        path: '/',
        position: input.position ?? 0,
      },
      // A plain query client does not bind a new model to a connection; the name does.
      trx ? { client: trx } : { connection: market.connectionName }
    )
    category.path = `${input.parent?.path ?? '/'}${category.id}/`
    await category.save()
    return category
  }
}

export function nameIn(category: Category, locale: string, fallback: string) {
  return category.names[locale] ?? category.names[fallback] ?? Object.values(category.names)[0] ?? category.slug
}

import type Category from '#catalog/models/category'
import type { MarketContext } from '#markets/market_context'

export interface CategoryNode {
  slug: string
  name: string
  children: CategoryNode[]
}

/** A category's name in the context's locale, else the market's default, else any. */
export function categoryName(market: MarketContext, category: Category) {
  return category.names[market.locale] ?? category.names[market.defaultLocale] ?? Object.values(category.names)[0] ?? category.slug
}

/** The tree of a market's categories (given in display order), names localized. */
export function categoryTree(market: MarketContext, categories: Category[]): CategoryNode[] {
  const nodes = new Map<number, CategoryNode>()
  const roots: CategoryNode[] = []
  for (const category of categories) nodes.set(category.id, { slug: category.slug, name: categoryName(market, category), children: [] })
  for (const category of categories) {
    const node = nodes.get(category.id)!
    if (category.parentId && nodes.has(category.parentId)) nodes.get(category.parentId)!.children.push(node)
    else roots.push(node)
  }
  return roots
}

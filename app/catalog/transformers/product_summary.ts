import type { MarketContext } from '#markets/market_context'

const parseJson = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value)

/** What a listing, a search hit or a suggestion row says of a product: title in the context's locale, price range. */
export interface ProductSummaryRow {
  public_id: string
  titles: unknown
  brand: string | null
  images?: unknown
  image?: string | null
  min_price: number | string
  max_price: number | string
  in_stock: unknown
  sold_count: number | string
}

export function productSummary(market: MarketContext, row: ProductSummaryRow) {
  const titles = parseJson(row.titles) as Record<string, string>
  const images = (parseJson(row.images) ?? []) as string[]
  return {
    id: row.public_id,
    title: titles[market.locale] ?? titles[market.defaultLocale],
    brand: row.brand,
    image: row.image ?? images[0] ?? null,
    price: { min: market.moneyView(Number(row.min_price)), max: market.moneyView(Number(row.max_price)) },
    inStock: Boolean(row.in_stock),
    soldCount: Number(row.sold_count),
  }
}

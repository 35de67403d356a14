import type { MarketContext } from '#markets/market_context'

/** A flash sale as ops see it. */
export function flashSaleResource(market: MarketContext, row: Record<string, any>) {
  return {
    id: row.public_id,
    sku: row.sku_public_id,
    startsAt: new Date(row.starts_at).toISOString(),
    endsAt: new Date(row.ends_at).toISOString(),
    price: market.moneyView(Number(row.price_amount)),
    stock: Number(row.stock),
    perBuyerLimit: Number(row.per_buyer_limit),
  }
}

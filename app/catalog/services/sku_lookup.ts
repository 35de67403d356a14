import type { MarketContext } from '#markets/market_context'

const parseJson = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value)

export interface SellableSku {
  id: number
  publicId: string
  productId: number
  productPublicId: string
  shopId: number
  /** The seller's shop as buyers see it. */
  shop: { id: string; name: string }
  title: string
  options: Record<string, string>
  unitPrice: number
  currency: string
  weightGrams: number
  taxCategory: string
  /** The product's category (vouchers may be limited to some). */
  categoryId: number
  /** Set when a flash sale priced this SKU for the checkout. */
  flashSaleId?: number
}

/**
 * The catalog's door for checkout: SKUs of active, undeleted products of
 * the market, with what an order line snapshots (title in the context's locale). Unknown or unsellable SKUs
 * are simply absent from the answer.
 */
export async function sellableSkus(market: MarketContext, publicIds: string[]) {
  if (publicIds.length === 0) return new Map<string, SellableSku>()
  const rows = await market
    .table('skus as s')
    .join('products as p', 'p.id', 's.product_id')
    .join('shops as sh', 'sh.id', 'p.shop_id')
    .whereIn('s.public_id', publicIds)
    .where('p.status', 'active')
    .whereNull('p.deleted_at')
    .select('s.id', 's.public_id', 's.product_id', 'p.public_id as product_public_id', 'p.shop_id', 'sh.public_id as shop_public_id', 'sh.name as shop_name', 'p.titles', 's.options', 's.price_amount', 's.currency', 's.weight_grams', 's.tax_category', 'p.category_id')
  return new Map<string, SellableSku>(
    rows.map((row): [string, SellableSku] => {
      const titles = parseJson(row.titles) as Record<string, string>
      return [
        row.public_id as string,
        {
          id: Number(row.id),
          publicId: row.public_id,
          productId: Number(row.product_id),
          productPublicId: row.product_public_id,
          shopId: Number(row.shop_id),
          shop: { id: row.shop_public_id, name: row.shop_name },
          title: titles[market.locale] ?? titles[market.defaultLocale],
          options: parseJson(row.options),
          unitPrice: Number(row.price_amount),
          currency: row.currency,
          weightGrams: Number(row.weight_grams),
          taxCategory: row.tax_category,
          categoryId: Number(row.category_id),
        },
      ]
    })
  )
}

import type { MarketContext } from '#markets/market_context'
import type Account from '#identity/models/account'
import { sellableSkus } from '#catalog/services/sku_lookup'
import { fieldError } from '#exceptions/field_error'
import { NotFoundError } from '#exceptions/not_found_error'

/** A buyer's cart in one market, in the market's shard. */
export class CartService {
  async lines(market: MarketContext, buyer: Account) {
    return market
      .table('cart_lines as c')
      .join('skus as s', 's.id', 'c.sku_id')
      .where('c.buyer_id', buyer.id)
      .select('c.id', 's.public_id as sku', 'c.quantity')
      .orderBy('c.id')
  }

  /** The cart as checkout lines (SKU public id and quantity). */
  async checkoutLines(market: MarketContext, buyer: Account) {
    return (await this.lines(market, buyer)).map((line) => ({ sku: line.sku as string, quantity: Number(line.quantity) }))
  }

  /** Adds units of a SKU (merging with its line), within the market's line limit. */
  async add(market: MarketContext, buyer: Account, skuPublicId: string, quantity: number) {
    const sku = (await sellableSkus(market, [skuPublicId])).get(skuPublicId)
    if (!sku) throw fieldError('sku', 'exists', 'sku is not for sale on this storefront')
    return market.transaction(async (market) => {
      const existing = await market.table('cart_lines').where('buyer_id', buyer.id).where('sku_id', sku.id).forUpdate().first()
      if (existing) {
        await market.table('cart_lines').where('id', existing.id).update({ quantity: Number(existing.quantity) + quantity, updated_at: new Date() })
        return existing.id as number
      }
      const [{ count }] = await market.table('cart_lines').where('buyer_id', buyer.id).count('* as count')
      if (Number(count) >= market.limits.maxCartLines) {
        throw fieldError('sku', 'maxCartLines', `sku: the cart already has ${market.limits.maxCartLines} lines`)
      }
      return market.insert('cart_lines', { buyer_id: buyer.id, sku_id: sku.id, quantity, created_at: new Date(), updated_at: new Date() })
    })
  }

  async update(market: MarketContext, buyer: Account, lineId: number, quantity: number) {
    const updated = await market.table('cart_lines').where('id', lineId).where('buyer_id', buyer.id).update({ quantity, updated_at: new Date() })
    if (Number(updated) !== 1) throw new NotFoundError('cart_line')
  }

  async remove(market: MarketContext, buyer: Account, lineId: number) {
    const deleted = await market.table('cart_lines').where('id', lineId).where('buyer_id', buyer.id).delete()
    if (Number(deleted) !== 1) throw new NotFoundError('cart_line')
  }
}

import type { MarketContext } from '#markets/market_context'
import type Account from '#identity/models/account'
import { sellableSkus } from '#catalog/services/sku_lookup'
import { fieldError } from '#exceptions/field_error'
import { NotFoundError } from '#exceptions/not_found_error'
import { MAX_LINE_QUANTITY } from '#cart/validators/cart'

/**
 * A buyer's cart in one market, in the market's shard. Every write locks
 * the buyer's `carts` row first, so parallel writes to one cart take turns:
 * none deadlocks on `cart_lines`, and the market's line limit and the
 * per-line quantity limit hold however many requests arrive at once.
 */
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

  /** Adds units of a SKU (merging with its line), within the market's line limit and the per-line quantity limit. */
  async add(market: MarketContext, buyer: Account, skuPublicId: string, quantity: number) {
    const sku = (await sellableSkus(market, [skuPublicId])).get(skuPublicId)
    if (!sku) throw fieldError('sku', 'exists', 'sku is not for sale on this storefront')
    return this.write(market, buyer, async (market) => {
      const existing = await market.table('cart_lines').where('buyer_id', buyer.id).where('sku_id', sku.id).first()
      if (existing) {
        if (Number(existing.quantity) + quantity > MAX_LINE_QUANTITY) {
          throw fieldError('quantity', 'maxLineQuantity', `quantity: the line would hold more than ${MAX_LINE_QUANTITY} units`, { max: MAX_LINE_QUANTITY })
        }
        await market.table('cart_lines').where('id', existing.id).update({ quantity: Number(existing.quantity) + quantity, updated_at: new Date() })
        return existing.id as number
      }
      const [{ count }] = await market.table('cart_lines').where('buyer_id', buyer.id).count('* as count')
      if (Number(count) >= market.limits.maxCartLines) {
        throw fieldError('sku', 'maxCartLines', `sku: the cart already has ${market.limits.maxCartLines} lines`, { max: market.limits.maxCartLines })
      }
      return market.insert('cart_lines', { buyer_id: buyer.id, sku_id: sku.id, quantity, created_at: new Date(), updated_at: new Date() })
    })
  }

  async update(market: MarketContext, buyer: Account, lineId: number, quantity: number) {
    await this.write(market, buyer, async (market) => {
      const updated = await market.table('cart_lines').where('id', lineId).where('buyer_id', buyer.id).update({ quantity, updated_at: new Date() })
      if (Number(updated) !== 1) throw new NotFoundError('cart_line')
    })
  }

  async remove(market: MarketContext, buyer: Account, lineId: number) {
    await this.write(market, buyer, async (market) => {
      const deleted = await market.table('cart_lines').where('id', lineId).where('buyer_id', buyer.id).delete()
      if (Number(deleted) !== 1) throw new NotFoundError('cart_line')
    })
  }

  /** Runs a write of the buyer's cart with the cart's row locked (created on the first write). */
  private async write<T>(market: MarketContext, buyer: Account, work: (market: MarketContext) => Promise<T>) {
    // Created outside the transaction: two first writes must not both hold
    // a shared lock on the new row and then wait for each other's.
    await market.upsert('carts', [{ buyer_id: buyer.id, created_at: new Date() }], ['buyer_id'], [])
    return market.transaction(async (market) => {
      await market.table('carts').where('buyer_id', buyer.id).forUpdate().select('id').first()
      return work(market)
    })
  }
}

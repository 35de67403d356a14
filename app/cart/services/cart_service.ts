import type { MarketContext } from '#markets/market_context'
import type Account from '#identity/models/account'
import { sellableSkus } from '#catalog/services/sku_lookup'
import { fieldError } from '#exceptions/field_error'
import { DomainError } from '#exceptions/domain_error'

export class CartLineNotFoundError extends DomainError {
  static status = 404
  static code = 'E_NOT_FOUND'
  constructor() {
    super('No such cart line')
  }
}

/** A buyer's cart in one market, in the market's shard. */
export class CartService {
  async lines(market: MarketContext, buyer: Account) {
    return market.db
      .from('cart_lines as c')
      .join('skus as s', 's.id', 'c.sku_id')
      .where('c.market_code', market.code)
      .where('c.buyer_id', buyer.id)
      .select('c.id', 's.public_id as sku', 'c.quantity')
      .orderBy('c.id')
  }

  /** Adds units of a SKU (merging with its line), within the market's line limit. */
  async add(market: MarketContext, buyer: Account, skuPublicId: string, quantity: number, locale: string) {
    const sku = (await sellableSkus(market, [skuPublicId], locale)).get(skuPublicId)
    if (!sku) throw fieldError('sku', 'exists', 'sku is not for sale on this storefront')
    return market.transaction(async (trx) => {
      const existing = await trx.from('cart_lines').where('buyer_id', buyer.id).where('sku_id', sku.id).forUpdate().first()
      if (existing) {
        await trx.from('cart_lines').where('id', existing.id).update({ quantity: Number(existing.quantity) + quantity, updated_at: new Date() })
        return existing.id as number
      }
      const [{ count }] = await trx.from('cart_lines').where('buyer_id', buyer.id).where('market_code', market.code).count('* as count')
      if (Number(count) >= market.market.limits.maxCartLines) {
        throw fieldError('sku', 'maxCartLines', `sku: the cart already has ${market.market.limits.maxCartLines} lines`)
      }
      const [id] = await trx.table('cart_lines').insert({
        market_code: market.code,
        buyer_id: buyer.id,
        sku_id: sku.id,
        quantity,
        created_at: new Date(),
        updated_at: new Date(),
      })
      return id
    })
  }

  async update(market: MarketContext, buyer: Account, lineId: number, quantity: number) {
    const updated = await market.db
      .from('cart_lines')
      .where('id', lineId)
      .where('buyer_id', buyer.id)
      .where('market_code', market.code)
      .update({ quantity, updated_at: new Date() })
    if (Number(updated) !== 1) throw new CartLineNotFoundError()
  }

  async remove(market: MarketContext, buyer: Account, lineId: number) {
    const deleted = await market.db.from('cart_lines').where('id', lineId).where('buyer_id', buyer.id).where('market_code', market.code).delete()
    if (Number(deleted) !== 1) throw new CartLineNotFoundError()
  }
}

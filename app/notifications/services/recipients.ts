import type { MarketContext } from '#markets/market_context'

/** Who a message goes to: an account of the market, at its address of the moment. */
export interface Recipient {
  userId: number
  email: string
  name: string
}

/** An order as its messages need it, with its buyer and its shop's seller. */
export interface OrderParties {
  order: {
    id: number
    number: string
    status: string
    total: number
    currency: string
    courierId: string
    paymentGateway: string
    paymentDueAt: Date | null
    shipByAt: Date | null
    releaseDueAt: Date | null
  }
  shopName: string
  buyer: Recipient
  seller: Recipient
}

/**
 * The recipients of a market's messages, read from its shard: an order's
 * buyer (`orders.buyer_id`) and seller (the account that owns the order's
 * shop), a shop's seller, an account. Read-only.
 */
export class Recipients {
  async ofOrder(market: MarketContext, number: string): Promise<OrderParties | null> {
    const row = await market
      .table('orders as o')
      .join('users as b', 'b.id', 'o.buyer_id')
      .join('shops as s', 's.id', 'o.shop_id')
      .join('users as u', 'u.id', 's.user_id')
      .where('o.number', number)
      .select(
        'o.id',
        'o.number',
        'o.status',
        'o.total',
        'o.currency',
        'o.courier_id',
        'o.payment_gateway',
        'o.payment_due_at',
        'o.ship_by_at',
        'o.release_due_at',
        's.name as shop_name',
        'b.id as buyer_id',
        'b.email as buyer_email',
        'b.full_name as buyer_name',
        'u.id as seller_id',
        'u.email as seller_email',
        'u.full_name as seller_name'
      )
      .first()
    if (!row) return null
    return {
      order: {
        id: Number(row.id),
        number: row.number,
        status: row.status,
        total: Number(row.total),
        currency: row.currency,
        courierId: row.courier_id,
        paymentGateway: row.payment_gateway,
        paymentDueAt: row.payment_due_at ?? null,
        shipByAt: row.ship_by_at ?? null,
        releaseDueAt: row.release_due_at ?? null,
      },
      shopName: row.shop_name,
      buyer: { userId: Number(row.buyer_id), email: row.buyer_email, name: row.buyer_name },
      seller: { userId: Number(row.seller_id), email: row.seller_email, name: row.seller_name },
    }
  }

  /** The seller who owns a shop (by the shop's public id). */
  async ofShop(market: MarketContext, shopPublicId: string): Promise<Recipient | null> {
    const row = await market.table('shops as s').join('users as u', 'u.id', 's.user_id').where('s.public_id', shopPublicId).select('u.id', 'u.email', 'u.full_name').first()
    return row ? { userId: Number(row.id), email: row.email, name: row.full_name } : null
  }

  async accountByPublicId(market: MarketContext, publicId: string): Promise<Recipient | null> {
    const row = await market.table('users').where('public_id', publicId).select('id', 'email', 'full_name').first()
    return row ? { userId: Number(row.id), email: row.email, name: row.full_name } : null
  }

  async account(market: MarketContext, userId: number): Promise<Recipient | null> {
    const row = await market.table('users').where('id', userId).select('id', 'email', 'full_name').first()
    return row ? { userId: Number(row.id), email: row.email, name: row.full_name } : null
  }
}

import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { MarketContext } from '#markets/market_context'
import type Account from '#identity/models/account'
import { InventoryService } from '#inventory/services/inventory_service'
import { transition, type Actor, type OrderStatus } from '#orders/order_state'
import { moneyView } from '#money/money'
import { DomainError } from '#exceptions/domain_error'

export class OrderNotFoundError extends DomainError {
  static status = 404
  static code = 'E_NOT_FOUND'
  constructor() {
    super('No such order')
  }
}

const parseJson = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value)

/** Reading orders and the lifecycle steps that belong to orders themselves. */
export class OrderService {
  #inventory = new InventoryService()

  async checkout(market: MarketContext, checkoutId: string, locale: string, client: TransactionClientContract | undefined) {
    const orders = await (client ?? market.db).from('orders').where('market_code', market.code).where('checkout_id', checkoutId).orderBy('id')
    return {
      checkoutId,
      orders: await Promise.all(orders.map((order) => this.present(market, order, locale, client))),
    }
  }

  async present(market: MarketContext, order: Record<string, any>, locale: string, client?: TransactionClientContract) {
    const db = client ?? market.db
    const lines = await db.from('order_lines').where('order_id', order.id).orderBy('id')
    const history = await db.from('order_history').where('order_id', order.id).orderBy('id')
    const shop = await db.from('shops').where('id', order.shop_id).select('public_id', 'name').first()
    const view = (amount: unknown) => moneyView(Number(amount), order.currency, locale, market.market.priceDecimals)
    return {
      number: order.number,
      checkoutId: order.checkout_id,
      status: order.status,
      shop: shop ? { id: shop.public_id, name: shop.name } : null,
      courier: order.courier_id,
      paymentGateway: order.payment_gateway,
      configRevision: order.config_revision,
      goods: { gross: view(order.goods_gross), net: view(order.goods_net), tax: view(order.goods_tax) },
      shippingFee: view(order.shipping_fee),
      codSurcharge: view(order.cod_surcharge),
      total: view(order.total),
      paymentDueAt: new Date(order.payment_due_at).toISOString(),
      placedAt: new Date(order.placed_at).toISOString(),
      lines: lines.map((line) => ({
        sku: line.sku_public_id,
        product: line.product_public_id,
        title: line.title,
        options: parseJson(line.options),
        quantity: Number(line.quantity),
        unitPrice: view(line.unit_price),
        gross: view(line.gross),
        net: view(line.net),
        tax: view(line.tax),
        taxRate: {
          category: line.tax_category,
          rate: Number(line.tax_rate),
          effectiveFrom: line.tax_effective_from,
          taxableBase: line.taxable_base_numerator ? { numerator: line.taxable_base_numerator, denominator: line.taxable_base_denominator } : null,
        },
      })),
      history: history.map((entry) => ({
        from: entry.from_status,
        to: entry.to_status,
        actor: entry.actor_type,
        reason: entry.reason,
        at: new Date(entry.occurred_at).toISOString(),
      })),
    }
  }

  async forBuyer(market: MarketContext, buyer: Account, number: string) {
    const order = await market.db.from('orders').where('market_code', market.code).where('buyer_id', buyer.id).where('number', number).first()
    if (!order) throw new OrderNotFoundError()
    return order
  }

  async listForBuyer(market: MarketContext, buyer: Account, options: { limit: number; beforeId?: number }) {
    const query = market.db.from('orders').where('market_code', market.code).where('buyer_id', buyer.id).orderBy('id', 'desc').limit(options.limit + 1)
    if (options.beforeId) query.where('id', '<', options.beforeId)
    return query
  }

  /**
   * Cancels an unpaid order and puts its reserved units back on sale, in one
   * transaction (the order row is locked first, so a payment and a
   * cancellation cannot both win).
   */
  async cancel(market: MarketContext, number: string, actor: Actor, reason: string, buyerId?: number) {
    return market.transaction(async (trx) => {
      const query = trx.from('orders').where('market_code', market.code).where('number', number).forUpdate()
      if (buyerId !== undefined) query.where('buyer_id', buyerId)
      const order = await query.first()
      if (!order) throw new OrderNotFoundError()
      await transition(trx, market, { id: order.id, number, status: order.status as OrderStatus }, 'cancelled', actor, reason)
      const lines = await trx.from('order_lines').where('order_id', order.id)
      for (const line of lines) {
        await this.#inventory.releaseStock(market, { id: Number(line.sku_id), publicId: line.sku_public_id }, Number(line.quantity), trx)
      }
      return order.id as number
    })
  }

  /** Cancels the market's orders still unpaid past their window; returns how many. */
  async expireUnpaid(market: MarketContext, now = new Date(), batch = 100) {
    const due = await market.db
      .from('orders')
      .where('market_code', market.code)
      .where('status', 'pending_payment')
      .where('payment_due_at', '<', now)
      .orderBy('payment_due_at')
      .limit(batch)
      .select('number')
    let cancelled = 0
    for (const { number } of due) {
      try {
        await this.cancel(market, number, { type: 'system', id: null }, 'payment window expired')
        cancelled++
      } catch (error) {
        // Paid or cancelled meanwhile: nothing to do.
        if ((error as DomainError).code !== 'E_ILLEGAL_TRANSITION') throw error
      }
    }
    return cancelled
  }
}

import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { MarketContext } from '#markets/market_context'
import type Account from '#identity/models/account'
import logger from '@adonisjs/core/services/logger'
import { InventoryService } from '#inventory/services/inventory_service'
import { FlashSaleGate } from '#flash_sales/services/flash_sale_gate'
import { transition, type Actor, type OrderStatus } from '#orders/order_state'
import { orderResource } from '#orders/transformers/order_resource'
import { DomainError } from '#exceptions/domain_error'

export class OrderNotFoundError extends DomainError {
  static status = 404
  static code = 'E_NOT_FOUND'
  constructor() {
    super('No such order')
  }
}

/** Reading orders and the lifecycle steps that belong to orders themselves. */
export class OrderService {
  #inventory = new InventoryService()
  #gate = new FlashSaleGate()

  async present(market: MarketContext, order: Record<string, any>, locale: string, client?: TransactionClientContract) {
    const db = client ?? market.db
    const lines = await db.from('order_lines').where('order_id', order.id).orderBy('id')
    const history = await db.from('order_history').where('order_id', order.id).orderBy('id')
    const shop = await db.from('shops').where('id', order.shop_id).select('public_id', 'name').first()
    return orderResource(market, locale, order, lines, history, shop ? { id: shop.public_id, name: shop.name } : null)
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
   * cancellation cannot both win). Units bought in a flash sale then go back
   * to the sale in Redis; if Redis does not answer, reconciliation reports
   * the drift and `flash-sales:reconcile --fix` restores it.
   */
  async cancel(market: MarketContext, number: string, actor: Actor, reason: string, buyerId?: number) {
    const { id, buyer, lines } = await market.transaction(async (trx) => {
      const query = trx.from('orders').where('market_code', market.code).where('number', number).forUpdate()
      if (buyerId !== undefined) query.where('buyer_id', buyerId)
      const order = await query.first()
      if (!order) throw new OrderNotFoundError()
      await transition(trx, market, { id: order.id, number, status: order.status as OrderStatus }, 'cancelled', actor, reason)
      const orderLines = await trx.from('order_lines').where('order_id', order.id)
      for (const line of orderLines) {
        await this.#inventory.releaseStock(market, { id: Number(line.sku_id), publicId: line.sku_public_id }, Number(line.quantity), trx)
      }
      return { id: order.id as number, buyer: String(order.buyer_id), lines: orderLines }
    })
    for (const line of lines.filter((candidate) => candidate.flash_sale_id)) {
      try {
        await this.#gate.returnUnits(Number(line.flash_sale_id), buyer, Number(line.quantity))
      } catch (error) {
        logger.warn({ err: error, market: market.code, order: number, sale: line.flash_sale_id }, 'flash-sale units of a cancelled order not returned to Redis')
      }
    }
    return id
  }

  /** Cancels the market's orders still unpaid past their window; returns how many. */
  async expireUnpaid(market: MarketContext, now = new Date(), batch = 100, keepGoing: () => boolean = () => true) {
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
      // A stopping worker leaves the rest of the batch to the next one.
      if (!keepGoing()) break
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

import { DateTime } from 'luxon'
import logger from '@adonisjs/core/services/logger'
import type { MarketContext } from '#markets/market_context'
import type Account from '#identity/models/account'
import { InventoryService } from '#inventory/services/inventory_service'
import { FlashSaleService } from '#flash_sales/services/flash_sale_service'
import { IllegalTransitionError, transition, type Actor, type OrderStatus } from '#orders/order_state'
import type { OrderParts } from '#orders/transformers/order_resource'
import { NotFoundError } from '#exceptions/not_found_error'
import type { DomainError } from '#exceptions/domain_error'
import { TaxJournal } from '#tax/services/tax_journal'

/** Reading orders and the lifecycle steps that belong to orders themselves. */
export class OrderService {
  #inventory = new InventoryService()
  #flashSales = new FlashSaleService()
  #journal = new TaxJournal()

  /** An order with its lines, history and shop: what `orderResource` shows. */
  async parts(market: MarketContext, order: Record<string, any>): Promise<OrderParts> {
    const lines = await market.table('order_lines').where('order_id', order.id).orderBy('id')
    const history = await market.table('order_history').where('order_id', order.id).orderBy('id')
    const shop = await market.table('shops').where('id', order.shop_id).select('public_id', 'name').first()
    return { order, lines, history, shop: shop ? { id: shop.public_id, name: shop.name } : null }
  }

  /** Any order of the market by its number (support); another market's number is no order here. */
  async byNumber(market: MarketContext, number: string) {
    const order = await market.table('orders').where('number', number).first()
    if (!order) throw new NotFoundError('order')
    return order
  }

  async forBuyer(market: MarketContext, buyer: Account, number: string) {
    const order = await market.table('orders').where('buyer_id', buyer.id).where('number', number).first()
    if (!order) throw new NotFoundError('order')
    return order
  }

  async listForBuyer(market: MarketContext, buyer: Account, options: { limit: number; beforeId?: number }) {
    const query = market.table('orders').where('buyer_id', buyer.id).orderBy('id', 'desc').limit(options.limit + 1)
    if (options.beforeId) query.where('id', '<', options.beforeId)
    return query
  }

  /** The orders of one checkout (one per seller), optionally of one buyer and locked for the caller's transaction. */
  async checkoutOrders(market: MarketContext, checkoutId: string, options: { buyerId?: number; lock?: boolean } = {}) {
    const query = market.table('orders').where('checkout_id', checkoutId).orderBy('id')
    if (options.buyerId !== undefined) query.where('buyer_id', options.buyerId)
    if (options.lock) query.forUpdate()
    return query
  }

  /** Moves an order along its lifecycle (the row locked first), with who and why. */
  async move(market: MarketContext, number: string, to: OrderStatus, actor: Actor, reason: string | null = null, changes: Record<string, unknown> = {}) {
    return market.transaction(async (market) => {
      const order = await market.table('orders').where('number', number).forUpdate().first()
      if (!order) throw new NotFoundError('order')
      await transition(market, { id: order.id, number, status: order.status as OrderStatus }, to, actor, reason)
      if (Object.keys(changes).length) await market.table('orders').where('id', order.id).update(changes)
      return { ...order, ...changes, status: to }
    })
  }

  /**
   * Marks an unpaid order paid. `orders.paid` carries the lines, so stock
   * and the catalog's sold counts follow from the event alone.
   */
  async markPaid(market: MarketContext, number: string, actor: Actor, reason: string | null = null) {
    await this.sell(market, number, 'paid', actor, reason)
  }

  /** An unpaid order the buyer pays in cash at the door: to the seller to ship, its units sold as for a paid order. */
  async confirmCashOnDelivery(market: MarketContext, number: string, actor: Actor) {
    await this.sell(market, number, 'ready_to_ship', actor, 'cash on delivery')
  }

  /** The transition that sells an order's units: its event carries the lines (`commitPaidStock`, `countSold`). */
  private async sell(market: MarketContext, number: string, to: 'paid' | 'ready_to_ship', actor: Actor, reason: string | null) {
    await market.transaction(async (market) => {
      const order = await market.table('orders').where('number', number).forUpdate().first()
      if (!order) throw new NotFoundError('order')
      const lines = await market.table('order_lines').where('order_id', order.id).select('sku_id', 'sku_public_id', 'product_public_id', 'quantity')
      await transition(market, { id: order.id, number, status: order.status as OrderStatus }, to, actor, reason, {
        lines: lines.map((line) => ({ skuId: Number(line.sku_id), sku: line.sku_public_id, product: line.product_public_id, quantity: Number(line.quantity) })),
      })
      // The seller's clock starts: shipped within the market's days, or the worker cancels and refunds.
      const shipBy = DateTime.utc().plus({ days: market.config.couriers.shipWithinDays ?? 3 }).toJSDate()
      await market.table('orders').where('id', order.id).update({ ship_by_at: shipBy })
      // A prepaid order's tax point is its capture (cash on delivery: its delivery).
      if (to === 'paid') await this.#journal.sale(market, Number(order.id), new Date())
    })
  }

  /**
   * Cancels an order not yet shipped and puts its units back on sale, in one
   * transaction (reserved units of an unpaid order, sold units of a paid or
   * cash-on-delivery one; its money goes back through `orders.cancelled`) (the order row is locked first, so a payment and a
   * cancellation cannot both win). Units bought in a flash sale then go back
   * to the sale in Redis; if Redis does not answer, reconciliation reports
   * the drift and `flash-sales:reconcile --fix` restores it.
   */
  async cancel(market: MarketContext, number: string, actor: Actor, reason: string, buyerId?: number, onlyFrom?: OrderStatus[]) {
    const { id, buyer, lines } = await market.transaction(async (market) => {
      const query = market.table('orders').where('number', number).forUpdate()
      if (buyerId !== undefined) query.where('buyer_id', buyerId)
      const order = await query.first()
      if (!order) throw new NotFoundError('order')
      // Expiry cancels only what is still unpaid: a capture that won the row lock keeps its order.
      if (onlyFrom && !onlyFrom.includes(order.status)) throw new IllegalTransitionError(number, order.status, 'cancelled')
      await transition(market, { id: order.id, number, status: order.status as OrderStatus }, 'cancelled', actor, reason)
      const orderLines = await market.table('order_lines').where('order_id', order.id)
      const sold = order.status !== 'pending_payment'
      for (const line of orderLines) {
        const sku = { id: Number(line.sku_id), publicId: line.sku_public_id }
        await (sold ? this.#inventory.restock(market, sku, Number(line.quantity)) : this.#inventory.releaseStock(market, sku, Number(line.quantity)))
      }
      return { id: order.id as number, buyer: String(order.buyer_id), lines: orderLines }
    })
    for (const line of lines.filter((candidate) => candidate.flash_sale_id)) {
      try {
        await this.#flashSales.returnUnits(market, Number(line.flash_sale_id), buyer, Number(line.quantity))
      } catch (error) {
        logger.warn({ err: error, market: market.code, order: number, sale: line.flash_sale_id }, 'flash-sale units of a cancelled order not returned to Redis')
      }
    }
    return id
  }

  /** Cancels the market's orders still unpaid past their window; returns how many. */
  async expireUnpaid(market: MarketContext, now = new Date(), batch = 100, keepGoing: () => boolean = () => true) {
    const due = await market
      .table('orders')
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
        await this.cancel(market, number, { type: 'system', id: null }, 'payment window expired', undefined, ['pending_payment'])
        cancelled++
      } catch (error) {
        // Paid or cancelled meanwhile: nothing to do.
        if ((error as DomainError).code !== 'E_ILLEGAL_TRANSITION') throw error
      }
    }
    return cancelled
  }
}

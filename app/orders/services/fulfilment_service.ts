import { DateTime } from 'luxon'
import type { MarketContext } from '#markets/market_context'
import type Account from '#identity/models/account'
import type Shop from '#identity/models/shop'
import { OrderService } from '#orders/services/order_service'
import { IllegalTransitionError, type OrderStatus } from '#orders/order_state'
import { AlreadyShippedError, ShipmentService } from '#logistics/services/shipment_service'
import { EscrowService, escrowOrderOf } from '#escrow/services/escrow_service'
import { NotFoundError } from '#exceptions/not_found_error'
import { DomainError } from '#exceptions/domain_error'
import { TaxJournal } from '#tax/services/tax_journal'
import { jsonColumn } from '#catalog/models/json_column'

export class GuaranteeAlreadyExtendedError extends DomainError {
  static status = 409
  static code = 'E_GUARANTEE_EXTENDED'
  constructor(number: string) {
    super(`The guarantee of order ${number} was already extended`, { number })
  }
}

/**
 * An order from payment to completion: the seller ships it, the courier's
 * tracking moves it to shipped and delivered, and the escrow is released
 * to the seller when the buyer confirms receipt or when the guarantee
 * (`escrow.autoReleaseDays` after delivery, extendable once) runs out.
 */
export class FulfilmentService {
  #journal = new TaxJournal()
  #orders = new OrderService()
  #shipments = new ShipmentService()
  #escrow = new EscrowService()

  async sellerOrders(market: MarketContext, shop: Shop, options: { status?: string; limit: number; beforeId?: number }) {
    const query = market.table('orders').where('shop_id', shop.id).orderBy('id', 'desc').limit(options.limit + 1)
    if (options.status) query.where('status', options.status)
    if (options.beforeId) query.where('id', '<', options.beforeId)
    return query
  }

  async forSeller(market: MarketContext, shop: Shop, number: string) {
    const order = await market.table('orders').where('shop_id', shop.id).where('number', number).first()
    if (!order) throw new NotFoundError('order')
    return order
  }

  /** The seller hands a paid (or COD) order to its courier: a shipment with a tracking number and a label. */
  async ship(market: MarketContext, shop: Shop, seller: Account, number: string, pickupDate: string | null) {
    return market.transaction(async (market) => {
      const order = await market.table('orders').where('shop_id', shop.id).where('number', number).forUpdate().first()
      if (!order) throw new NotFoundError('order')
      // Ready to ship before any shipment: only cash on delivery gets there unpaid.
      const cod = order.status === 'ready_to_ship'
      if (order.status === 'paid') {
        await this.#orders.move(market, number, 'ready_to_ship', { type: 'seller', id: seller.publicId }, 'shipment booked')
      } else if (order.status !== 'ready_to_ship') {
        throw new IllegalTransitionError(number, order.status, 'ready_to_ship')
      }
      const lines = await market.table('order_lines').where('order_id', order.id).select('weight_grams', 'quantity')
      const weightGrams = lines.reduce((sum, line) => sum + Number(line.weight_grams) * Number(line.quantity), 0)
      return this.#shipments.book(market, { id: order.id, number, courierId: order.courier_id, weightGrams, cashOnDelivery: Boolean(cod), codAmount: cod ? Number(order.total) : 0 }, pickupDate)
    })
  }

  /**
   * The seller cannot fulfil it (out of stock...): cancelled before any
   * parcel exists, units back on sale, and the money refunded in full
   * through `orders.cancelled`, as every cancelled paid order is.
   */
  async sellerCancel(market: MarketContext, shop: Shop, seller: Account, number: string, reason: string) {
    return market.transaction(async (market) => {
      const order = await market.table('orders').where('shop_id', shop.id).where('number', number).forUpdate().first()
      if (!order) throw new NotFoundError('order')
      if (await market.table('shipments').where('order_id', order.id).where('purpose', 'delivery').first()) throw new AlreadyShippedError(number)
      await this.#orders.cancel(market, number, { type: 'seller', id: seller.publicId }, `seller: ${reason}`)
    })
  }

  /**
   * What the courier's tracking means for the order: picked up is shipped,
   * delivered starts the guarantee, a parcel back at the seller refunds a
   * shipped order (cancels one never picked up). A late event changes nothing.
   */
  async shipmentStatusChanged(market: MarketContext, number: string, status: string, at: Date) {
    return market.transaction(async (market) => {
      const order = await market.table('orders').where('number', number).forUpdate().first()
      if (!order) return
      const system = { type: 'system' as const, id: null }
      let current = order.status as OrderStatus
      if (status === 'returned_to_sender') {
        if (current === 'shipped') await this.#orders.move(market, number, 'refunded', system, 'courier: returned to sender')
        else if (current === 'ready_to_ship') await this.#orders.cancel(market, number, system, 'courier: returned to sender')
        return
      }
      const steps: Partial<Record<string, OrderStatus[]>> = {
        picked_up: ['shipped'],
        in_transit: ['shipped'],
        out_for_delivery: ['shipped'],
        delivered: ['shipped', 'delivered'],
      }
      for (const to of steps[status] ?? []) {
        if (current !== (to === 'shipped' ? 'ready_to_ship' : 'shipped')) continue
        const changes =
          to === 'delivered'
            ? { delivered_at: at, release_due_at: DateTime.fromJSDate(at).plus({ days: market.config.escrow.autoReleaseDays }).toJSDate() }
            : {}
        await this.#orders.move(market, number, to, system, `courier: ${status}`, changes)
        // Cash on delivery has its tax point here, when the courier collects; a prepaid order had it at its capture.
        if (to === 'delivered' && (await this.#paidInCash(market, order))) await this.#journal.sale(market, Number(order.id), at)
        current = to
      }
    })
  }

  /** Whether the order's payment is cash on delivery (the buyer may have switched gateways after placing it). */
  async #paidInCash(market: MarketContext, order: Record<string, any>) {
    const payments = await market.table('payments').where('checkout_id', order.checkout_id).where('method', 'cod').whereNot('status', 'superseded').select('order_numbers')
    return payments.some((payment) => (jsonColumn.consume(payment.order_numbers) as string[]).includes(order.number))
  }

  /** The buyer has the goods: escrow to the seller now. Only after delivery. */
  async confirmReceipt(market: MarketContext, buyer: Account, number: string) {
    const order = await this.#orders.forBuyer(market, buyer, number)
    if (order.status !== 'delivered') throw new IllegalTransitionError(number, order.status, 'completed')
    return this.release(market, number, { type: 'buyer', id: buyer.publicId }, 'receipt confirmed')
  }

  /** Once, before the guarantee runs out: the release waits `escrow.guaranteeExtensionDays` more. */
  async extendGuarantee(market: MarketContext, buyer: Account, number: string) {
    return market.transaction(async (market) => {
      const order = await market.table('orders').where('buyer_id', buyer.id).where('number', number).forUpdate().first()
      if (!order) throw new NotFoundError('order')
      if (order.status !== 'delivered') throw new IllegalTransitionError(number, order.status, 'delivered')
      if (order.guarantee_extended) throw new GuaranteeAlreadyExtendedError(number)
      const due = DateTime.fromJSDate(new Date(order.release_due_at)).plus({ days: market.config.escrow.guaranteeExtensionDays ?? 3 }).toJSDate()
      await market.table('orders').where('id', order.id).update({ release_due_at: due, guarantee_extended: true, updated_at: new Date() })
      return { ...order, release_due_at: due, guarantee_extended: 1 }
    })
  }

  /** Cancels (and so refunds) the market's orders not handed to a courier within `couriers.shipWithinDays`; returns how many. */
  async cancelUnshipped(market: MarketContext, now = new Date(), batch = 100) {
    const due = await market
      .table('orders as o')
      .leftJoin('shipments as s', (join) => join.on('s.order_id', 'o.id').andOnVal('s.purpose', 'delivery'))
      .whereIn('o.status', ['paid', 'ready_to_ship'])
      .where('o.ship_by_at', '<', now)
      .whereNull('s.id')
      .orderBy('o.ship_by_at')
      .limit(batch)
      .select('o.number')
    let cancelled = 0
    for (const { number } of due) {
      try {
        await market.transaction(async (market) => {
          // The order locked first, as ship() does; booked meanwhile means the seller made it.
          await market.table('orders').where('number', number).forUpdate().first()
          if (await market.table('shipments').where('order_number', number).where('purpose', 'delivery').first()) return
          await this.#orders.cancel(market, number, { type: 'system', id: null }, 'not shipped in time')
          cancelled++
        })
      } catch (error) {
        if ((error as DomainError).code !== 'E_ILLEGAL_TRANSITION') throw error
      }
    }
    return cancelled
  }

  /** Releases the market's delivered orders whose guarantee ran out; returns how many. */
  async releaseDue(market: MarketContext, now = new Date(), batch = 100) {
    const due = await market.table('orders').where('status', 'delivered').where('release_due_at', '<=', now).orderBy('release_due_at').limit(batch).select('number')
    let released = 0
    for (const { number } of due) {
      try {
        await this.release(market, number, { type: 'system', id: null }, 'guarantee period over')
        released++
      } catch (error) {
        if ((error as DomainError).code !== 'E_ILLEGAL_TRANSITION') throw error
      }
    }
    return released
  }

  /** Escrow to the courier, the platform and the seller, and the order completed, in one transaction. */
  private async release(market: MarketContext, number: string, actor: { type: 'buyer' | 'system'; id: string | null }, reason: string) {
    return market.transaction(async (market) => {
      const order = await market
        .table('orders as o')
        .join('shops as s', 's.id', 'o.shop_id')
        .where('o.number', number)
        .forUpdate()
        .select('o.*', 's.public_id as shop_public_id')
        .first()
      if (!order) throw new NotFoundError('order')
      await this.#orders.move(market, number, 'completed', actor, reason)
      const split = await this.#escrow.release(market, escrowOrderOf(order))
      return { number, split }
    })
  }
}

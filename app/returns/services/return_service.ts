import { DateTime } from 'luxon'
import type { MarketContext } from '#markets/market_context'
import type Account from '#identity/models/account'
import type { Actor } from '#orders/order_state'
import { OrderService } from '#orders/services/order_service'
import { EscrowService, escrowOrderOf } from '#escrow/services/escrow_service'
import { PaymentService } from '#payments/services/payment_service'
import { ShipmentService } from '#logistics/services/shipment_service'
import { Outbox } from '#messaging/services/outbox'
import { allocateInSteps, allocateMinor, priceStep } from '#money/money'
import logger from '@adonisjs/core/services/logger'
import { DomainError } from '#exceptions/domain_error'
import { NotFoundError } from '#exceptions/not_found_error'
import { fieldError } from '#exceptions/field_error'
import { IllegalTransitionError } from '#orders/order_state'
import { TaxJournal, type RefundedLine } from '#tax/services/tax_journal'

export type ReturnStatus = 'requested' | 'accepted' | 'disputed' | 'awaiting_return' | 'refunded' | 'rejected'
export type Decision = 'refund_full' | 'refund_partial' | 'rejected'

/** Cases still open: at most one per order at a time. */
const OPEN: ReturnStatus[] = ['requested', 'accepted', 'disputed', 'awaiting_return']

export class ReturnStateError extends DomainError {
  static status = 409
  static code = 'E_RETURN_STATE'
  constructor(id: string, status: string) {
    super(`Return ${id} is ${status}: this cannot be done now`, { id, status }, { details: { status } })
  }
}

export class ReturnWindowClosedError extends DomainError {
  static status = 409
  static code = 'E_RETURN_WINDOW_CLOSED'
  constructor(number: string, days: number) {
    super(`The return window of order ${number} (${days} days after delivery) is over`, { number, days }, { details: { days } })
  }
}

export class ReturnOpenError extends DomainError {
  static status = 409
  static code = 'E_RETURN_OPEN'
  constructor(number: string, id: string) {
    super(`Order ${number} already has an open return (${id})`, { number, id }, { details: { return: id } })
  }
}

export interface OpenReturnInput {
  /** Omitted: every unit of the order not returned before. */
  lines?: { sku: string; quantity: number }[]
  reason: string
  description: string
  photos?: string[]
}

/**
 * Returns and refunds (DESIGN.md §6-8): a buyer asks within the market's
 * window after delivery (also once the order completed: the refund then
 * claws back from the seller). The order's escrow is frozen at once (its
 * status `return_requested` stops confirm-receipt and the automatic
 * release) until the case ends. The seller accepts or disputes within
 * `returns.sellerResponseDays` (silence is acceptance); support decides a
 * dispute. Goods that go back travel as a return shipment, and the refund
 * waits for its delivery. Locks: the order row, then the case, then the
 * payment (PaymentService), then ledger accounts (Ledger).
 */
export class ReturnService {
  #journal = new TaxJournal()
  #orders = new OrderService()
  #escrow = new EscrowService()
  #payments = new PaymentService()
  #shipments = new ShipmentService()

  async open(market: MarketContext, buyer: Pick<Account, 'id' | 'publicId'>, number: string, input: OpenReturnInput, actor: Actor = { type: 'buyer', id: buyer.publicId }) {
    const config = market.config.returns
    const reason = config.reasons.find((candidate) => candidate.id === input.reason)
    if (!reason) throw fieldError('reason', 'in', `reason must be one of ${config.reasons.map((candidate) => candidate.id).join(', ')}`, { choices: config.reasons.map((candidate) => candidate.id) })
    return market.transaction(async (market) => {
      const order = await market
        .table('orders as o')
        .join('shops as s', 's.id', 'o.shop_id')
        .where('o.buyer_id', buyer.id)
        .where('o.number', number)
        .forUpdate()
        .select('o.*', 's.public_id as shop_public_id')
        .first()
      if (!order) throw new NotFoundError('order')
      const open = await market.table('returns').where('order_id', order.id).whereIn('status', OPEN).first()
      if (open) throw new ReturnOpenError(number, open.public_id)
      if (order.status !== 'delivered' && order.status !== 'completed') throw new IllegalTransitionError(number, order.status, 'return_requested')
      if (!order.delivered_at || DateTime.fromJSDate(new Date(order.delivered_at)).plus({ days: config.windowDays }) < DateTime.now()) throw new ReturnWindowClosedError(number, config.windowDays)

      const lines = await market.table('order_lines').where('order_id', order.id).orderBy('id')
      const returned = await market
        .table('return_lines as rl')
        .join('returns as r', 'r.id', 'rl.return_id')
        .where('r.order_id', order.id)
        .whereNot('r.status', 'rejected')
        .groupBy('rl.order_line_id')
        .select('rl.order_line_id')
        .sum('rl.quantity as quantity')
        .sum('rl.amount as amount')
      const already = new Map(returned.map((row) => [Number(row.order_line_id), Number(row.quantity)]))
      const alreadyAmount = new Map(returned.map((row) => [Number(row.order_line_id), Number(row.amount)]))
      // Amounts a provider can move: multiples of the market's price step (whole rupiah in ID).
      const step = priceStep(market.currency, market.priceDecimals)
      const wanted = input.lines ?? lines.map((line) => ({ sku: line.sku_public_id as string, quantity: Number(line.quantity) - (already.get(Number(line.id)) ?? 0) })).filter((line) => line.quantity > 0)
      if (wanted.length === 0) throw fieldError('lines', 'returnable', 'lines: every unit of this order was already returned')
      const chosen = wanted.map((want, index) => {
        const line = lines.find((candidate) => candidate.sku_public_id === want.sku)
        if (!line) throw fieldError(`lines.${index}.sku`, 'exists', `lines.${index}.sku is not a line of order ${number}`)
        const left = Number(line.quantity) - (already.get(Number(line.id)) ?? 0)
        if (want.quantity > left) throw fieldError(`lines.${index}.quantity`, 'max', `lines.${index}.quantity: at most ${left} left to return`, { max: left })
        // What these units cost: what is left of the line's gross (after earlier cases) spread over the units left,
        // exactly, in price steps, so cases on one line never add up to more than the line.
        const leftGross = Number(line.gross) - (alreadyAmount.get(Number(line.id)) ?? 0)
        const [amount] = allocateInSteps(leftGross, step, market.currency, [want.quantity, left - want.quantity])
        return { line, quantity: want.quantity, amount }
      })
      const afterRelease = await this.#escrow.isReleased(market, number)
      const everything = chosen.length === lines.length && chosen.every(({ line, quantity }) => quantity === Number(line.quantity)) && already.size === 0
      // A whole order sent back before release gets its shipping back too (it is still in escrow).
      const shipping = everything && !afterRelease ? Number(order.shipping_fee) + Number(order.cod_surcharge) : 0
      const requested = chosen.reduce((sum, item) => sum + item.amount, 0) + shipping

      const publicId = market.publicId()
      const now = new Date()
      const returnId = await market.insert('returns', {
        public_id: publicId,
        order_id: order.id,
        order_number: number,
        buyer_id: buyer.id,
        shop_id: order.shop_id,
        status: 'requested',
        reason: reason.id,
        description: input.description,
        photos: JSON.stringify(input.photos ?? []),
        goods_back: reason.goodsBack,
        after_release: afterRelease,
        requested_amount: requested,
        currency: market.currency,
        respond_by_at: DateTime.fromJSDate(now).plus({ days: config.sellerResponseDays }).toJSDate(),
        created_at: now,
        updated_at: now,
      })
      await market.insert(
        'return_lines',
        chosen.map(({ line, quantity, amount }) => ({ return_id: returnId, order_line_id: line.id, quantity, amount, tax_rate: line.tax_rate }))
      )
      await this.#orders.move(market, number, 'return_requested', actor, `return ${publicId}: ${reason.id}`)
      await Outbox.record(market, { domain: 'returns', name: 'requested', data: { id: publicId, order: number, amount: requested, reason: reason.id } })
      return publicId
    })
  }

  /** The seller accepts (the refund follows, after the goods are back when they go back) or disputes (support decides). */
  async respond(market: MarketContext, shopId: number, sellerPublicId: string, id: string, input: { action: 'accept' } | { action: 'dispute'; note: string }) {
    return this.withCase(market, id, { shopId }, async (market, found, order) => {
      if (found.status !== 'requested') throw new ReturnStateError(id, found.status)
      // Past the deadline silence has already accepted (the worker may just not have run yet).
      if (new Date(found.respond_by_at) <= new Date()) {
        await this.approve(market, found, order, Number(found.requested_amount), 'refund_full', 'seller did not answer in time', 'system')
        return
      }
      if (input.action === 'dispute') {
        await market.table('returns').where('id', found.id).update({ status: 'disputed', seller_note: input.note, updated_at: new Date() })
        await Outbox.record(market, { domain: 'returns', name: 'disputed', data: { id, order: found.order_number } })
        return
      }
      await this.approve(market, found, order, Number(found.requested_amount), 'refund_full', null, `seller:${sellerPublicId}`)
    })
  }

  /**
   * Support's decision on a dispute: the whole requested amount, part of
   * it, or nothing; with a reason (the caller audits it). Parallel
   * decisions on one case: the first one decides, the others get 409.
   */
  async decide(market: MarketContext, staffId: string, id: string, input: { decision: Decision; amount?: number; reason: string }) {
    return this.withCase(market, id, {}, async (market, found, order) => {
      // A dispute; or a case waiting for goods that never came back (lost parcel, never handed over).
      if (found.status !== 'disputed' && found.status !== 'awaiting_return') throw new ReturnStateError(id, found.status)
      if (input.decision === 'rejected') {
        await market.table('returns').where('id', found.id).update({ status: 'rejected', decision: 'rejected', decision_reason: input.reason, decided_by: staffId, approved_amount: 0, closed_at: new Date(), updated_at: new Date() })
        await this.closeOrder(market, found, order, 0, 0, 0, { type: 'staff', id: staffId })
        await Outbox.record(market, { domain: 'returns', name: 'decided', data: { id, order: found.order_number, decision: 'rejected', amount: 0 } })
        return
      }
      const requested = Number(found.requested_amount)
      const amount = input.decision === 'refund_full' ? requested : input.amount!
      if (amount > requested) throw fieldError('amount', 'max', `amount: at most the ${requested} asked for`, { max: requested })
      const step = priceStep(market.currency, market.priceDecimals)
      if (amount % step !== 0) throw fieldError('amount', 'step', `amount must be a multiple of ${step} (the market's smallest price step)`, { step })
      if (found.status === 'awaiting_return') {
        // Support refunds without waiting for the goods (or for less): the refund goes now.
        await market.table('returns').where('id', found.id).update({ approved_amount: amount, decision: input.decision, decision_reason: input.reason, decided_by: staffId, updated_at: new Date() })
        await Outbox.record(market, { domain: 'returns', name: 'decided', data: { id, order: found.order_number, decision: input.decision, amount } })
        return this.refund(market, { ...found, approved_amount: amount, decision: input.decision }, order)
      }
      await this.approve(market, found, order, amount, input.decision, input.reason, staffId)
    })
  }

  /** Silence is acceptance: cases the seller did not answer in time are accepted in full; returns how many. */
  async acceptUnanswered(market: MarketContext, now = new Date(), batch = 100) {
    const due = await market.table('returns').where('status', 'requested').where('respond_by_at', '<=', now).orderBy('respond_by_at').limit(batch).select('public_id')
    let accepted = 0
    for (const { public_id: id } of due) {
      try {
        await this.withCase(market, id, {}, async (market, found, order) => {
          if (found.status !== 'requested') return
          await this.approve(market, found, order, Number(found.requested_amount), 'refund_full', 'seller did not answer in time', 'system')
          accepted++
        })
      } catch (error) {
        // One case that cannot be accepted (support must look) never holds back the others.
        logger.error({ err: error, market: market.code, return: id }, 'an unanswered return could not be accepted')
      }
    }
    return accepted
  }

  /** The return parcel reached the seller: the refund the case waited for goes out. */
  async goodsBack(market: MarketContext, id: string) {
    await this.withCase(market, id, {}, async (market, found, order) => {
      if (found.status !== 'awaiting_return') return
      await this.refund(market, found, order)
    })
  }

  async forBuyer(market: MarketContext, buyerId: number, id: string) {
    const found = await market.table('returns').where('public_id', id).where('buyer_id', buyerId).first()
    if (!found) throw new NotFoundError('return')
    return this.parts(market, found)
  }

  async forShop(market: MarketContext, shopId: number, id: string) {
    const found = await market.table('returns').where('public_id', id).where('shop_id', shopId).first()
    if (!found) throw new NotFoundError('return')
    return this.parts(market, found)
  }

  async list(market: MarketContext, filter: { shopId?: number; orderNumber?: string; status?: string; limit: number; beforeId?: number }) {
    const query = market.table('returns').orderBy('id', 'desc').limit(filter.limit + 1)
    if (filter.shopId !== undefined) query.where('shop_id', filter.shopId)
    if (filter.orderNumber !== undefined) query.where('order_number', filter.orderNumber)
    if (filter.status) query.where('status', filter.status)
    if (filter.beforeId) query.where('id', '<', filter.beforeId)
    const rows = await query
    return Promise.all(rows.map((row) => this.parts(market, row)))
  }

  /** Any case of the market by its id (support), with its lines and parcel. */
  async byPublicId(market: MarketContext, id: string) {
    const found = await market.table('returns').where('public_id', id).first()
    if (!found) throw new NotFoundError('return')
    return this.parts(market, found)
  }

  /** A case with its lines and return parcel, as resources show it. */
  async parts(market: MarketContext, found: Record<string, any>) {
    const lines = await market
      .table('return_lines as rl')
      .join('order_lines as l', 'l.id', 'rl.order_line_id')
      .where('rl.return_id', found.id)
      .orderBy('rl.id')
      .select('rl.*', 'l.sku_public_id', 'l.title', 'l.quantity as ordered')
    const parcel = await this.#shipments.forOrder(market, Number(found.order_id), found.public_id)
    return { return: found, lines, parcel }
  }

  /** Locks the case's order, then the case (the order first, as opening a case does), and runs `work` in one transaction. */
  private async withCase<T>(market: MarketContext, id: string, scope: { shopId?: number }, work: (market: MarketContext, found: Record<string, any>, order: Record<string, any>) => Promise<T>) {
    const peek = await market.table('returns').where('public_id', id).select('order_id', 'shop_id').first()
    if (!peek || (scope.shopId !== undefined && Number(peek.shop_id) !== scope.shopId)) throw new NotFoundError('return')
    return market.transaction(async (market) => {
      const order = await market
        .table('orders as o')
        .join('shops as s', 's.id', 'o.shop_id')
        .join('users as u', 'u.id', 'o.buyer_id')
        .where('o.id', peek.order_id)
        .forUpdate()
        .select('o.*', 's.public_id as shop_public_id', 'u.public_id as buyer_public_id')
        .first()
      const found = await market.table('returns').where('public_id', id).forUpdate().first()
      return work(market, found, order)
    })
  }

  /** An approved amount: refunded now, or once the goods are back with the seller (a return parcel is booked). */
  private async approve(market: MarketContext, found: Record<string, any>, order: Record<string, any>, amount: number, decision: Decision, reason: string | null, by: string) {
    const { refundable } = await this.#payments.refundable(market, found.order_number, { lock: true })
    if (amount > refundable) throw fieldError('amount', 'max', `amount: at most ${refundable} is left to refund`, { max: refundable })
    const goodsBack = Boolean(found.goods_back)
    await market
      .table('returns')
      .where('id', found.id)
      .update({ status: goodsBack ? 'awaiting_return' : 'accepted', approved_amount: amount, decision, decision_reason: reason, decided_by: by, updated_at: new Date() })
    await Outbox.record(market, { domain: 'returns', name: by.startsWith('seller:') || by === 'system' ? 'accepted' : 'decided', data: { id: found.public_id, order: found.order_number, decision, amount } })
    const current = { ...found, approved_amount: amount, decision, status: goodsBack ? 'awaiting_return' : 'accepted' }
    if (!goodsBack) return this.refund(market, current, order)
    const weights = await market.table('return_lines as rl').join('order_lines as l', 'l.id', 'rl.order_line_id').where('rl.return_id', found.id).select('l.weight_grams', 'rl.quantity')
    await this.#shipments.book(
      market,
      { id: Number(order.id), number: order.number, courierId: order.courier_id, weightGrams: weights.reduce((sum, line) => sum + Number(line.weight_grams) * Number(line.quantity), 0), cashOnDelivery: false, codAmount: 0 },
      null,
      { kind: 'return', returnId: found.public_id }
    )
  }

  /**
   * The refund of an approved case, once (its ledger and refund keys are the
   * case's id): allocated over the case's lines (and shipping, when the
   * whole order went back) and, per line, over net and tax, so the tax
   * refunded per rate is exact; out of escrow before release, clawed back
   * from the seller after; through the gateway, or to the buyer's wallet for
   * cash on delivery. Then the order closes: refunded when everything came
   * back, else completed with what is left in escrow released.
   */
  private async refund(market: MarketContext, found: Record<string, any>, order: Record<string, any>) {
    const amount = Number(found.approved_amount)
    const lines = await market.table('return_lines as rl').join('order_lines as l', 'l.id', 'rl.order_line_id').where('rl.return_id', found.id).orderBy('rl.id').select('rl.id', 'rl.order_line_id', 'rl.quantity', 'rl.amount', 'l.net', 'l.tax')
    const linesTotal = lines.reduce((sum, line) => sum + Number(line.amount), 0)
    const shipping = Number(found.requested_amount) - linesTotal
    const parts = allocateInSteps(amount, priceStep(market.currency, market.priceDecimals), market.currency, [...lines.map((line) => Number(line.amount)), shipping])
    const shippingBack = parts.pop()!
    const refunded: RefundedLine[] = []
    for (const [index, line] of lines.entries()) {
      const [net, tax] = allocateMinor(parts[index], market.currency, [Number(line.net), Number(line.tax)])
      await market.table('return_lines').where('id', line.id).update({ refund_gross: parts[index], refund_net: net, refund_tax: tax })
      refunded.push({ orderLineId: Number(line.order_line_id), quantity: Number(line.quantity), net, tax, gross: parts[index] })
    }
    // What the refund gives back per line enters the tax journal on the day it is decided.
    await this.#journal.refund(market, Number(order.id), `return:${found.public_id}`, new Date(), refunded)
    const goodsBack = amount - shippingBack
    const key = `return:${found.public_id}`
    const escrowOrder = escrowOrderOf(order)
    if (amount > 0) {
      await this.#payments.refundForReturn(market, {
        orderNumber: order.number,
        buyerPublicId: order.buyer_public_id,
        amount,
        key,
        returnId: found.public_id,
        post: (to) => this.#escrow.refundReturn(market, { key, order: escrowOrder, amount, goodsAmount: goodsBack, afterRelease: Boolean(found.after_release), to }),
      })
    }
    await market.table('returns').where('id', found.id).update({ status: 'refunded', refunded_amount: amount, closed_at: new Date(), updated_at: new Date() })
    await this.closeOrder(market, found, order, amount, goodsBack, shippingBack, { type: 'system', id: null })
    await Outbox.record(market, { domain: 'returns', name: 'refunded', data: { id: found.public_id, order: order.number, amount } })
  }

  /**
   * The case is over: the order leaves `return_requested`. Everything paid
   * came back → refunded. Otherwise completed; if the escrow was still
   * held, what is left of it is released now, split as a release is, on
   * what the seller keeps.
   */
  private async closeOrder(market: MarketContext, found: Record<string, any>, order: Record<string, any>, refunded: number, goodsRefunded: number, shippingRefunded: number, actor: Actor) {
    const reason = `return ${found.public_id} closed`
    if (refunded >= Number(order.total)) return this.#orders.move(market, order.number, 'refunded', actor, reason)
    if (!found.after_release) {
      const original = escrowOrderOf(order)
      // The platform's voucher share follows the goods: what it gave on the goods refunded is not paid to the seller.
      // The platform's voucher share of the returned units (its shipping share stays: the parcel was carried).
      const funded = original.platformFunded ?? 0
      let fundedBack = 0
      if (funded > 0) {
        const returned = await market.table('return_lines as rl').join('order_lines as l', 'l.id', 'rl.order_line_id').where('rl.return_id', found.id).select('l.discount_platform', 'l.quantity as ordered', 'rl.quantity')
        for (const line of returned) {
          fundedBack += allocateMinor(Number(line.discount_platform), market.currency, [Number(line.quantity), Number(line.ordered) - Number(line.quantity)])[0]
        }
      }
      await this.#escrow.release(market, {
        ...original,
        total: original.total - refunded,
        goodsGross: original.goodsGross - goodsRefunded - fundedBack,
        shippingFee: original.shippingFee + original.codSurcharge - shippingRefunded,
        codSurcharge: 0,
        platformFunded: funded - fundedBack,
      })
    }
    return this.#orders.move(market, order.number, 'completed', actor, reason)
  }
}

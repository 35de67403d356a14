import type { MarketContext } from '#markets/market_context'
import { Outbox } from '#messaging/services/outbox'
import { DomainError } from '#exceptions/domain_error'

export type OrderStatus =
  | 'pending_payment'
  | 'paid'
  | 'ready_to_ship'
  | 'shipped'
  | 'delivered'
  | 'completed'
  | 'cancelled'
  | 'return_requested'
  | 'refunded'

/** The order lifecycle (DESIGN.md §6), in one place. */
export const TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  // ready_to_ship unpaid: cash on delivery.
  pending_payment: ['paid', 'ready_to_ship', 'cancelled'],
  // cancelled after payment: not shipped in time, or the seller cannot (refunded in full).
  paid: ['ready_to_ship', 'cancelled', 'return_requested'],
  ready_to_ship: ['shipped', 'cancelled'],
  // refunded without delivery: the parcel went back to the seller.
  shipped: ['delivered', 'refunded'],
  delivered: ['completed', 'return_requested'],
  // a return after completion (within the window): the refund claws back from the seller.
  completed: ['return_requested'],
  cancelled: [],
  return_requested: ['refunded', 'completed'],
  refunded: [],
}

export class IllegalTransitionError extends DomainError {
  static status = 409
  static code = 'E_ILLEGAL_TRANSITION'
  constructor(number: string, from: string, to: string) {
    super(`Order ${number} cannot go from ${from} to ${to}`, { number, from, to }, { details: { from, to } })
  }
}

export interface Actor {
  type: 'buyer' | 'seller' | 'staff' | 'system'
  id: string | null
}

/**
 * Moves an order from `from` to `to` with one conditional UPDATE (a
 * concurrent change makes it affect no row and fail), appends the history
 * and writes `orders.<to>` to the outbox (with `data` beside the number and
 * the two statuses), all in one transaction: the context's, or its own.
 */
export async function transition(
  market: MarketContext,
  order: { id: number; number: string; status: OrderStatus },
  to: OrderStatus,
  actor: Actor,
  reason: string | null = null,
  data: Record<string, unknown> = {}
) {
  if (!TRANSITIONS[order.status].includes(to)) throw new IllegalTransitionError(order.number, order.status, to)
  await market.transaction(async (market) => {
    const updated = await market.table('orders').where('id', order.id).where('status', order.status).update({ status: to, updated_at: new Date() })
    if (Number(updated) !== 1) {
      const current = await market.table('orders').where('id', order.id).select('status').first()
      throw new IllegalTransitionError(order.number, current?.status ?? order.status, to)
    }
    await market.insert('order_history', {
      order_id: order.id,
      from_status: order.status,
      to_status: to,
      actor_type: actor.type,
      actor_id: actor.id,
      reason,
      occurred_at: new Date(),
    })
    await Outbox.record(market, { domain: 'orders', name: to, data: { ...data, number: order.number, from: order.status, to, reason } })
  })
}

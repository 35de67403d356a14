import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
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
  pending_payment: ['paid', 'cancelled'],
  paid: ['ready_to_ship', 'return_requested'],
  ready_to_ship: ['shipped'],
  shipped: ['delivered'],
  delivered: ['completed', 'return_requested'],
  completed: [],
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
 * and writes `orders.<to>` to the outbox, all in the caller's transaction.
 */
export async function transition(
  trx: TransactionClientContract,
  market: MarketContext,
  order: { id: number; number: string; status: OrderStatus },
  to: OrderStatus,
  actor: Actor,
  reason: string | null = null
) {
  if (!TRANSITIONS[order.status].includes(to)) throw new IllegalTransitionError(order.number, order.status, to)
  const updated = await trx
    .from('orders')
    .where('id', order.id)
    .where('status', order.status)
    .update({ status: to, updated_at: new Date() })
  if (Number(updated) !== 1) {
    const current = await trx.from('orders').where('id', order.id).select('status').first()
    throw new IllegalTransitionError(order.number, current?.status ?? order.status, to)
  }
  await trx.table('order_history').insert({
    order_id: order.id,
    from_status: order.status,
    to_status: to,
    actor_type: actor.type,
    actor_id: actor.id,
    reason,
    occurred_at: new Date(),
  })
  await Outbox.record(trx, market, {
    domain: 'orders',
    name: to,
    data: { number: order.number, from: order.status, to, reason },
  })
}

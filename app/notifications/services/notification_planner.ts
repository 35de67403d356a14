import logger from '@adonisjs/core/services/logger'
import type { MarketContext } from '#markets/market_context'
import type { MessageEnvelope } from '#messaging/services/outbox'
import { PaymentService } from '#payments/services/payment_service'
import { OrderService } from '#orders/services/order_service'
import { ShipmentService } from '#logistics/services/shipment_service'
import type { NotificationKind, Phrase } from '#notifications/kinds'
import type { MessageParam } from '#notifications/services/message_renderer'
import { Recipients, type OrderParties, type Recipient } from '#notifications/services/recipients'
import { NotFoundError } from '#exceptions/not_found_error'
import { tokenOfEvent } from '#identity/services/account_recovery'

/** One message an event calls for: to whom, which kind, with what, about what. */
export interface PlannedNotification {
  kind: NotificationKind
  recipient: Recipient
  params: Record<string, MessageParam>
  orderNumber: string | null
  reference: string | null
}

type Plan = (market: MarketContext, data: Record<string, any>) => Promise<PlannedNotification[]>

const recipients = new Recipients()
const payments = new PaymentService()
const orders = new OrderService()
const shipments = new ShipmentService()

const money = (amount: number, currency: string) => ({ money: Number(amount), currency })
const at = (value: Date | string | null) => ({ at: value })

/**
 * The English reasons the orders domain records, as phrases every language
 * has; a reason it does not know yet reads as a plain "cancelled".
 */
const REASONS: Record<string, Phrase> = {
  'payment window expired': 'payment_expired',
  'not shipped in time': 'not_shipped',
  'courier: returned to sender': 'returned_to_sender',
  'cancelled by the buyer': 'cancelled_by_buyer',
}
const reasonOf = (reason: unknown) => ({ phrase: REASONS[String(reason)] ?? ('other' as const) })

function courierName(market: MarketContext, id: string) {
  return market.config.couriers.list.find((courier) => courier.id === id)?.name ?? id
}

function gatewayOf(market: MarketContext, id: string) {
  return market.config.payments.gateways.find((gateway) => gateway.id === id)
}

/** Messages about one order; none when the shard does not hold it. */
async function aboutOrder(market: MarketContext, number: unknown, compose: (parties: OrderParties) => Promise<PlannedNotification[]> | PlannedNotification[]) {
  const parties = await recipients.ofOrder(market, String(number))
  if (!parties) {
    logger.info({ market: market.code, order: number }, 'notification for an order this shard does not hold: nothing to send')
    return []
  }
  return compose(parties)
}

function message(kind: NotificationKind, recipient: Recipient, params: Record<string, MessageParam>, about: { order?: string | null; reference?: string | null } = {}): PlannedNotification {
  return { kind, recipient, params, orderNumber: about.order ?? null, reference: about.reference ?? null }
}

/** A payment of the shard, or null (an event about a payment this shard does not hold notifies nobody). */
async function paymentOf(market: MarketContext, publicId: unknown) {
  try {
    return await payments.findByPublicId(market, String(publicId))
  } catch (error) {
    if (error instanceof NotFoundError) return null
    throw error
  }
}

/** The tracking of an order's parcel (to the buyer), for messages about its delivery. */
async function trackingOf(market: MarketContext, parties: OrderParties) {
  const parcel = await shipments.forOrder(market, parties.order.id)
  return { courier: courierName(market, parcel?.shipment.courier_id ?? parties.order.courierId), tracking: parcel?.shipment.tracking_number ?? '—' }
}

/** The amount of a return's message: what the event says, else (a full refund) the order's total. */
const returnAmount = (data: Record<string, any>, parties: OrderParties) => money(data.amount ?? parties.order.total, parties.order.currency)

/**
 * Who hears of what (version 1 of each event). Buyers hear of their
 * orders' money and parcels, sellers of orders to ship, of money released
 * or paid out, and of returns; both hear of a return under review. Events
 * that say what another message says already notify nobody: a delivery
 * booked by the seller (the buyer hears at pickup), the refund of a return
 * (`returns.refunded` says it), the steps of a return's order.
 */
const PLANS: Record<string, Plan> = {
  'orders.placed': (market, data) =>
    aboutOrder(market, data.number, ({ order, buyer, shopName }) =>
      // Cash on delivery: nothing to pay now (the buyer hears when the seller has it to ship).
      gatewayOf(market, String(data.paymentGateway ?? order.paymentGateway))?.method === 'cod'
        ? []
        : [message('order_placed', buyer, { number: order.number, shop: shopName, total: money(order.total, order.currency), dueAt: at(order.paymentDueAt) }, { order: order.number })]
    ),

  'orders.paid': (market, data) =>
    aboutOrder(market, data.number, ({ order, buyer, seller, shopName }) => [
      message('order_paid', buyer, { number: order.number, shop: shopName, total: money(order.total, order.currency) }, { order: order.number }),
      message('new_order', seller, { number: order.number, total: money(order.total, order.currency), shipBy: at(order.shipByAt) }, { order: order.number }),
    ]),

  // Unpaid to the seller to ship: cash on delivery. (From paid, the seller booked the parcel.)
  'orders.ready_to_ship': (market, data) =>
    data.from !== 'pending_payment'
      ? Promise.resolve([])
      : aboutOrder(market, data.number, ({ order, buyer, seller, shopName }) => [
          message('order_confirmed_cod', buyer, { number: order.number, shop: shopName, total: money(order.total, order.currency) }, { order: order.number }),
          message('new_order', seller, { number: order.number, total: money(order.total, order.currency), shipBy: at(order.shipByAt) }, { order: order.number }),
        ]),

  'orders.shipped': (market, data) =>
    aboutOrder(market, data.number, async (parties) => [message('order_shipped', parties.buyer, { number: parties.order.number, ...(await trackingOf(market, parties)) }, { order: parties.order.number })]),

  'orders.delivered': (market, data) =>
    aboutOrder(market, data.number, ({ order, buyer }) => [message('order_delivered', buyer, { number: order.number, releaseAt: at(order.releaseDueAt) }, { order: order.number })]),

  // Released to the seller (confirmed or the guarantee ran out); a return that ends completed is told by `returns.decided`.
  'orders.completed': (market, data) =>
    data.from !== 'delivered' ? Promise.resolve([]) : aboutOrder(market, data.number, ({ order, seller }) => [message('order_completed', seller, { number: order.number }, { order: order.number })]),

  'orders.cancelled': (market, data) =>
    aboutOrder(market, data.number, async ({ order, buyer, seller }) => {
      const reason = reasonOf(data.reason)
      // Paid before (online): the money goes back. Unpaid, or cash on delivery: nothing was paid.
      const paid = Boolean(await market.table('order_history').where('order_id', order.id).where('to_status', 'paid').first())
      const planned = [
        paid
          ? message('order_cancelled_refund', buyer, { number: order.number, total: money(order.total, order.currency), reason }, { order: order.number })
          : message('order_cancelled', buyer, { number: order.number, reason }, { order: order.number }),
      ]
      // The seller had it to ship.
      if (data.from !== 'pending_payment') planned.push(message('order_cancelled_seller', seller, { number: order.number, reason }, { order: order.number }))
      return planned
    }),

  // The parcel went back to the seller. A return's refund is told by the returns messages.
  'orders.refunded': (market, data) =>
    data.from !== 'shipped'
      ? Promise.resolve([])
      : aboutOrder(market, data.number, ({ order, buyer, seller }) => {
          const params = { number: order.number, total: money(order.total, order.currency), reason: reasonOf(data.reason) }
          return [message('order_refunded', buyer, params, { order: order.number }), message('order_refunded_seller', seller, params, { order: order.number })]
        }),

  // Money that arrived for orders cancelled meanwhile goes back at once: the buyer is told (the paid orders have their receipts).
  'payments.captured': async (market, data) => {
    if (!(Number(data.refunded) > 0)) return []
    const payment = await paymentOf(market, data.payment)
    const buyer = payment && (await recipients.account(market, Number(payment.buyer_id)))
    if (!buyer) return []
    return [message('payment_partly_refunded', buyer, { checkout: payment.checkout_id, amount: money(data.amount, payment.currency), refunded: money(data.refunded, payment.currency) }, { reference: payment.public_id })]
  },

  'payments.failed': async (market, data) => {
    const payment = await paymentOf(market, data.payment)
    if (!payment) return []
    const unpaid = (await orders.checkoutOrders(market, payment.checkout_id)).filter((order) => order.status === 'pending_payment')
    // Nothing left to pay (cancelled meanwhile): nothing to try again.
    if (unpaid.length === 0) return []
    const buyer = await recipients.account(market, Number(payment.buyer_id))
    if (!buyer) return []
    const dueAt = unpaid.map((order) => new Date(order.payment_due_at)).reduce((first, due) => (due < first ? due : first))
    return [message('payment_failed', buyer, { checkout: payment.checkout_id, amount: money(payment.amount, payment.currency), dueAt: at(dueAt) }, { reference: payment.public_id })]
  },

  // The money of a cancelled or undelivered order on its way back (the buyer was told it would be). A return's refund is told by `returns.refunded`.
  'payments.refunded': async (market, data) => {
    const payment = data.return ? null : await paymentOf(market, data.payment)
    if (!payment) return []
    return aboutOrder(market, data.order, ({ order, buyer }) => [
      message('refund_issued', buyer, { number: order.number, amount: money(data.amount, payment.currency), gateway: gatewayOf(market, payment.gateway)?.name ?? payment.gateway }, { order: order.number, reference: payment.public_id }),
    ])
  },

  // A delivery the courier could not make (it tries again); the other steps are the order's own messages.
  'logistics.shipment_status_changed': (market, data) =>
    data.purpose === 'return' || data.status !== 'delivery_failed'
      ? Promise.resolve([])
      : aboutOrder(market, data.order, async (parties) => [message('delivery_failed', parties.buyer, { number: parties.order.number, ...(await trackingOf(market, parties)) }, { order: parties.order.number })]),

  'escrow.payout_paid': (market, data) => aboutPayout(market, 'payout_paid', data),
  'escrow.payout_failed': (market, data) => aboutPayout(market, 'payout_failed', data),

  'returns.requested': (market, data) =>
    aboutOrder(market, data.order, (parties) => [message('return_requested', parties.seller, { case: data.id, number: parties.order.number, amount: returnAmount(data, parties) }, { order: parties.order.number, reference: data.id })]),

  'returns.accepted': (market, data) =>
    aboutOrder(market, data.order, ({ order, buyer }) => [message('return_accepted', buyer, { case: data.id, number: order.number }, { order: order.number, reference: data.id })]),

  'returns.disputed': (market, data) =>
    aboutOrder(market, data.order, ({ order, buyer, seller }) =>
      [buyer, seller].map((recipient) => message('return_under_review', recipient, { case: data.id, number: order.number }, { order: order.number, reference: data.id }))
    ),

  'returns.decided': (market, data) =>
    aboutOrder(market, data.order, (parties) => {
      const about = { order: parties.order.number, reference: data.id }
      if (data.decision === 'rejected') {
        const params = { case: data.id, number: parties.order.number }
        return [message('return_rejected', parties.buyer, params, about), message('return_rejected_seller', parties.seller, params, about)]
      }
      const params = { case: data.id, number: parties.order.number, amount: returnAmount(data, parties) }
      return [message('return_approved', parties.buyer, params, about), message('return_approved_seller', parties.seller, params, about)]
    }),

  // Links mailed to an account: a password reset, the proof of its e-mail address.
  'identity.password_reset_requested': (market, data) => accountLink(market, 'password_reset', data, 'reset-password'),
  'identity.verification_requested': (market, data) => accountLink(market, 'verify_email', data, 'verify-email'),

  'returns.refunded': (market, data) =>
    aboutOrder(market, data.order, (parties) => [message('return_refunded', parties.buyer, { case: data.id, number: parties.order.number, amount: returnAmount(data, parties) }, { order: parties.order.number, reference: data.id })]),
}

/** A mailed link with the account's token (decrypted here only, to be put in the link). */
async function accountLink(market: MarketContext, kind: 'password_reset' | 'verify_email', data: Record<string, any>, path: string) {
  const recipient = await recipients.accountByPublicId(market, String(data.user))
  const token = tokenOfEvent(data)
  if (!recipient || !token) return []
  return [message(kind, recipient, { link: `https://${market.config.domains[0]}/${path}?token=${token}` }, { reference: String(data.user) })]
}

async function aboutPayout(market: MarketContext, kind: 'payout_paid' | 'payout_failed', data: Record<string, any>) {
  const seller = await recipients.ofShop(market, String(data.shop))
  if (!seller) return []
  return [message(kind, seller, { payout: data.payout, amount: money(data.amount, market.currency) }, { reference: data.payout })]
}

/** The events the notifications consumer is bound to (`orders.paid`...). */
export const NOTIFIED_EVENTS = Object.keys(PLANS)

/** Which messages an event calls for, read from the market's shard. */
export class NotificationPlanner {
  async plan(market: MarketContext, envelope: MessageEnvelope): Promise<PlannedNotification[]> {
    const plan = PLANS[envelope.type]
    if (!plan) return []
    if (envelope.version !== 1) {
      logger.warn({ market: market.code, type: envelope.type, version: envelope.version, messageId: envelope.id }, 'event version the notifications do not read yet: nobody notified')
      return []
    }
    return plan(market, envelope.data)
  }
}

import type { MarketContext } from '#markets/market_context'
import { Outbox } from '#messaging/services/outbox'
import { courierOf } from '#logistics/services/shipping_rates'
import { courierProvider, trackingProvider } from '#logistics/couriers/couriers'
import { TRACKING_ORDER, TrackingRejectedError, type TrackingStatus } from '#logistics/couriers/courier'
import { NotFoundError } from '#exceptions/not_found_error'
import { DomainError } from '#exceptions/domain_error'

export class TrackingSignatureError extends DomainError {
  static status = 400
  static code = 'E_WEBHOOK_REJECTED'
  constructor(reason: string) {
    super(`Webhook rejected: ${reason}`, { reason })
  }
}

export class AlreadyShippedError extends DomainError {
  static status = 409
  static code = 'E_ALREADY_SHIPPED'
  constructor(number: string) {
    super(`Order ${number} already has a shipment`, { number })
  }
}

/** What a shipment needs to know of its order. */
export interface ShippableOrder {
  id: number
  number: string
  courierId: string
  weightGrams: number
  cashOnDelivery: boolean
  codAmount: number
}

/** A parcel takes an order's goods to its buyer, or (a return) back to its seller. */
export type ShipmentPurpose = 'delivery' | 'return'

/**
 * Parcels (DESIGN.md §8b): booked with the order's courier, tracked through
 * the courier's signed webhooks (normalized, deduplicated, never moving a
 * shipment back), each change announced as
 * `logistics.shipment_status_changed` for the order and the money to follow.
 */
export class ShipmentService {
  async book(market: MarketContext, order: ShippableOrder, pickupDate: string | null, purpose: { kind: ShipmentPurpose; returnId?: string } = { kind: 'delivery' }) {
    return market.transaction(async (market) => {
      const existing = await market.table('shipments').where('order_id', order.id).where('purpose', purpose.kind).where('return_public_id', purpose.returnId ?? '').first()
      if (existing) throw new AlreadyShippedError(order.number)
      const courier = courierOf(market, order.courierId)
      const publicId = market.publicId()
      const booked = await courierProvider(courier.provider).createShipment(market, courier, {
        shipmentId: publicId,
        orderNumber: order.number,
        weightGrams: order.weightGrams,
        cashOnDelivery: order.cashOnDelivery,
        codAmount: order.codAmount,
        pickupDate,
      })
      await market.insert('shipments', {
        public_id: publicId,
        order_id: order.id,
        order_number: order.number,
        purpose: purpose.kind,
        return_public_id: purpose.returnId ?? '',
        courier_id: courier.id,
        provider: 'sandbox',
        tracking_number: booked.trackingNumber,
        label_url: booked.labelUrl,
        status: 'booked',
        cash_on_delivery: order.cashOnDelivery,
        cod_amount: order.codAmount,
        pickup_date: pickupDate,
        created_at: new Date(),
        updated_at: new Date(),
      })
      await Outbox.record(market, { domain: 'logistics', name: 'shipment_booked', data: { order: order.number, shipment: publicId, tracking: booked.trackingNumber, courier: courier.id, purpose: purpose.kind, return: purpose.returnId ?? null } })
      return { shipmentId: publicId, trackingNumber: booked.trackingNumber, labelUrl: booked.labelUrl, courier: { id: courier.id, name: courier.name } }
    })
  }

  /** A courier's tracking webhook: verified first (400 otherwise), each event applied once. */
  async applyTracking(market: MarketContext, provider: string, rawBody: string, headers: Record<string, string | undefined>) {
    const courier = trackingProvider(provider)
    if (!courier) throw new NotFoundError('shipment')
    let event
    try {
      event = await courier.parseTrackingWebhook(market, rawBody, headers)
    } catch (error) {
      if (error instanceof TrackingRejectedError) throw new TrackingSignatureError(error.message)
      throw error
    }
    return market.transaction(async (market) => {
      const shipment = await market.table('shipments').where('provider', provider).where('tracking_number', event.trackingNumber).forUpdate().first()
      if (!shipment) return { event: event.id, outcome: 'unknown_shipment' }
      try {
        await market.insert('shipment_events', { shipment_id: shipment.id, provider_event_id: event.id, status: event.status, location: event.location, occurred_at: event.occurredAt, received_at: new Date() })
      } catch (error) {
        if ((error as { code?: string }).code === 'ER_DUP_ENTRY') return { event: event.id, outcome: 'duplicate' }
        throw error
      }
      const current = shipment.status as TrackingStatus
      if (TRACKING_ORDER[event.status] <= TRACKING_ORDER[current]) return { event: event.id, outcome: 'history' }
      await market
        .table('shipments')
        .where('id', shipment.id)
        .update({ status: event.status, updated_at: new Date(), ...(event.status === 'delivered' && { delivered_at: event.occurredAt }) })
      await Outbox.record(market, {
        domain: 'logistics',
        name: 'shipment_status_changed',
        data: { order: shipment.order_number, shipment: shipment.public_id, purpose: shipment.purpose, return: shipment.return_public_id || null, status: event.status, at: event.occurredAt.toISOString(), cashCollected: event.cashCollected ?? null },
      })
      return { event: event.id, outcome: event.status }
    })
  }

  /** A shipment and its history, oldest first, for the order's buyer or seller: its delivery, or the return parcel of a case. */
  async forOrder(market: MarketContext, orderId: number, returnId?: string) {
    const shipment = await market
      .table('shipments')
      .where('order_id', orderId)
      .where('purpose', returnId ? 'return' : 'delivery')
      .where('return_public_id', returnId ?? '')
      .first()
    if (!shipment) return null
    const events = await market.table('shipment_events').where('shipment_id', shipment.id).orderBy('occurred_at').orderBy('id')
    return { shipment, events }
  }
}

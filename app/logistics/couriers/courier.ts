import type { MarketContext } from '#markets/market_context'
import type { Courier as CourierConfig } from '#markets/define_market'

/** Where a parcel is, in Pasar's words (each provider's codes are normalized to these). */
export type TrackingStatus = 'booked' | 'picked_up' | 'in_transit' | 'out_for_delivery' | 'delivered' | 'delivery_failed' | 'returned_to_sender'

/** The order parcels move through: a late or repeated event never moves a shipment back. */
export const TRACKING_ORDER: Record<TrackingStatus, number> = {
  booked: 0,
  picked_up: 1,
  in_transit: 2,
  out_for_delivery: 3,
  delivered: 4,
  delivery_failed: 4,
  returned_to_sender: 5,
}

export interface TrackingEvent {
  id: string
  trackingNumber: string
  status: TrackingStatus
  occurredAt: Date
  location: string | null
  /** Cash collected at the door (COD), minor units. */
  cashCollected?: number
}

export interface ShipmentRequest {
  shipmentId: string
  orderNumber: string
  weightGrams: number
  cashOnDelivery: boolean
  codAmount: number
  pickupDate: string | null
}

export class TrackingRejectedError extends Error {}

/**
 * A courier as Pasar uses it (DESIGN.md §8b): rates come from the market's
 * rate table; booking gives a tracking number and a label; tracking comes
 * back as signed webhooks.
 */
export interface CourierProvider {
  readonly provider: string
  createShipment(market: MarketContext, courier: CourierConfig, request: ShipmentRequest): Promise<{ trackingNumber: string; labelUrl: string }>
  cancelShipment(market: MarketContext, courier: CourierConfig, trackingNumber: string): Promise<void>
  parseTrackingWebhook(market: MarketContext, rawBody: string, headers: Record<string, string | undefined>): Promise<TrackingEvent>
}

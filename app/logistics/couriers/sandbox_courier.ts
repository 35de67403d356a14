import { randomUUID } from 'node:crypto'
import { Webhook } from 'standardwebhooks'
import env from '#start/env'
import type { MarketContext } from '#markets/market_context'
import { webhookSecrets } from '#http/webhook_secrets'
import { TrackingRejectedError, type CourierProvider, type ShipmentRequest, type TrackingEvent, type TrackingStatus } from '#logistics/couriers/courier'

export const courierSecrets = () => webhookSecrets('COURIER_SANDBOX_WEBHOOK_SECRET', 'couriers:sandbox')

/** The sandbox courier's route for a parcel. */
export const ROUTE: TrackingStatus[] = ['picked_up', 'in_transit', 'out_for_delivery', 'delivered']

/** Seconds between two steps of a sandbox parcel (SANDBOX_COURIER_STEP_SECONDS of the worker that moves it, small in tests). */
export const stepSeconds = () => env.get('SANDBOX_COURIER_STEP_SECONDS', 60)

/**
 * The embedded stand-in for a courier's API. Booking gives a tracking number
 * and a label URL; the parcel is then moved along its route by the worker
 * (SandboxCourierRunner), one step every SANDBOX_COURIER_STEP_SECONDS, each
 * step a tracking webhook signed per Standard Webhooks.
 */
export class SandboxCourier implements CourierProvider {
  readonly provider = 'sandbox'

  async createShipment(market: MarketContext, _courier: unknown, request: ShipmentRequest) {
    const trackingNumber = `SBX${market.code}${randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase()}`
    await market.insert('sandbox_parcels', {
      tracking_number: trackingNumber,
      route: JSON.stringify(ROUTE),
      step: 0,
      cash_on_delivery: request.cashOnDelivery,
      cod_amount: request.codAmount,
      moved_at: new Date(),
      created_at: new Date(),
    })
    return { trackingNumber, labelUrl: `/sandbox/labels/${trackingNumber}` }
  }

  async cancelShipment(market: MarketContext, _courier: unknown, trackingNumber: string) {
    await market.table('sandbox_parcels').where('tracking_number', trackingNumber).update({ moved_at: null })
  }

  async parseTrackingWebhook(_market: MarketContext, rawBody: string, headers: Record<string, string | undefined>): Promise<TrackingEvent> {
    const signed = { 'webhook-id': headers['webhook-id'] ?? '', 'webhook-timestamp': headers['webhook-timestamp'] ?? '', 'webhook-signature': headers['webhook-signature'] ?? '' }
    for (const secret of courierSecrets()) {
      try {
        const body = new Webhook(secret).verify(rawBody, signed) as { tracking: string; status: TrackingStatus; at: string; location?: string; cashCollected?: number }
        return { id: signed['webhook-id'], trackingNumber: body.tracking, status: body.status, occurredAt: new Date(body.at), location: body.location ?? null, cashCollected: body.cashCollected }
      } catch {}
    }
    throw new TrackingRejectedError('signature or timestamp not valid')
  }

  static sign(eventId: string, body: Record<string, unknown>, at = new Date()) {
    const payload = JSON.stringify(body)
    const [secret] = courierSecrets()
    return { payload, headers: { 'webhook-id': eventId, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': new Webhook(secret).sign(eventId, at, payload) } }
  }
}

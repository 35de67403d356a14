import type { ConsumerDefinition } from '#messaging/consumer'
import { PaymentService } from '#payments/services/payment_service'
import { FulfilmentService } from '#orders/services/fulfilment_service'

/** `orders.cancelled` / `orders.refunded` before release: the order's escrow goes back to the buyer through its gateway. */
export const refundCancelledOrders: ConsumerDefinition = {
  name: 'payments.refund-cancelled-orders',
  bindings: ['*.orders.cancelled', '*.orders.refunded'],
  async handle(envelope, market) {
    await new PaymentService().refundOrder(market, envelope.data.number as string)
  },
}

/**
 * `logistics.shipment_status_changed`: the order follows its parcel, and
 * cash a courier collected at the door lands in escrow first, in the same
 * transaction (so a buyer confirming receipt always finds the money there).
 */
export const followShipments: ConsumerDefinition = {
  name: 'payments.follow-shipments',
  bindings: ['*.logistics.shipment_status_changed'],
  async handle(envelope, market) {
    const { order, status, at, cashCollected, purpose } = envelope.data as { order: string; status: string; at: string; cashCollected: number | null; purpose?: string }
    // A return parcel moves the return case (returns domain), not the order's delivery.
    if (purpose === 'return') return
    if (status === 'delivered' && cashCollected !== null) await new PaymentService().cashCollected(market, order, cashCollected)
    await new FulfilmentService().shipmentStatusChanged(market, order, status, new Date(at))
  },
}

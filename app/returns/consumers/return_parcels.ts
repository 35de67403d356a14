import type { ConsumerDefinition } from '#messaging/consumer'
import { ReturnService } from '#returns/services/return_service'

/** A return parcel delivered back to the seller: the refund its case waited for goes out. */
export const followReturnParcels: ConsumerDefinition = {
  name: 'returns.follow-return-parcels',
  bindings: ['*.logistics.shipment_status_changed'],
  async handle(envelope, market) {
    const { purpose, status, return: id } = envelope.data as { purpose?: string; status: string; return?: string | null }
    if (purpose !== 'return' || status !== 'delivered' || !id) return
    await new ReturnService().goodsBack(market, id)
  },
}

import type { ConsumerDefinition } from '#messaging/consumer'
import { InventoryService } from '#inventory/services/inventory_service'

/** What `orders.paid` says of each line (see OrderService.markPaid). */
export interface PaidLine {
  skuId: number
  sku: string
  product: string
  quantity: number
}

/** `orders.paid` (and a cash-on-delivery `orders.ready_to_ship`, the only one with lines): the reserved units of the order's lines leave stock for good. */
export const commitPaidStock: ConsumerDefinition = {
  name: 'inventory.commit-paid-stock',
  bindings: ['*.orders.paid', '*.orders.ready_to_ship'],
  async handle(envelope, market) {
    const inventory = new InventoryService()
    for (const line of (envelope.data.lines ?? []) as PaidLine[]) {
      await inventory.commitStock(market, { id: line.skuId, publicId: line.sku }, line.quantity)
    }
  },
}

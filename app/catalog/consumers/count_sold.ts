import type { ConsumerDefinition } from '#messaging/consumer'
import { ProductService } from '#catalog/services/product_service'

/** `orders.paid` (and a cash-on-delivery `orders.ready_to_ship`, the only one with lines): each product's sold count grows by what the order bought (the best-selling sort). */
export const countSold: ConsumerDefinition = {
  name: 'catalog.count-sold',
  bindings: ['*.orders.paid', '*.orders.ready_to_ship'],
  async handle(envelope, market) {
    const products = new ProductService()
    for (const line of (envelope.data.lines ?? []) as { product: string; quantity: number }[]) {
      await products.countSold(market, line.product, line.quantity)
    }
  },
}

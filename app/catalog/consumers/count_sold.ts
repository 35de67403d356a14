import type { ConsumerDefinition } from '#messaging/consumer'
import { ProductService } from '#catalog/services/product_service'

/** `orders.paid`: each product's sold count grows by what the order bought (the best-selling sort). */
export const countSold: ConsumerDefinition = {
  name: 'catalog.count-sold',
  bindings: ['*.orders.paid'],
  async handle(envelope, market) {
    const products = new ProductService()
    for (const line of envelope.data.lines as { product: string; quantity: number }[]) {
      await products.countSold(market, line.product, line.quantity)
    }
  },
}

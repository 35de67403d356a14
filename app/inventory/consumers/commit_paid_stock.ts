import type { ConsumerDefinition } from '#messaging/consumer'
import { InventoryService } from '#inventory/services/inventory_service'

/**
 * `orders.paid`: the reserved units of the order's lines leave stock for
 * good, and the products' sold counts grow (best-selling sort).
 */
export const commitPaidStock: ConsumerDefinition = {
  name: 'inventory.commit-paid-stock',
  bindings: ['*.orders.paid'],
  async handle(envelope, { market, trx }) {
    const number = String(envelope.data.number)
    const lines = await trx
      .from('order_lines as l')
      .join('orders as o', 'o.id', 'l.order_id')
      .where('o.number', number)
      .where('o.market_code', market.code)
      .select('l.sku_id', 'l.sku_public_id', 'l.product_public_id', 'l.quantity')
    const inventory = new InventoryService()
    for (const line of lines) {
      await inventory.commitStock(market, { id: Number(line.sku_id), publicId: line.sku_public_id }, Number(line.quantity), trx)
      await trx.from('products').where('public_id', line.product_public_id).increment('sold_count', Number(line.quantity))
    }
  },
}

import type { MarketContext } from '#markets/market_context'
import { OrderService } from '#orders/services/order_service'
import { orderResource } from '#orders/transformers/order_resource'
import { PaymentService } from '#payments/services/payment_service'
import { ShipmentService } from '#logistics/services/shipment_service'
import { shipmentResource } from '#logistics/transformers/shipment_resource'
import { Ledger } from '#escrow/services/ledger'
import { ReturnService } from '#returns/services/return_service'
import { returnResource } from '#returns/transformers/return_resource'
import { marketTime } from '#console/presenters'

/**
 * Everything support needs about one order, from the shard its number
 * names: the order and its history, payments and refunds, the shipment and
 * its tracking, the ledger journals of the order and its payments, and its
 * return cases. Read through each domain's own service.
 */
export class OrderLookup {
  #orders = new OrderService()
  #payments = new PaymentService()
  #shipments = new ShipmentService()
  #ledger = new Ledger()
  #returns = new ReturnService()

  async find(market: MarketContext, number: string) {
    const row = await this.#orders.byNumber(market, number)
    const order = orderResource(market, await this.#orders.parts(market, row))
    const { payments, refunds } = await this.#payments.forOrder(market, row)
    const shipment = await this.#shipments.forOrder(market, Number(row.id))
    const journals = await this.#ledger.journalsOf(market, [row.number, ...payments.map((payment) => payment.public_id)])
    const cases = await this.#returns.list(market, { orderNumber: row.number, limit: 20 })
    const money = (amount: unknown, currency = row.currency) => market.moneyView(Number(amount), currency).formatted
    return {
      order: { ...order, placedAt: marketTime(market, order.placedAt), history: order.history.map((entry) => ({ ...entry, at: marketTime(market, entry.at) })) },
      payments: payments.map((payment) => ({ id: payment.public_id, gateway: payment.gateway, method: payment.method, status: payment.status, amount: money(payment.amount, payment.currency), reference: payment.provider_reference, createdAt: marketTime(market, payment.created_at) })),
      refunds: refunds.map((refund) => ({ id: refund.public_id, destination: refund.destination, status: refund.status, amount: money(refund.amount, refund.currency), attempts: Number(refund.attempts), error: refund.last_error })),
      shipment: shipment ? shipmentResource(market, shipment) : null,
      journals: journals.map((journal) => ({
        ...journal,
        occurredAt: marketTime(market, journal.occurredAt),
        legs: journal.legs.map((leg) => ({ account: leg.account, amount: money(Math.abs(leg.amount), journal.currency), debit: leg.amount > 0 })),
        balanced: journal.legs.reduce((sum, leg) => sum + leg.amount, 0) === 0,
      })),
      returns: cases.slice(0, 20).map((parts) => returnResource(market, parts)),
    }
  }
}

import type { MarketContext } from '#markets/market_context'

const parseJson = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value)

/** A payment as its buyer sees it: status, amount, and what to do next while it is open. */
export function paymentResource(market: MarketContext, payment: Record<string, any>) {
  const open = ['pending', 'authorized'].includes(payment.status)
  return {
    id: payment.public_id,
    checkoutId: payment.checkout_id,
    gateway: payment.gateway,
    method: payment.method,
    status: payment.status,
    amount: market.moneyView(Number(payment.amount), payment.currency),
    refunded: market.moneyView(Number(payment.refunded_amount), payment.currency),
    orders: parseJson(payment.order_numbers),
    action: open ? parseJson(payment.action) : { type: 'none' },
    createdAt: new Date(payment.created_at).toISOString(),
    capturedAt: payment.captured_at ? new Date(payment.captured_at).toISOString() : null,
  }
}

/** A checkout: its orders (one per seller), what is left to pay, and the latest payment. */
export function checkoutResource(market: MarketContext, checkoutId: string, orders: Record<string, any>[], payment: Record<string, any> | null) {
  const due = orders.filter((order) => order.status === 'pending_payment').reduce((sum, order) => sum + Number(order.total), 0)
  return {
    id: checkoutId,
    orders: orders.map((order) => ({ number: order.number, status: order.status, total: market.moneyView(Number(order.total), order.currency) })),
    total: market.moneyView(orders.reduce((sum, order) => sum + Number(order.total), 0)),
    due: market.moneyView(due),
    payment: payment ? paymentResource(market, payment) : null,
  }
}

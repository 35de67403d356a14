import type { MarketContext } from '#markets/market_context'

const parseJson = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value)

/** An order's rows: as stored, or as about to be stored (placement answers with the very rows it inserts). */
export interface OrderParts {
  order: Record<string, any>
  lines: Record<string, any>[]
  history: Record<string, any>[]
  shop: { id: string; name: string } | null
}

/** An order as its buyer sees it, money formatted in the context's locale. */
export function orderResource(market: MarketContext, { order, lines, history, shop }: OrderParts) {
  const view = (amount: unknown) => market.moneyView(Number(amount), order.currency)
  return {
    number: order.number,
    checkoutId: order.checkout_id,
    status: order.status,
    shop,
    courier: order.courier_id,
    paymentGateway: order.payment_gateway,
    configRevision: order.config_revision,
    goods: { gross: view(order.goods_gross), net: view(order.goods_net), tax: view(order.goods_tax) },
    shippingFee: view(order.shipping_fee),
    codSurcharge: view(order.cod_surcharge),
    total: view(order.total),
    discounts: {
      goods: { shop: view(order.goods_discount_shop ?? 0), platform: view(order.goods_discount_platform ?? 0) },
      shipping: { shop: view(order.shipping_discount_shop ?? 0), platform: view(order.shipping_discount_platform ?? 0) },
    },
    vouchers: order.vouchers ? (typeof order.vouchers === 'string' ? JSON.parse(order.vouchers) : order.vouchers) : [],
    paymentDueAt: new Date(order.payment_due_at).toISOString(),
    placedAt: new Date(order.placed_at).toISOString(),
    lines: lines.map((line) => ({
      sku: line.sku_public_id,
      product: line.product_public_id,
      title: line.title,
      options: parseJson(line.options),
      quantity: Number(line.quantity),
      unitPrice: view(line.unit_price),
      gross: view(line.gross),
      net: view(line.net),
      tax: view(line.tax),
      taxRate: {
        category: line.tax_category,
        rate: Number(line.tax_rate),
        effectiveFrom: line.tax_effective_from,
        taxableBase: line.taxable_base_numerator ? { numerator: line.taxable_base_numerator, denominator: line.taxable_base_denominator } : null,
      },
    })),
    history: history.map((entry) => ({
      from: entry.from_status,
      to: entry.to_status,
      actor: entry.actor_type,
      reason: entry.reason,
      at: new Date(entry.occurred_at).toISOString(),
    })),
  }
}

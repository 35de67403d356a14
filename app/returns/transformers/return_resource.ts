import type { MarketContext } from '#markets/market_context'

type ReturnParts = { return: Record<string, any>; lines: Record<string, any>[]; parcel: { shipment: Record<string, any> } | null }

const at = (market: MarketContext, value: unknown) => {
  if (!value) return null
  const date = new Date(value as string)
  return { utc: date.toISOString(), local: date.toLocaleString(market.locale, { timeZone: market.timezone }) }
}

/** A return case as buyer, seller and support see it: amounts as money views, reason named in the context's locale, times in UTC and the market's zone. */
export function returnResource(market: MarketContext, { return: found, lines, parcel }: ReturnParts) {
  const amount = (value: unknown) => (value === null || value === undefined ? null : market.moneyView(Number(value), found.currency))
  return {
    id: found.public_id,
    order: found.order_number,
    status: found.status,
    reason: { id: found.reason, label: market.t(`return_reasons:${found.reason}`) },
    description: found.description,
    photos: typeof found.photos === 'string' ? JSON.parse(found.photos) : found.photos,
    goodsBack: Boolean(found.goods_back),
    afterRelease: Boolean(found.after_release),
    requested: amount(found.requested_amount),
    approved: amount(found.approved_amount),
    refunded: amount(found.refunded_amount),
    decision: found.decision,
    decisionReason: found.decision_reason,
    sellerNote: found.seller_note,
    lines: lines.map((line) => ({
      sku: line.sku_public_id,
      title: line.title,
      quantity: Number(line.quantity),
      amount: amount(line.amount),
      taxRate: Number(line.tax_rate),
      refund: found.status === 'refunded' ? { gross: amount(line.refund_gross), net: amount(line.refund_net), tax: amount(line.refund_tax) } : null,
    })),
    returnParcel: parcel ? { trackingNumber: parcel.shipment.tracking_number, courier: parcel.shipment.courier_id, status: parcel.shipment.status, statusLabel: market.t(`tracking:${parcel.shipment.status}`) } : null,
    respondBy: at(market, found.respond_by_at),
    createdAt: at(market, found.created_at),
    closedAt: at(market, found.closed_at),
  }
}

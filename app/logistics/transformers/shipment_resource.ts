import type { MarketContext } from '#markets/market_context'

/** A shipment and its tracking history, statuses named in the context's locale, times in UTC and in the market's timezone. */
export function shipmentResource(market: MarketContext, { shipment, events }: { shipment: Record<string, any>; events: Record<string, any>[] }) {
  const at = (value: unknown) => {
    const date = new Date(value as string)
    return { utc: date.toISOString(), local: date.toLocaleString(market.locale, { timeZone: market.timezone }) }
  }
  return {
    id: shipment.public_id,
    order: shipment.order_number,
    courier: shipment.courier_id,
    trackingNumber: shipment.tracking_number,
    labelUrl: shipment.label_url,
    status: shipment.status,
    statusLabel: market.t(`tracking:${shipment.status}`),
    cashOnDelivery: Boolean(shipment.cash_on_delivery),
    codAmount: shipment.cash_on_delivery ? market.moneyView(Number(shipment.cod_amount)) : null,
    pickupDate: shipment.pickup_date ? String(shipment.pickup_date instanceof Date ? shipment.pickup_date.toISOString().slice(0, 10) : shipment.pickup_date) : null,
    bookedAt: new Date(shipment.created_at).toISOString(),
    deliveredAt: shipment.delivered_at ? new Date(shipment.delivered_at).toISOString() : null,
    events: events.map((event) => ({
      status: event.status,
      statusLabel: market.t(`tracking:${event.status}`),
      location: event.location,
      occurredAt: at(event.occurred_at),
    })),
  }
}

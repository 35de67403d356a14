import vine from '@vinejs/vine'
import { DateTime } from 'luxon'
import type { MarketContext } from '#markets/market_context'
import { cursor, plainText, publicId } from '#validation/rules'
import { TRANSITIONS } from '#orders/order_state'

export const sellerOrdersQuery = vine.create(
  vine.object({
    status: vine.enum(Object.keys(TRANSITIONS)).optional(),
    limit: vine.number().withoutDecimals().range([1, 100]).optional(),
    cursor: cursor(100).optional(),
  })
)

/** A pickup day: YYYY-MM-DD, from today to 14 days ahead, in the market's timezone. */
const pickupDate = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  const market = (field.meta as { market: MarketContext }).market
  const day = DateTime.fromISO(value, { zone: market.timezone })
  const today = DateTime.now().setZone(market.timezone).startOf('day')
  if (!day.isValid || day < today || day > today.plus({ days: 14 })) {
    field.report('{{ field }} must be a day from today to 14 days ahead in the market\'s timezone', 'pickupDate', field)
  }
})

export const shipOrderValidator = vine.create(
  vine.object({
    params: vine.object({ number: publicId() }),
    pickup: vine
      .object({ date: vine.string().regex(/^\d{4}-\d{2}-\d{2}$/).use(pickupDate()) })
      .optional(),
  })
)

/** A seller who cannot fulfil a paid order (out of stock...): why, for the buyer and support. */
export const sellerCancelValidator = vine.create(
  vine.object({
    params: vine.object({ number: publicId() }),
    reason: vine.enum(['out_of_stock', 'cannot_ship', 'other'] as const),
    note: plainText(5, 300).optional(),
  })
)

import { DateTime } from 'luxon'
import type { MarketContext } from '#markets/market_context'

/** A stored UTC time in the market's timezone, as console pages show it. */
export function marketTime(market: MarketContext, value: string | Date | null | undefined) {
  if (!value) return ''
  return DateTime.fromJSDate(new Date(value)).setZone(market.timezone).toFormat('yyyy-LL-dd HH:mm ZZZZ')
}

/** Today, and the first day of its month, in the market's timezone. */
export function marketToday(market: MarketContext) {
  const today = DateTime.now().setZone(market.timezone)
  return { today: today.toISODate()!, monthStart: today.startOf('month').toISODate()! }
}

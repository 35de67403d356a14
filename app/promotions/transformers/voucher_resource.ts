import type { MarketContext } from '#markets/market_context'
import { voucherOf } from '#promotions/services/voucher_service'

/** A voucher as ops and sellers see it: amounts as money views, its window in UTC and the market's timezone, what is left of its budget. */
export function voucherResource(market: MarketContext, row: Record<string, any>) {
  const voucher = voucherOf(row)
  const money = (value: number | null) => (value === null ? null : market.moneyView(value))
  const at = (date: Date) => ({ utc: date.toISOString(), local: date.toLocaleString(market.locale, { timeZone: market.timezone }) })
  return {
    id: voucher.publicId,
    code: voucher.code,
    scope: voucher.scope,
    kind: voucher.kind,
    percent: voucher.percent,
    amount: money(voucher.amount),
    maxDiscount: money(voucher.maxDiscount),
    minSpend: money(voucher.minSpend),
    startsAt: at(voucher.startsAt),
    endsAt: at(voucher.endsAt),
    maxUses: voucher.maxUses,
    budgetAmount: money(voucher.budgetAmount),
    perBuyerLimit: voucher.perBuyerLimit,
    used: { uses: voucher.usesCount, amount: market.moneyView(voucher.amountUsed) },
    limitedToShops: voucher.eligibleShops !== null,
    limitedToCategories: voucher.eligibleCategories !== null,
    status: voucher.status,
  }
}

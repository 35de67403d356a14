import type { MarketContext } from '#markets/market_context'
import { allocateInSteps, allocateMinor, divideRounded, percentUnits, priceStep } from '#money/money'

export type VoucherScope = 'platform' | 'shop'
export type VoucherKind = 'percent' | 'fixed' | 'free_shipping'

/** Why a voucher does not apply (each has a translation in `voucher_reasons`). */
export type VoucherRefusal = 'unknown' | 'not_started' | 'expired' | 'below_minimum' | 'not_eligible' | 'used_up' | 'limit_reached' | 'not_stackable' | 'disabled'

export interface Voucher {
  id: number
  publicId: string
  code: string
  scope: VoucherScope
  /** The shop of a shop voucher. */
  shopId: number | null
  kind: VoucherKind
  /** percent vouchers: 0 < percent <= 100, two decimals. */
  percent: number | null
  /** fixed: the discount; free_shipping: shipping paid up to this. */
  amount: number | null
  /** percent vouchers: the most they take off. */
  maxDiscount: number | null
  minSpend: number
  startsAt: Date
  endsAt: Date
  maxUses: number | null
  budgetAmount: number | null
  usesCount: number
  amountUsed: number
  perBuyerLimit: number | null
  /** Platform vouchers: the shops (ids) they are limited to. */
  eligibleShops: number[] | null
  /** Category ids (descendants included) the voucher is limited to. */
  eligibleCategories: number[] | null
  status: 'active' | 'disabled'
}

/** A line before vouchers: its list amount (unit price × quantity, the price side the market quotes: gross if inclusive, net if exclusive). */
export interface VoucherLine {
  key: string
  amount: number
  categoryId: number
}

export interface VoucherParcel {
  shopId: number
  lines: VoucherLine[]
}

export interface AppliedVoucher {
  voucher: Voucher
  /** Goods discount per line key. */
  lines: Map<string, number>
  /** Shipping discount per shop (free-shipping vouchers), filled by `shippingDiscounts`. */
  shipping: Map<number, number>
  total: number
}

export interface VoucherOutcome {
  code: string
  applied: AppliedVoucher | null
  refusal: VoucherRefusal | null
}

/** A percentage (two decimals) of minor units, rounded once by the market's rule. */
function percentOf(market: MarketContext, amount: number, percent: number) {
  return Number(divideRounded(BigInt(amount) * percentUnits(percent, 2), 10_000n, market.tax.rounding))
}

/** Refusals that do not depend on the basket: window, status, budget, the buyer's uses. */
export function standingRefusal(voucher: Voucher, now: Date, buyerUses: number): VoucherRefusal | null {
  if (voucher.status !== 'active') return 'disabled'
  if (now < voucher.startsAt) return 'not_started'
  if (now >= voucher.endsAt) return 'expired'
  if (voucher.maxUses !== null && voucher.usesCount >= voucher.maxUses) return 'used_up'
  if (voucher.budgetAmount !== null && voucher.amountUsed >= voucher.budgetAmount) return 'used_up'
  if (voucher.perBuyerLimit !== null && buyerUses >= voucher.perBuyerLimit) return 'limit_reached'
  return null
}

const eligibleLine = (voucher: Voucher, line: VoucherLine) => !voucher.eligibleCategories || voucher.eligibleCategories.includes(line.categoryId)

/**
 * The goods discount of one voucher over the lines it covers (each line's
 * amount after what earlier vouchers took), allocated by line value with
 * dinero `allocate`, never more than a line's amount, and within what is
 * left of the voucher's amount budget. Free-shipping vouchers take nothing
 * off goods here: `shippingDiscounts` prices them once shipping is known.
 */
function goodsDiscount(market: MarketContext, voucher: Voucher, lines: VoucherLine[], taken: Map<string, number>): { lines: Map<string, number>; refusal: VoucherRefusal | null } {
  const covered = lines.filter((line) => eligibleLine(voucher, line))
  const left = (line: VoucherLine) => line.amount - (taken.get(line.key) ?? 0)
  const base = covered.reduce((sum, line) => sum + left(line), 0)
  if (covered.length === 0) return { lines: new Map(), refusal: 'not_eligible' }
  if (base < voucher.minSpend) return { lines: new Map(), refusal: 'below_minimum' }
  if (voucher.kind === 'free_shipping') return { lines: new Map(), refusal: null }
  let discount = voucher.kind === 'percent' ? percentOf(market, base, voucher.percent!) : voucher.amount!
  if (voucher.kind === 'percent' && voucher.maxDiscount !== null) discount = Math.min(discount, voucher.maxDiscount)
  if (voucher.budgetAmount !== null) discount = Math.min(discount, voucher.budgetAmount - voucher.amountUsed)
  discount = Math.max(0, Math.min(discount, base))
  // Whole price steps only (no rupiah cents: what a gateway or a courier's cash can move).
  const step = priceStep(market.currency, market.priceDecimals)
  discount -= discount % step
  const parts = allocateInSteps(discount, step, market.currency, covered.map(left))
  return { lines: new Map(covered.map((line, index) => [line.key, parts[index]])), refusal: null }
}

/**
 * Applies a checkout's voucher codes to its parcels, as Shopee does: at most
 * one shop voucher per shop parcel (the shop's own) and one platform voucher
 * per checkout (over the parcels of the shops it covers). Shop vouchers take
 * their discount first, the platform voucher on what is left. Each code gets
 * its discount or the reason it does not apply.
 */
export function applyVouchers(
  market: MarketContext,
  parcels: VoucherParcel[],
  codes: string[],
  found: Map<string, Voucher>,
  standing: (voucher: Voucher) => VoucherRefusal | null
): VoucherOutcome[] {
  const outcomes: VoucherOutcome[] = []
  const taken = new Map<string, number>()
  const shopsWithVoucher = new Set<number>()
  let platformUsed = false
  const ordered = [...new Set(codes.map((code) => code.toUpperCase()))].map((code) => ({ code, voucher: found.get(code) }))
  // Shop vouchers first, then the platform's: the order a buyer types them in does not change the price.
  ordered.sort((a, b) => Number(a.voucher?.scope === 'platform') - Number(b.voucher?.scope === 'platform'))
  for (const { code, voucher } of ordered) {
    if (!voucher) {
      outcomes.push({ code, applied: null, refusal: 'unknown' })
      continue
    }
    const refusal = standing(voucher)
    if (refusal) {
      outcomes.push({ code, applied: null, refusal })
      continue
    }
    let lines: VoucherLine[]
    if (voucher.scope === 'shop') {
      const parcel = parcels.find((candidate) => candidate.shopId === voucher.shopId)
      if (!parcel) {
        outcomes.push({ code, applied: null, refusal: 'not_eligible' })
        continue
      }
      if (shopsWithVoucher.has(parcel.shopId)) {
        outcomes.push({ code, applied: null, refusal: 'not_stackable' })
        continue
      }
      lines = parcel.lines
    } else {
      if (platformUsed) {
        outcomes.push({ code, applied: null, refusal: 'not_stackable' })
        continue
      }
      lines = parcels.filter((parcel) => !voucher.eligibleShops || voucher.eligibleShops.includes(parcel.shopId)).flatMap((parcel) => parcel.lines)
    }
    const result = goodsDiscount(market, voucher, lines, taken)
    if (result.refusal) {
      outcomes.push({ code, applied: null, refusal: result.refusal })
      continue
    }
    for (const [key, amount] of result.lines) taken.set(key, (taken.get(key) ?? 0) + amount)
    if (voucher.scope === 'shop') shopsWithVoucher.add(voucher.shopId!)
    else platformUsed = true
    const total = [...result.lines.values()].reduce((sum, amount) => sum + amount, 0)
    outcomes.push({ code, applied: { voucher, lines: result.lines, shipping: new Map(), total }, refusal: null })
  }
  return outcomes
}

/**
 * Free-shipping vouchers, once each parcel's shipping fee is known: the
 * shop's first, then the platform's on what shipping is left (a fee is
 * never taken off twice), up to the voucher's amount and what is left of
 * its budget, allocated over the covered parcels by fee. A shop's own
 * free shipping stops at what its goods bring (`goods`, after discounts):
 * the seller pays it, never the platform.
 */
export function shippingDiscounts(market: MarketContext, outcomes: VoucherOutcome[], parcels: VoucherParcel[], fees: Map<number, number>, goods: Map<number, number> = new Map()) {
  const left = new Map(fees)
  const step = priceStep(market.currency, market.priceDecimals)
  for (const outcome of outcomes) {
    const applied = outcome.applied
    if (!applied || applied.voucher.kind !== 'free_shipping') continue
    const voucher = applied.voucher
    const shops = parcels
      .filter((parcel) => (voucher.scope === 'shop' ? parcel.shopId === voucher.shopId : !voucher.eligibleShops || voucher.eligibleShops.includes(parcel.shopId)))
      .filter((parcel) => parcel.lines.some((line) => eligibleLine(voucher, line)))
      .map((parcel) => parcel.shopId)
    const caps = shops.map((shop) => Math.max(0, voucher.scope === 'shop' ? Math.min(left.get(shop) ?? 0, goods.get(shop) ?? Number.MAX_SAFE_INTEGER) : (left.get(shop) ?? 0)))
    const due = caps.reduce((sum, cap) => sum + cap, 0)
    let discount = Math.min(due, voucher.amount ?? due)
    if (voucher.budgetAmount !== null) discount = Math.min(discount, voucher.budgetAmount - voucher.amountUsed)
    discount = Math.max(0, discount)
    if (discount !== due) discount -= discount % step
    const parts = allocateMinor(discount, market.currency, caps)
    shops.forEach((shop, index) => {
      applied.shipping.set(shop, parts[index])
      left.set(shop, (left.get(shop) ?? 0) - parts[index])
    })
    applied.total = discount
  }
}

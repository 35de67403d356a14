import { DateTime } from 'luxon'
import { allocate, add, subtract, toSnapshot } from 'dinero.js'
import type { MarketContext } from '#markets/market_context'
import type { TaxRate } from '#markets/define_market'
import { divideRounded, minorOf, money, percentUnits, type Money } from '#money/money'
import { DomainError } from '#exceptions/domain_error'

export class UnknownTaxCategoryError extends DomainError {
  static status = 422
  static code = 'E_VALIDATION_ERROR'
}

export interface TaxLineInput {
  key: string
  unitPrice: number
  quantity: number
  taxCategory: string
  /** Vouchers' discount on the line (minor units, on the price side the market quotes): tax follows the discounted price. */
  discount?: number
}

/** What an order line keeps, so that later rate changes never move it. */
export interface AppliedRate {
  category: string
  rate: number
  effectiveFrom: string
  taxableBase: { numerator: number; denominator: number } | null
}

export interface TaxedLine {
  key: string
  gross: Money
  net: Money
  tax: Money
  rate: AppliedRate
}

export interface TaxResult {
  lines: TaxedLine[]
  gross: Money
  net: Money
  tax: Money
}

/** Rates carry up to 4 decimals (17.5 %): scaled to integers by 10^4. */
const RATE_SCALE = 10_000n

/** The rate of a category in force on a local day of the market. */
export function rateOn(market: MarketContext, category: string, day: string): AppliedRate {
  const definition = market.tax.categories[category]
  if (!definition) throw new UnknownTaxCategoryError(`"${category}" is not a tax category of ${market.code}`)
  const applicable = [...definition.rates]
    .filter((rate) => rate.effectiveFrom <= day)
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0] as TaxRate | undefined
  if (!applicable) throw new UnknownTaxCategoryError(`${market.code} has no ${category} rate in force on ${day}`)
  return {
    category,
    rate: applicable.rate,
    effectiveFrom: applicable.effectiveFrom,
    taxableBase: applicable.taxableBase ?? null,
  }
}

/** Effective rate e = rate% × base, as an exact fraction eNum / eDen. */
function effective(rate: AppliedRate): { num: bigint; den: bigint } {
  const scaled = percentUnits(rate.rate, 4)
  const baseNum = BigInt(rate.taxableBase?.numerator ?? 1)
  const baseDen = BigInt(rate.taxableBase?.denominator ?? 1)
  return { num: scaled * baseNum, den: 100n * RATE_SCALE * baseDen }
}

/** Tax contained in (inclusive) or owed on (exclusive) an amount, unrounded. */
function taxFraction(amount: bigint, rate: AppliedRate, inclusive: boolean): { num: bigint; den: bigint } {
  const { num, den } = effective(rate)
  // inclusive: amount × e / (1 + e); exclusive: amount × e
  return inclusive ? { num: amount * num, den: den + num } : { num: amount * num, den }
}

/**
 * The market's tax rule applied to order lines: inclusive or exclusive
 * prices, the rate of each line's category in force on the market's local
 * day, a reduced taxable base where the law has one (ID: 11/12), and the
 * market's rounding mode at line or invoice level. At invoice level the tax
 * of each rate is rounded once and spread over its lines (dinero allocate),
 * so line totals always add up to the order total. A line's voucher
 * discount comes off its price first: the tax is that of the discounted
 * price (inside the discounted gross, or the rate on the discounted net).
 */
export function calculateTax(market: MarketContext, inputs: TaxLineInput[], at: DateTime = DateTime.utc()): TaxResult {
  const day = at.setZone(market.timezone).toISODate()!
  const currency = market.currency
  const inclusive = market.tax.pricesIncludeTax
  const mode = market.tax.rounding

  const priced = inputs.map((input) => {
    if (!Number.isSafeInteger(input.unitPrice) || input.unitPrice < 0) throw new Error('unit prices are non-negative minor units')
    if (!Number.isSafeInteger(input.quantity) || input.quantity <= 0) throw new Error('quantities are positive integers')
    const discount = input.discount ?? 0
    const listed = BigInt(input.unitPrice) * BigInt(input.quantity)
    if (!Number.isSafeInteger(discount) || discount < 0 || BigInt(discount) > listed) throw new Error('a discount is minor units between 0 and the line amount')
    return { input, amount: listed - BigInt(discount), rate: rateOn(market, input.taxCategory, day) }
  })

  const taxes = new Map<string, bigint>()
  if (market.tax.roundingLevel === 'line') {
    for (const line of priced) {
      const { num, den } = taxFraction(line.amount, line.rate, inclusive)
      taxes.set(line.input.key, divideRounded(num, den, mode))
    }
  } else {
    const groups = new Map<string, typeof priced>()
    for (const line of priced) {
      const key = `${line.rate.category}|${line.rate.rate}|${line.rate.effectiveFrom}`
      groups.set(key, [...(groups.get(key) ?? []), line])
    }
    for (const lines of groups.values()) {
      const sum = lines.reduce((total, line) => total + line.amount, 0n)
      const { num, den } = taxFraction(sum, lines[0].rate, inclusive)
      const groupTax = divideRounded(num, den, mode)
      if (sum === 0n) {
        for (const line of lines) taxes.set(line.input.key, 0n)
        continue
      }
      const parts = allocate(money(Number(groupTax), currency), lines.map((line) => Number(line.amount) || 0))
      lines.forEach((line, index) => taxes.set(line.input.key, BigInt(toSnapshot(parts[index]).amount)))
    }
  }

  const lines: TaxedLine[] = priced.map((line) => {
    const tax = money(Number(taxes.get(line.input.key)!), currency)
    const amount = money(Number(line.amount), currency)
    return inclusive
      ? { key: line.input.key, gross: amount, tax, net: subtract(amount, tax), rate: line.rate }
      : { key: line.input.key, net: amount, tax, gross: add(amount, tax), rate: line.rate }
  })
  const zero = money(0, currency)
  return {
    lines,
    gross: lines.reduce((total, line) => add(total, line.gross), zero),
    net: lines.reduce((total, line) => add(total, line.net), zero),
    tax: lines.reduce((total, line) => add(total, line.tax), zero),
  }
}

export { minorOf }

import { allocate, dinero, toDecimal, toSnapshot, transformScale, halfEven, type Dinero } from 'dinero.js'
import * as currencies from 'dinero.js/currencies'

type Currency = { code: string; base: number; exponent: number }
const CURRENCIES = new Map(
  Object.values(currencies as unknown as Record<string, Currency>).map((currency) => [currency.code, currency])
)

export type Money = Dinero<number>

/** The one way money enters the code: integer minor units of an ISO 4217 currency. */
export function money(amount: number, currencyCode: string): Money {
  const currency = CURRENCIES.get(currencyCode)
  if (!currency) throw new Error(`unknown currency ${currencyCode}`)
  if (!Number.isSafeInteger(amount)) throw new Error(`money amounts are integer minor units, got ${amount}`)
  return dinero({ amount, currency })
}

export function currencyExponent(currencyCode: string): number {
  const currency = CURRENCIES.get(currencyCode)
  if (!currency) throw new Error(`unknown currency ${currencyCode}`)
  return currency.exponent
}

/** Integer minor units at the currency's own exponent (what the database stores). */
export function toMinorUnits(value: Money): number {
  const { currency } = toSnapshot(value)
  return toSnapshot(transformScale(value, currency.exponent, halfEven)).amount
}

/**
 * Formatting happens at the edge only: the market's locale, and only the
 * decimals its prices carry (IDR shows Rp59.900, not Rp59.900,00).
 */
export function formatMoney(value: Money, locale: string, fractionDigits: number): string {
  const { currency } = toSnapshot(value)
  // Intl formats a decimal string exactly; no float is involved.
  return formatterOf(locale, currency.code, fractionDigits).format(toDecimal(value) as unknown as number)
}

/** Building an Intl.NumberFormat costs far more than using one: one per locale, currency and decimals. */
const formatters = new Map<string, Intl.NumberFormat>()
function formatterOf(locale: string, currencyCode: string, fractionDigits: number) {
  const key = `${locale}|${currencyCode}|${fractionDigits}`
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: currencyCode,
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    })
    formatters.set(key, formatter)
  }
  return formatter
}

/** Minor units as a plain decimal string of `exponent` decimals (`399`, 2 → `3.99`), digit by digit. */
export function majorUnits(amount: number, exponent: number) {
  if (exponent === 0) return String(amount)
  const negative = amount < 0
  const digits = String(Math.abs(amount)).padStart(exponent + 1, '0')
  return `${negative ? '-' : ''}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`
}

/** Minor units as a plain decimal string of the currency (`399` SGD → `3.99`): what a form field shows. */
export function minorToDecimal(amount: number, currencyCode: string): string {
  return majorUnits(amount, currencyExponent(currencyCode))
}

/**
 * A decimal string typed in a form (`3.99`, `12`) as minor units of the
 * currency, read digit by digit (no float); null when it is not an amount
 * of the currency (too many decimals, a sign, letters).
 */
export function decimalToMinor(text: string, currencyCode: string): number | null {
  const exponent = currencyExponent(currencyCode)
  const match = /^(\d{1,15})(?:\.(\d+))?$/.exec(text.trim())
  if (!match) return null
  const fraction = match[2] ?? ''
  if (fraction.length > exponent) return null
  const minor = Number(`${match[1]}${fraction.padEnd(exponent, '0')}`)
  return Number.isSafeInteger(minor) ? minor : null
}

export interface MoneyView {
  amount: number
  currency: string
  formatted: string
}

/** `{ amount, currency, formatted }`, the API's money shape. */
export function moneyView(amount: number, currencyCode: string, locale: string, fractionDigits: number): MoneyView {
  return {
    amount,
    currency: currencyCode,
    formatted: formatMoney(money(amount, currencyCode), locale, fractionDigits),
  }
}

/**
 * The smallest step a price may take: 100 minor units for IDR (exponent 2,
 * priced in whole rupiah), 1 for SGD.
 */
export function priceStep(currencyCode: string, priceDecimals: number): number {
  return 10 ** Math.max(0, currencyExponent(currencyCode) - priceDecimals)
}

export type RoundingMode = 'half-up' | 'half-even'

/**
 * numerator / denominator rounded to an integer with the market's rule,
 * exactly (BigInt): tax on inclusive prices is a ratio like 9/109 that no
 * decimal scale holds, so it is never approximated before rounding.
 */
export function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator <= 0n) throw new Error('denominator must be positive')
  const negative = numerator < 0n
  const n = negative ? -numerator : numerator
  const quotient = n / denominator
  const twiceRemainder = (n - quotient * denominator) * 2n
  let rounded = quotient
  if (twiceRemainder > denominator) rounded += 1n
  else if (twiceRemainder === denominator) rounded += mode === 'half-up' || quotient % 2n === 1n ? 1n : 0n
  return negative ? -rounded : rounded
}

/**
 * A percentage with at most `decimals` decimals (as market files and
 * columns hold them) as an integer count of 10^-decimals percent, read from
 * its decimal digits: 4.5 → 45_000n at 4 decimals. No float product, so no
 * 0.07 × 10_000 = 700.0000000000001 to round away.
 */
export function percentUnits(percent: number, decimals = 4): bigint {
  const [whole, fraction = ''] = String(percent).split('.')
  if (fraction.length > decimals || !/^\d+$/.test(whole + fraction)) throw new Error(`not a percentage with at most ${decimals} decimals: ${percent}`)
  return BigInt(whole) * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, '0'))
}

/** `percent` % (at most 4 decimals) of `amount` minor units, rounded once with `mode`. */
export function percentOf(amount: number | bigint, percent: number, mode: RoundingMode): number {
  return Number(divideRounded(BigInt(amount) * percentUnits(percent, 4), 1_000_000n, mode))
}

/** Integer minor units of a Money in its currency's exponent, as BigInt. */
export function minorOf(value: Money): bigint {
  return BigInt(toMinorUnits(value))
}

/**
 * Splits an amount over weights (dinero `allocate`): the parts are integer
 * minor units, proportional to the weights, and always sum to the amount.
 * All-zero weights give everything to nobody: zeros (amount 0 only).
 */
export function allocateMinor(amount: number, currencyCode: string, weights: number[]): number[] {
  if (weights.length === 0) return []
  if (weights.every((weight) => weight === 0)) {
    if (amount !== 0) throw new Error(`cannot allocate ${amount} over zero weights`)
    return weights.map(() => 0)
  }
  return allocate(money(amount, currencyCode), weights).map((part) => toSnapshot(part).amount)
}

/**
 * `allocateMinor` in whole price steps (multiples of `step` minor units,
 * e.g. whole rupiah) when the amount is made of them: what a provider or a
 * courier can move. Otherwise in minor units.
 */
export function allocateInSteps(amount: number, step: number, currencyCode: string, weights: number[]): number[] {
  if (step <= 1 || amount % step !== 0) return allocateMinor(amount, currencyCode, weights)
  return allocateMinor(amount / step, currencyCode, weights).map((part) => part * step)
}

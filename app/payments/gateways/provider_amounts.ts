import { currencyExponent } from '#money/money'

/**
 * How many decimals each provider's API counts in, per currency, where it
 * differs from ISO 4217 (Pasar's minor units are ISO's, as dinero.js has
 * them). Stripe: https://docs.stripe.com/currencies#zero-decimal (VND is
 * zero-decimal, IDR two-decimal like ISO). Xendit: amounts in whole
 * rupiah and dong, two decimals for PHP, THB, MYR.
 */
const PROVIDER_EXPONENTS: Record<string, Record<string, number>> = {
  stripe: Object.fromEntries(
    ['BIF', 'CLP', 'DJF', 'GNF', 'JPY', 'KMF', 'KRW', 'MGA', 'PYG', 'RWF', 'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF'].map((code) => [code, 0])
  ),
  xendit: { IDR: 0, VND: 0, PHP: 2, THB: 2, MYR: 2 },
}

export class ProviderAmountError extends Error {}

function exponents(provider: string, currency: string) {
  const ours = currencyExponent(currency)
  const theirs = PROVIDER_EXPONENTS[provider]?.[currency] ?? ours
  return { ours, theirs }
}

/** Pasar's minor units to the provider's: exact, or refused (never rounded money). */
export function toProviderAmount(provider: string, currency: string, amount: number): number {
  const { ours, theirs } = exponents(provider, currency)
  if (theirs >= ours) return amount * 10 ** (theirs - ours)
  const divisor = 10 ** (ours - theirs)
  if (amount % divisor !== 0) throw new ProviderAmountError(`${amount} minor units of ${currency} are not a whole amount for ${provider}`)
  return amount / divisor
}

/** The provider's amount back in Pasar's minor units. */
export function fromProviderAmount(provider: string, currency: string, amount: number): number {
  const { ours, theirs } = exponents(provider, currency)
  return theirs >= ours ? amount / 10 ** (theirs - ours) : amount * 10 ** (ours - theirs)
}

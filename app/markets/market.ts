import type { MarketDefinition } from '#markets/define_market'

/**
 * A validated market: its file's definition, deep-frozen, plus what is
 * derived from it once at boot.
 */
export interface Market extends MarketDefinition {
  /** Path of the file it came from, relative to the app root. */
  readonly file: string
  /** ISO 4217 exponent dinero.js uses for the currency. */
  readonly currencyExponent: number
  readonly defaultLocale: string
  /** Hash of the validated definition: what orders record as the config revision. */
  readonly revision: string
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

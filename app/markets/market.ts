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
  /** Hash of the effective definition (file plus approved overrides): what orders and payments record as their config revision. */
  readonly revision: string
  /** Number of the ops revision the overrides come from (0: the file alone). */
  readonly configRevision: number
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

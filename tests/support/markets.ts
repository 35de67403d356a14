import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { MarketRegistry, type MarketSource } from '#markets/services/market_registry'
import { InvalidMarketConfigError, type MarketConfigProblem } from '#markets/errors'
import sg from '#config/markets/sg'
import id from '#config/markets/id'
import type { MarketDefinition } from '#markets/define_market'

export const DEMO_REGIONS = ['sea-1', 'sea-2', 'sea-3', 'ea-1', 'latam-1']

/** A fresh, mutable copy of a real market file, to break one field at a time. */
export function marketFixture(code: 'SG' | 'ID' = 'SG'): MarketDefinition {
  return structuredClone(code === 'SG' ? sg : id)
}

export function source(definition: unknown, file = 'config/markets/sg.ts'): MarketSource {
  return { file, definition }
}

/** The problems the registry reports for these sources (none: the registry loaded). */
export async function problemsOf(sources: MarketSource[]): Promise<MarketConfigProblem[]> {
  try {
    await MarketRegistry.fromSources(sources, { regions: DEMO_REGIONS, reservedHosts: ['admin.pasar.localhost'] })
    return []
  } catch (error) {
    if (error instanceof InvalidMarketConfigError) return error.problems
    throw error
  }
}

let demo: Promise<MarketRegistry> | undefined

/**
 * The demo markets loaded straight from config/markets (no application
 * container, no database): what unit tests of pure rules (tax, shipping)
 * take their market contexts from.
 */
export async function demoMarket(code: string, locale?: string) {
  demo ??= MarketRegistry.loadFolder(new URL('../../config/markets', import.meta.url).pathname, new URL('../../', import.meta.url).pathname, {
    regions: DEMO_REGIONS,
    reservedHosts: ['admin.pasar.localhost'],
  })
  return (await demo).context(code, locale)
}

/** Every demo market's context (for property tests across markets). */
export async function demoMarkets() {
  await demoMarket('SG')
  const registry = await demo!
  return registry.codes().map((code) => registry.context(code))
}

/** Every market back on its file: no config revision left for the next test or group. */
export async function resetMarketConfig() {
  const control = db.connection('control')
  await control.rawQuery('TRUNCATE TABLE market_config_revisions')
  await control.rawQuery('TRUNCATE TABLE market_config_heads')
  ;(await app.container.make('markets')).resetToFiles()
}

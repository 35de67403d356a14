import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { MarketRegistry, type ConfigHead } from '#markets/services/market_registry'
import { InvalidMarketConfigError } from '#markets/errors'
import type { StorefrontConfig } from '#config/storefront'
import type { RegionsConfig } from '#shards/define_regions'

export default class MarketsValidate extends BaseCommand {
  static commandName = 'markets:validate'
  static description = 'Validate every market file and, when the control database answers, the run-time overrides on top (the checks boot makes)'

  // Runs without booting: a bad file must be reported, not crash the boot.
  static options: CommandOptions = { startApp: false }

  @flags.string({ description: 'Folder of market files (default: config/markets or MARKETS_PATH)' })
  declare path?: string

  /** The approved overrides of every market, read straight from the control database; null when it cannot be reached (then said). */
  async #heads(regions: RegionsConfig): Promise<ConfigHead[] | null> {
    const { createConnection } = await import('mysql2/promise')
    let connection
    try {
      connection = await createConnection({ ...regions.control, connectTimeout: 3000 })
    } catch (error) {
      this.logger.warning(`control database not reachable (${(error as Error).message}): the run-time overrides were not checked`)
      return null
    }
    try {
      const [rows] = await connection.query('SELECT market_code, revision, overrides FROM market_config_heads')
      return (rows as { market_code: string; revision: number; overrides: string | object }[]).map((row) => ({
        code: row.market_code,
        revision: Number(row.revision),
        overrides: typeof row.overrides === 'string' ? JSON.parse(row.overrides) : row.overrides,
      }))
    } catch (error) {
      if ((error as { code?: string }).code === 'ER_NO_SUCH_TABLE') {
        this.logger.info('the control database has no config revisions yet')
        return null
      }
      throw error
    } finally {
      await connection.end()
    }
  }

  async run() {
    await import('#start/env')
    const storefront = (await import('#config/storefront')).default as StorefrontConfig
    const regions = (await import('#config/regions')).default as RegionsConfig
    const folder = this.path ?? storefront.marketsPath
    try {
      const registry = await MarketRegistry.loadFolder(folder, this.app.appRoot.pathname, {
        regions: Object.keys(regions.shards),
        reservedHosts: storefront.staffHosts,
      })
      this.logger.success(`${registry.all().length} markets valid: ${registry.codes().join(', ')}`)
      const heads = await this.#heads(regions)
      if (heads === null) return
      await registry.applyHeads(heads)
      const edited = heads.filter((head) => registry.find(head.code))
      this.logger.success(
        edited.length
          ? `run-time overrides valid on the files: ${edited.map((head) => `${head.code} at revision ${head.revision}`).join(', ')}`
          : 'no run-time overrides in the control database'
      )
    } catch (error) {
      if (error instanceof InvalidMarketConfigError) {
        this.logger.error(error.message)
        this.exitCode = 1
        return
      }
      throw error
    }
  }
}

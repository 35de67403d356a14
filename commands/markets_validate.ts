import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { MarketRegistry } from '#markets/services/market_registry'
import { InvalidMarketConfigError } from '#markets/errors'
import type { StorefrontConfig } from '#config/storefront'
import type { RegionsConfig } from '#shards/define_regions'

export default class MarketsValidate extends BaseCommand {
  static commandName = 'markets:validate'
  static description = 'Validate every market file (the same checks that run at boot)'

  // Runs without booting: a bad file must be reported, not crash the boot.
  static options: CommandOptions = { startApp: false }

  @flags.string({ description: 'Folder of market files (default: config/markets or MARKETS_PATH)' })
  declare path?: string

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

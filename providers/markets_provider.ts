import type { ApplicationService } from '@adonisjs/core/types'
import { MarketRegistry } from '#markets/services/market_registry'
import type { StorefrontConfig } from '#config/storefront'
import type { RegionsConfig } from '#shards/define_regions'

declare module '@adonisjs/core/types' {
  interface ContainerBindings {
    markets: MarketRegistry
  }
}

/**
 * Loads and validates every market file while the application boots: a
 * bad file stops the web server, the worker and every ace command that
 * starts the app, with one message naming the file, the field and the fault.
 */
export default class MarketsProvider {
  constructor(protected app: ApplicationService) {}

  register() {
    this.app.container.singleton('markets', async () => {
      const storefront = this.app.config.get<StorefrontConfig>('storefront')
      const regions = this.app.config.get<RegionsConfig>('regions')
      return MarketRegistry.loadFolder(storefront.marketsPath, this.app.appRoot.pathname, {
        regions: Object.keys(regions.shards),
        reservedHosts: storefront.staffHosts,
      })
    })
  }

  async boot() {
    await this.app.container.make('markets')
  }
}

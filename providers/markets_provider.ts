import type { ApplicationService } from '@adonisjs/core/types'
import { MarketRegistry } from '#markets/services/market_registry'
import { MarketConfigSync } from '#markets/services/config_sync'
import type { StorefrontConfig } from '#config/storefront'
import type { RegionsConfig } from '#shards/define_regions'

declare module '@adonisjs/core/types' {
  interface ContainerBindings {
    markets: MarketRegistry
    'markets.sync': MarketConfigSync
  }
}

/**
 * Loads and validates every market file while the application boots: a
 * bad file stops the web server, the worker and every ace command that
 * starts the app, with one message naming the file, the field and the fault.
 * Then the approved run-time overrides of the control database go on top
 * (one that no longer fits its file stops boot the same way, naming the
 * revision), and web processes follow new revisions as they are approved.
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
    this.app.container.singleton('markets.sync', async () => new MarketConfigSync(await this.app.container.make('markets')))
  }

  async boot() {
    await this.app.container.make('markets')
  }

  async start() {
    const sync = await this.app.container.make('markets.sync')
    await sync.load()
  }

  async ready() {
    // The worker starts following revisions itself (commands/worker.ts).
    if (['web', 'test'].includes(this.app.getEnvironment())) (await this.app.container.make('markets.sync')).start()
  }

  async shutdown() {
    await (await this.app.container.make('markets.sync')).stop()
  }
}

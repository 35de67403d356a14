import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { ProductDocuments } from '#catalog/services/product_documents'
import { searchDriver } from '#search/services/search_service'

/**
 * Rebuilds a market's search index from its shard. With Elasticsearch: a
 * new versioned index, then an atomic alias swap (no downtime). With MySQL:
 * documents upserted in place, stale ones dropped.
 */
export default class SearchReindex extends BaseCommand {
  static commandName = 'search:reindex'
  static description = 'Rebuild the search index of a market (or of every market) without downtime'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Market code (e.g. SG); every market when omitted' })
  declare market?: string

  async run() {
    const registry = await this.app.container.make('markets')
    if (this.market && !registry.find(this.market)) {
      this.logger.error(`Unknown market "${this.market}"`)
      this.exitCode = 1
      return
    }
    const markets = this.market ? [registry.context(this.market)] : registry.codes().map((code) => registry.context(code))
    const driver = searchDriver()
    for (const market of markets) {
      const started = Date.now()
      const result = await driver.reindex(market, new ProductDocuments().allActive(market))
      this.logger.success(
        `${market.code}: ${result.indexed} products into ${result.index} (${driver.name}) in ${Date.now() - started} ms`
      )
    }
  }
}

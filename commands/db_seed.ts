import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * The demo data of every market (replaces Lucid's db:seed: Pasar seeds per
 * market, each in its region's shard). Idempotent: it tops each market up
 * to --products demo products.
 */
export default class DbSeed extends BaseCommand {
  static commandName = 'db:seed'
  static description = 'Seed the demo catalog (categories, sellers, products, stock) of every market'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'Demo products per market', default: 2000 })
  declare products: number

  @flags.string({ description: 'Only these markets (comma-separated codes)' })
  declare market?: string

  async run() {
    const { DemoCatalogSeeder, DEMO_PASSWORD } = await import('#database/seeders/demo_catalog')
    const registry = await this.app.container.make('markets')
    const only = this.market?.split(',').map((code) => code.trim().toUpperCase())
    const markets = registry.all().filter((market) => !only || only.includes(market.code))
    if (only && markets.length !== only.length) {
      this.logger.error(`Unknown market in --market=${this.market}`)
      this.exitCode = 1
      return
    }
    for (const market of markets) {
      const started = Date.now()
      const seeder = new DemoCatalogSeeder(registry.context(market.code), (line) => this.logger.info(line))
      const { existing, added } = await seeder.products(this.products)
      this.logger.success(
        `${market.code} (${market.region}): ${existing + added} demo products (${added} added in ${((Date.now() - started) / 1000).toFixed(1)} s)`
      )
    }
    this.logger.info(`Demo accounts: seller1@<market>.demo.pasar.test ... and buyer@<market>.demo.pasar.test, password "${DEMO_PASSWORD}"`)
  }
}

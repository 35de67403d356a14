import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

export default class MarketsList extends BaseCommand {
  static commandName = 'markets:list'
  static description = 'List the markets with their region, currency and domains'
  static options: CommandOptions = { startApp: true }

  @flags.boolean({ description: 'Print code, name and local domain of each market as JSON' })
  declare json: boolean

  async run() {
    const markets = await this.app.container.make('markets')
    if (this.json) {
      const rows = markets.all().map((market) => ({
        code: market.code,
        name: market.name,
        region: market.region,
        domain: market.domains.find((domain) => domain.endsWith('.localhost')) ?? market.domains[0],
      }))
      process.stdout.write(JSON.stringify(rows))
      return
    }
    const table = this.ui.table()
    table.head(['Market', 'Name', 'Region', 'Currency', 'Locales', 'Timezone', 'Domains'])
    for (const market of markets.all()) {
      table.row([
        market.code,
        market.name,
        market.region,
        market.currency,
        market.locales.join(', '),
        market.timezone,
        market.domains.join(', '),
      ])
    }
    table.render()
  }
}

import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

export default class MarketsList extends BaseCommand {
  static commandName = 'markets:list'
  static description = 'List the markets with their region, currency and domains'
  static options: CommandOptions = { startApp: true }

  async run() {
    const markets = await this.app.container.make('markets')
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

import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { FlashSaleService } from '#flash_sales/services/flash_sale_service'

/** Reports drift between the Redis counters of flash sales and MySQL's orders. */
export default class FlashSalesReconcile extends BaseCommand {
  static commandName = 'flash-sales:reconcile'
  static description = 'Compare flash-sale counters in Redis with the orders in MySQL (--fix reloads Redis)'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Market code; every market when omitted' })
  declare market?: string

  @flags.boolean({ description: 'Reload Redis from MySQL where they differ' })
  declare fix: boolean

  async run() {
    const registry = await this.app.container.make('markets')
    const markets = this.market ? [registry.context(this.market)] : registry.codes().map((code) => registry.context(code))
    let drifted = 0
    for (const market of markets) {
      const report = await new FlashSaleService().reconcile(market, this.fix)
      for (const line of report) {
        const state = line.drift === 0 ? 'ok' : line.leftInRedis === null ? 'missing in Redis' : `drift ${line.drift}`
        if (line.drift !== 0) drifted++
        this.logger.log(`${market.code} ${line.sale}: stock ${line.stock}, sold ${line.soldInMysql}, left in Redis ${line.leftInRedis ?? '-'}: ${state}${line.fixed ? ' (fixed)' : ''}`)
      }
    }
    if (drifted && !this.fix) this.exitCode = 1
  }
}

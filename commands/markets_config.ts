import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

export default class MarketsConfig extends BaseCommand {
  static commandName = 'markets:config'
  static description = 'Print the effective config of a market (its file plus the approved run-time overrides), or that of one revision'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Market code (SG, MY, ...)', required: true })
  declare market: string

  @flags.number({ description: 'A revision number (default: the approved one now; 0: the file alone)' })
  declare revision?: number

  async run() {
    const { MarketConfigService } = await import('#ops/services/market_config_service')
    const { NotFoundError } = await import('#exceptions/not_found_error')
    const markets = await this.app.container.make('markets')
    const code = this.market.toUpperCase()
    if (!markets.find(code)) {
      this.logger.error(`no market ${this.market} (markets: ${markets.codes().join(', ')})`)
      this.exitCode = 1
      return
    }
    const configs = new MarketConfigService()
    try {
      if (this.revision === undefined) {
        const { file, revision, hash, config } = await configs.effective(code)
        process.stdout.write(JSON.stringify({ market: code, file, revision, hash, config }, null, 2) + '\n')
        return
      }
      const config = await configs.configOf(code, this.revision)
      const row = this.revision === 0 ? null : await configs.find(code, this.revision)
      process.stdout.write(JSON.stringify({ market: code, revision: this.revision, status: row?.status ?? 'file', hash: row?.config_hash ?? null, config }, null, 2) + '\n')
    } catch (error) {
      if (error instanceof NotFoundError) {
        this.logger.error(`${code} has no config revision ${this.revision}`)
        this.exitCode = 1
        return
      }
      throw error
    }
  }
}

import app from '@adonisjs/core/services/app'
import type { MarketRegistry } from '#markets/services/market_registry'

let markets: MarketRegistry

await app.booted(async () => {
  markets = await app.container.make('markets')
})

export { markets as default }

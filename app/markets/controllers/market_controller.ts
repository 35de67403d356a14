import type { HttpContext } from '@adonisjs/core/http'
import { toPublicMarket } from '#markets/transformers/public_market'

export default class MarketController {
  /** The resolved market's public configuration. */
  show({ market }: HttpContext) {
    return { data: toPublicMarket(market.config) }
  }
}

import type { HttpContext } from '@adonisjs/core/http'
import markets from '#markets/services/main'

export default class OpsMarketConfigController {
  /**
   * The market's effective configuration as ops staff see it (gateway
   * settings name env variables; no secret values exist in config).
   */
  show({ params }: HttpContext) {
    const market = markets.find(String(params.code))!
    const { file, ...config } = market
    return { data: { ...config, source: file } }
  }
}

import type { HttpContext } from '@adonisjs/core/http'

export default class OpsMarketConfigController {
  /**
   * The market's effective configuration as ops staff see it (gateway
   * settings name env variables; no secret values exist in config).
   */
  show({ market }: HttpContext) {
    const { file, ...config } = market.config
    return { data: { ...config, source: file } }
  }
}

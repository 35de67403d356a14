import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import app from '@adonisjs/core/services/app'
import markets from '#markets/services/main'
import { negotiateLocale } from '#i18n/services/i18n'
import type { MarketContext } from '#markets/market_context'
import { UnknownMarketError } from '#markets/exceptions'
import type { StorefrontConfig } from '#config/storefront'
import type { Translate } from '#i18n/services/i18n'

declare module '@adonisjs/core/http' {
  interface HttpContext {
    /** The request's market: its config, shard, locale and translator. */
    market: MarketContext
    /** Response locale (also `market.locale`); set on staff routes without a market too. */
    locale: string
    t: Translate
  }
}

/**
 * Resolves the market of a storefront request from its Host (or from
 * X-Market when ALLOW_MARKET_HEADER is on) and the response language from
 * Accept-Language among the market's locales.
 */
export default class ResolveMarketMiddleware {
  #allowMarketHeader = app.config.get<StorefrontConfig>('storefront').allowMarketHeader

  async handle(ctx: HttpContext, next: NextFn) {
    const requested = this.#allowMarketHeader ? ctx.request.header('x-market') : undefined
    const host = ctx.request.header('host') ?? ''
    const config = requested ? markets.find(requested) : markets.findByHost(host)
    if (!config) throw new UnknownMarketError(requested ? `X-Market: ${requested}` : host)

    const market = markets.context(config.code, negotiateLocale(ctx.request.header('accept-language'), config.locales))
    ctx.market = market
    ctx.locale = market.locale
    ctx.t = market.t
    ctx.response.header('Content-Language', market.locale)
    ctx.logger = ctx.logger.child({ market: market.code })
    return next()
  }
}

import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import app from '@adonisjs/core/services/app'
import markets from '#markets/services/main'
import translations from '#i18n/services/main'
import { negotiateLocale } from '#i18n/services/i18n'
import { MarketContext } from '#markets/market_context'
import { UnknownMarketError } from '#markets/exceptions'
import type { StorefrontConfig } from '#config/storefront'
import type { Translate } from '#i18n/services/i18n'

declare module '@adonisjs/core/http' {
  interface HttpContext {
    /** The storefront's market and its shard. */
    market: MarketContext
    /** Response locale: one of the market's locales. */
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
  async handle(ctx: HttpContext, next: NextFn) {
    const config = app.config.get<StorefrontConfig>('storefront')
    const host = ctx.request.header('host') ?? ''

    let market
    const requested = config.allowMarketHeader ? ctx.request.header('x-market') : undefined
    if (requested) {
      market = markets.find(requested)
      if (!market) throw new UnknownMarketError(`X-Market: ${requested}`)
    } else {
      market = markets.findByHost(host)
      if (!market) throw new UnknownMarketError(host)
    }

    ctx.market = MarketContext.of(market)
    ctx.locale = negotiateLocale(ctx.request.header('accept-language'), market.locales)
    ctx.t = translations.forLocale(ctx.locale)
    ctx.response.header('Content-Language', ctx.locale)
    ctx.logger = ctx.logger.child({ market: market.code })
    return next()
  }
}

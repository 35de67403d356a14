import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import app from '@adonisjs/core/services/app'
import translations from '#i18n/services/main'
import { FALLBACK_LANGUAGE, negotiateLocale } from '#i18n/services/i18n'
import { normalizeHost } from '#markets/services/market_registry'
import type { StorefrontConfig } from '#config/storefront'
import { DomainError } from '#exceptions/domain_error'

class NotOnThisHostError extends DomainError {
  static status = 404
  static code = 'E_ROUTE_NOT_FOUND'
}

/**
 * Staff routes answer only on the staff host (STAFF_HOSTS); on a storefront
 * host they do not exist.
 */
export default class StaffHostMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const { staffHosts } = app.config.get<StorefrontConfig>('storefront')
    const host = normalizeHost(ctx.request.header('host'))
    if (!host || !staffHosts.includes(host)) {
      throw new NotOnThisHostError('Not found', { method: ctx.request.method(), url: ctx.request.url() })
    }
    ctx.locale = negotiateLocale(ctx.request.header('accept-language'), [
      FALLBACK_LANGUAGE,
      ...translations.languages.filter((language) => language !== FALLBACK_LANGUAGE),
    ])
    ctx.t = translations.forLocale(ctx.locale)
    ctx.response.header('Content-Language', ctx.locale)
    return next()
  }
}

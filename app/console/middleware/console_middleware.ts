import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import translations from '#i18n/services/main'
import { consoleLanguages, CONSOLE_DEFAULT_LOCALE } from '#console/services/console_languages'

/**
 * Every console page (after the session and shield middleware): the staff
 * member's language (their choice among the markets' locales, kept in the
 * session; English by default), and what every page's layout needs.
 */
export default class ConsoleMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const chosen = ctx.session.get('locale')
    const locale = typeof chosen === 'string' && consoleLanguages().some((language) => language.locale === chosen) ? chosen : CONSOLE_DEFAULT_LOCALE
    ctx.locale = locale
    ctx.t = translations.forLocale(locale)
    ctx.response.header('Content-Language', locale)
    ctx.response.header('Cache-Control', 'no-store')
    ctx.response.header('Referrer-Policy', 'same-origin')
    ctx.view.share({
      t: (key: string, params?: Record<string, unknown>) => ctx.t(`console:${key}`, params),
      locale,
      lang: new Intl.Locale(locale).language,
      languages: consoleLanguages(),
      currentPath: ctx.request.url(),
      notice: ctx.session.flashMessages.get('notice') ?? null,
    })
    return next()
  }
}

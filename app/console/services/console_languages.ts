import markets from '#markets/services/main'

export const CONSOLE_DEFAULT_LOCALE = 'en'

let cached: { key: string; languages: { locale: string; name: string }[] } | null = null

/**
 * The console's languages: English, then every other locale of a market
 * (`th-TH`, `zh-SG`, ...: numbers and dates follow it), each named in itself.
 * The markets' English variants (`en-SG`) read as English.
 */
export function consoleLanguages() {
  const locales = [CONSOLE_DEFAULT_LOCALE, ...new Set(markets.all().flatMap((market) => market.locales).filter((locale) => new Intl.Locale(locale).language !== 'en'))]
  const key = locales.join(',')
  if (cached?.key !== key) {
    cached = {
      key,
      languages: [...new Set(locales)].map((locale) => ({ locale, name: new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale })),
    }
  }
  return cached.languages
}

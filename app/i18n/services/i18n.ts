import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import i18next, { type i18n as I18nInstance, type Resource, type ResourceLanguage } from 'i18next'

/** Translates one key in one locale; `defaultValue` is used when no language has the key. */
export type Translate = (key: string, params?: Record<string, unknown>) => string

export const FALLBACK_LANGUAGE = 'en'

/** A translation whose placeholders the error could not fill reads worse than the plain message. */
export function filled(message: string, fallback: string) {
  return message.includes('{{') ? fallback : message
}

/**
 * Translations, one namespace per domain: `resources/locales/<lng>/<ns>.json`.
 * Languages are i18next codes (`en`, `zh-TW`, `pt-BR`...); a market locale
 * like `zh-SG` resolves through `zh` and then English.
 */
export class Translations {
  private constructor(
    readonly instance: I18nInstance,
    readonly languages: string[]
  ) {}

  static load(localesPath: string): Translations {
    const resources: Resource = {}
    const namespaces = new Set<string>()
    const languages = existsSync(localesPath) ? readdirSync(localesPath) : []
    for (const language of languages) {
      const bundle: ResourceLanguage = {}
      for (const file of readdirSync(join(localesPath, language))) {
        if (!file.endsWith('.json')) continue
        const namespace = file.slice(0, -'.json'.length)
        namespaces.add(namespace)
        bundle[namespace] = JSON.parse(readFileSync(join(localesPath, language, file), 'utf8'))
      }
      resources[language] = bundle
    }

    const instance = i18next.createInstance()
    void instance.init({
      resources,
      initAsync: false,
      fallbackLng: FALLBACK_LANGUAGE,
      ns: [...namespaces],
      defaultNS: 'errors',
      // Keys are plain words and messages contain dots and colons.
      keySeparator: false,
      nsSeparator: ':',
      interpolation: { escapeValue: false },
      returnNull: false,
    })
    return new Translations(instance, languages)
  }

  /** A translate function bound to one locale (`th-TH`, `zh-SG`...). */
  forLocale(locale: string): Translate {
    const t = this.instance.getFixedT(locale)
    return (key, params) => String(t(key, params as any))
  }

  /** True when the locale resolves to its own language, not the English fallback. */
  covers(locale: string): boolean {
    const language = new Intl.Locale(locale)
    return this.languages.some(
      (available) => available === locale || available === language.language
    )
  }
}

/**
 * Picks the response locale: the first of `offered` that the client's
 * Accept-Language prefers (exact tag first, then same language), else the
 * first offered one (the market default).
 */
export function negotiateLocale(acceptLanguage: string | undefined, offered: string[]): string {
  const fallback = offered[0] ?? FALLBACK_LANGUAGE
  if (!acceptLanguage) return fallback

  const preferences = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      const quality = q ? Number(q.slice(2)) : 1
      return { tag: tag.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index }
    })
    .filter((preference) => preference.tag && preference.tag !== '*' && preference.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)

  for (const { tag } of preferences) {
    const exact = offered.find((locale) => locale.toLowerCase() === tag)
    if (exact) return exact
    const language = tag.split('-')[0]
    const sameLanguage = offered.find((locale) => locale.toLowerCase().split('-')[0] === language)
    if (sameLanguage) return sameLanguage
  }
  return fallback
}

import type { MarketContext } from '#markets/market_context'
import type { NotificationKind, Phrase } from '#notifications/kinds'

/**
 * A value a message shows, kept raw until it is rendered for one
 * recipient: money in minor units (formatted for the market in the
 * recipient's language), an instant (shown in the market's timezone), a
 * translated phrase, or text shown as it is (numbers, names, ids).
 */
export type MessageParam = string | { money: number; currency: string } | { at: Date | string | null } | { phrase: Phrase }

export interface RenderedMessage {
  locale: string
  subject: string
  body: string
}

/** Subjects are stored and sent whole up to this length (a longer one is cut). */
const SUBJECT_MAX = 200

/**
 * The language of a message: the recipient's own when one is known and
 * the market offers it (accounts store none yet), else the market's default.
 */
export function recipientLocale(market: MarketContext, preferred?: string | null): string {
  return preferred && market.locales.includes(preferred) ? preferred : market.defaultLocale
}

const dateFormats = new Map<string, Intl.DateTimeFormat>()

/** An instant as the recipient reads it: their language, the market's clock (`12 Mei 2026 14.30` in Jakarta). */
export function formatInstant(market: MarketContext, locale: string, at: Date | string | null): string {
  if (at === null) return '—'
  const key = `${locale}|${market.timezone}`
  let format = dateFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: market.timezone })
    dateFormats.set(key, format)
  }
  return format.format(typeof at === 'string' ? new Date(at) : at)
}

/**
 * Renders one message for one recipient from `notifications.json` of
 * their language: `<kind>.subject`, and a text body of a greeting,
 * `<kind>.text` and the signature.
 */
export function renderMessage(market: MarketContext, locale: string, kind: NotificationKind, recipientName: string, params: Record<string, MessageParam>): RenderedMessage {
  const local = market.withLocale(locale)
  const values: Record<string, string> = {}
  for (const [name, param] of Object.entries(params)) {
    if (typeof param === 'string') values[name] = param
    else if ('money' in param) values[name] = local.moneyView(param.money, param.currency).formatted
    else if ('at' in param) values[name] = formatInstant(market, locale, param.at)
    else values[name] = local.t(`notifications:phrase.${param.phrase}`)
  }
  const subject = local.t(`notifications:${kind}.subject`, values)
  const body = [local.t('notifications:greeting', { name: recipientName }), local.t(`notifications:${kind}.text`, values), local.t('notifications:signature')].join('\n\n')
  return { locale, subject: subject.length > SUBJECT_MAX ? `${subject.slice(0, SUBJECT_MAX - 1)}…` : subject, body: `${body}\n` }
}

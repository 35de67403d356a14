import vine from '@vinejs/vine'
import { isIP } from 'node:net'
import type { FieldContext } from '@vinejs/vine/types'

/**
 * Validation rules shared by every domain's validators: one definition of
 * what an id, an email or a piece of text is.
 */

/** Crockford base32 ULID, as inside every public id. */
const ULID = '[0-9A-HJKMNP-TV-Z]{26}'
export const MARKET_PUBLIC_ID = new RegExp(`^[A-Z]{2}-${ULID}$`)
export const STAFF_PUBLIC_ID = new RegExp(`^STF-${ULID}$`)

/** A public id of a market's record (`SG-01J...`): products, SKUs, orders, flash sales. */
export const publicId = () => vine.string().trim().regex(MARKET_PUBLIC_ID)

/** A staff member's public id (`STF-01J...`). */
export const staffPublicId = () => vine.string().trim().regex(STAFF_PUBLIC_ID)

/** Ids of config entries: couriers, gateways (`ninja_van`). */
export const configId = () => vine.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/)

export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/

/** Lower-case slugs (`mens-tshirts`). */
export const slug = (max = 80) => vine.string().trim().regex(SLUG).maxLength(max)

/** Emails are trimmed and lower-cased before they are stored or compared. */
export const email = () => vine.string().trim().maxLength(254).email().toLowerCase()

/** An HTML tag, comment or doctype, or a character reference (`&lt;`, `&#60;`). */
const MARKUP = /<\s*[a-z!?/]|&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i

/**
 * Text stored as it will be shown: markup is refused, not stripped (a
 * stripped title would not be what the seller typed), so no storefront,
 * e-mail or console can render what a user wrote as HTML.
 */
const noMarkup = vine.createRule((value: unknown, _: undefined, field: FieldContext) => {
  if (typeof value === 'string' && MARKUP.test(value)) field.report('{{ field }} must be plain text, without HTML', 'plainText', field)
})

/** Printable plain text: no control characters (NUL, bidi overrides...), no markup. */
export const plainText = (min: number, max: number) =>
  vine
    .string()
    .trim()
    .minLength(min)
    .maxLength(max)
    .regex(/^[^\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]*$/u)
    .use(noMarkup())

/** Hosts no public URL has: the machine itself, private networks, reserved names. */
function isPublicHost(hostname: string) {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '')
  if (isIP(host)) return false // images live on named hosts (a CDN), never on an address
  if (!host.includes('.')) return false
  return !/(^|\.)(localhost|local|internal|intranet|lan|home|corp|test|invalid|example)$/.test(host)
}

const httpsPublicUrl = vine.createRule((value: unknown, _: undefined, field: FieldContext) => {
  if (typeof value !== 'string') return
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return
  }
  if (url.protocol !== 'https:' || url.username || url.password || !isPublicHost(url.hostname) || (url.port && url.port !== '443')) {
    field.report('{{ field }} must be an https URL on a public host', 'httpsPublicUrl', field)
  }
})

/** A link to a public image or page: https, on a named public host, no credentials, the standard port. */
export const publicUrl = (max = 500) => vine.string().trim().maxLength(max).url({ require_protocol: true, protocols: ['https'] }).use(httpsPublicUrl())

/** An opaque paging cursor. */
export const cursor = (max = 200) => vine.string().regex(new RegExp(`^[A-Za-z0-9_-]{1,${max}}$`))

/** An ISO 8601 date-time, with an offset or (then read in the market's timezone) without. */
export const isoDateTime = () =>
  vine.string().trim().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/)

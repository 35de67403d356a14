import vine from '@vinejs/vine'

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

/** Printable text: no control characters (NUL, bidi overrides...). */
export const plainText = (min: number, max: number) =>
  vine
    .string()
    .trim()
    .minLength(min)
    .maxLength(max)
    .regex(/^[^\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]*$/u)

/** An opaque paging cursor. */
export const cursor = (max = 200) => vine.string().regex(new RegExp(`^[A-Za-z0-9_-]{1,${max}}$`))

/** An ISO 8601 date-time, with an offset or (then read in the market's timezone) without. */
export const isoDateTime = () =>
  vine.string().trim().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/)

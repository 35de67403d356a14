import vine from '@vinejs/vine'

const skuId = () => vine.string().trim().regex(/^[A-Z]{2}-[0-9A-HJKMNP-TV-Z]{26}$/)
const id = () => vine.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/)

const checkoutFields = {
  lines: vine
    .array(vine.object({ sku: skuId(), quantity: vine.number().withoutDecimals().range([1, 999]) }))
    .minLength(1)
    .maxLength(1000)
    // One line per SKU: quantities go in the line, not in repeated lines.
    .distinct('sku')
    .optional(),
  courier: id().optional(),
  paymentGateway: id().optional(),
}

export const quoteValidator = vine.create(vine.object(checkoutFields))
export const placeOrderValidator = vine.create(vine.object(checkoutFields))

export const addCartLineValidator = vine.create(
  vine.object({ sku: skuId(), quantity: vine.number().withoutDecimals().range([1, 999]) })
)
export const updateCartLineValidator = vine.create(
  vine.object({ quantity: vine.number().withoutDecimals().range([1, 999]) })
)
export const cartLineParam = vine.create(vine.object({ id: vine.number().withoutDecimals().min(1) }))
export const orderNumberParam = vine.create(vine.object({ number: skuId() }))

/** Idempotency-Key: 1-255 printable ASCII characters (a UUID is typical). */
export const idempotencyKeyValidator = vine.create(
  vine.object({ 'idempotency-key': vine.string().regex(/^[\x21-\x7E]{1,255}$/) })
)

import vine from '@vinejs/vine'
import { publicId } from '#validation/rules'

/** Units of one SKU on one cart or order line, however they were added up. */
export const MAX_LINE_QUANTITY = 999

/** Units of one SKU on one line: a JSON number, never a string or a boolean. */
export const lineQuantity = () => vine.number({ strict: true }).withoutDecimals().range([1, MAX_LINE_QUANTITY])

export const addCartLineValidator = vine.create(vine.object({ sku: publicId(), quantity: lineQuantity() }))
const lineParams = vine.object({ id: vine.number().withoutDecimals().min(1) })
/** The line in the path and the body, validated together so that every bad field is named at once. */
export const updateCartLineValidator = vine.create(vine.object({ params: lineParams, quantity: lineQuantity() }))
export const cartLineParam = vine.create(vine.object({ params: lineParams }))

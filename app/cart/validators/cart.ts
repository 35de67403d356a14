import vine from '@vinejs/vine'
import { publicId } from '#validation/rules'

/** Units of one SKU on one line. */
export const lineQuantity = () => vine.number().withoutDecimals().range([1, 999])

export const addCartLineValidator = vine.create(vine.object({ sku: publicId(), quantity: lineQuantity() }))
const lineParams = vine.object({ id: vine.number().withoutDecimals().min(1) })
/** The line in the path and the body, validated together so that every bad field is named at once. */
export const updateCartLineValidator = vine.create(vine.object({ params: lineParams, quantity: lineQuantity() }))
export const cartLineParam = vine.create(vine.object({ params: lineParams }))

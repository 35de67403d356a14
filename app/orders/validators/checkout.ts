import vine from '@vinejs/vine'
import { configId, publicId } from '#validation/rules'
import { lineQuantity } from '#cart/validators/cart'

const checkoutFields = {
  lines: vine
    .array(vine.object({ sku: publicId(), quantity: lineQuantity() }))
    .minLength(1)
    .maxLength(1000)
    // One line per SKU: quantities go in the line, not in repeated lines.
    .distinct('sku')
    .optional(),
  courier: configId().optional(),
  // At most one shop voucher per shop and one platform voucher: a few codes.
  vouchers: vine.array(vine.string().trim().regex(/^[A-Za-z0-9]{3,24}$/)).maxLength(10).distinct().optional(),
  paymentGateway: configId().optional(),
}

export const quoteValidator = vine.create(vine.object(checkoutFields))
export const placeOrderValidator = vine.create(vine.object(checkoutFields))
export const orderNumberParam = vine.create(vine.object({ number: publicId() }))


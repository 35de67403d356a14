import vine from '@vinejs/vine'
import { configId, publicId } from '#validation/rules'

export const startPaymentValidator = vine.create(
  vine.object({
    params: vine.object({ id: publicId() }),
    gateway: configId().optional(),
  })
)

export const checkoutParam = vine.create(vine.object({ params: vine.object({ id: publicId() }) }))
export const paymentParam = vine.create(vine.object({ paymentId: publicId() }))

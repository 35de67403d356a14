import vine from '@vinejs/vine'
import { isoDateTime, publicId } from '#validation/rules'

export const scheduleFlashSaleValidator = vine.create(
  vine.object({
    sku: publicId(),
    startsAt: isoDateTime(),
    endsAt: isoDateTime(),
    price: vine.object({ amount: vine.number({ strict: true }).withoutDecimals().min(1), currency: vine.string().fixedLength(3) }),
    stock: vine.number({ strict: true }).withoutDecimals().range([1, 1_000_000]),
    perBuyerLimit: vine.number({ strict: true }).withoutDecimals().range([1, 100]),
  })
)

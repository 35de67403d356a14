import vine from '@vinejs/vine'
import { configId, plainText, publicId, publicUrl } from '#validation/rules'
import { lineQuantity } from '#cart/validators/cart'

const openFields = {
  /** Omitted: every unit not returned before. */
  lines: vine
    .array(vine.object({ sku: publicId(), quantity: lineQuantity() }))
    .minLength(1)
    .maxLength(1000)
    .distinct('sku')
    .optional(),
  reason: configId(),
  description: plainText(10, 2000),
  photos: vine.array(publicUrl()).maxLength(8).optional(),
}

export const openReturnValidator = vine.create(vine.object(openFields))

/** Support opens a case for a buyer (a call, a chat): the same fields and the order it is about. */
export const supportOpenReturnValidator = vine.create(vine.object({ ...openFields, order: publicId() }))

export const returnIdParam = vine.create(vine.object({ id: publicId() }))

export const respondValidator = vine.create(
  vine.object({
    action: vine.enum(['accept', 'dispute'] as const),
    // Why the seller disputes: what support reads first.
    note: plainText(10, 500).optional().requiredWhen('action', '=', 'dispute'),
  })
)

export const decideValidator = vine.create(
  vine.object({
    decision: vine.enum(['refund_full', 'refund_partial', 'rejected'] as const),
    amount: vine.number({ strict: true }).withoutDecimals().min(1).max(Number.MAX_SAFE_INTEGER).optional().requiredWhen('decision', '=', 'refund_partial'),
    reason: plainText(5, 500),
  })
)

export const returnListQuery = vine.create(
  vine.object({
    status: vine.enum(['requested', 'accepted', 'disputed', 'awaiting_return', 'refunded', 'rejected'] as const).optional(),
    limit: vine.number().withoutDecimals().range([1, 100]).optional(),
    cursor: vine.string().regex(/^[A-Za-z0-9_-]{1,100}$/).optional(),
  })
)

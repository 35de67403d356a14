import vine from '@vinejs/vine'
import { isoDateTime } from '#validation/rules'

export const payoutValidator = vine.create(
  vine.object({
    amount: vine.number({ strict: true }).withoutDecimals().min(1).max(Number.MAX_SAFE_INTEGER),
  })
)

export const trialBalanceQuery = vine.create(vine.object({ at: isoDateTime().optional() }))

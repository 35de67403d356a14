import vine from '@vinejs/vine'
import { cursor } from '#validation/rules'

const reason = () => vine.string().trim().minLength(5).maxLength(1000)
const revision = () => vine.number({ strict: true }).withoutDecimals().min(0).max(1_000_000_000)

/**
 * A change of a market's run-time config: the fields to change (checked
 * against what ops may change and then, on the effective config, by the
 * market file schema), why, and the revision the author read.
 */
export const configChangeValidator = vine.create(
  vine.object({
    changes: vine.record(vine.any()),
    reason: reason(),
    expectedRevision: revision(),
  })
)

export const configRollbackValidator = vine.create(
  vine.object({
    reason: reason(),
    expectedRevision: revision(),
  })
)

/** An approval, with what the approver checked (optional, kept in the audit log). */
export const configApprovalValidator = vine.create(
  vine.object({
    note: vine.string().trim().maxLength(1000).optional(),
  })
)

export const revisionsQueryValidator = vine.create(
  vine.object({
    limit: vine.number().withoutDecimals().range([1, 100]).optional(),
    cursor: cursor(100).optional(),
    status: vine.enum(['applied', 'pending', 'superseded'] as const).optional(),
  })
)

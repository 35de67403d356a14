import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { AuditQuery } from '#audit/services/audit_query'

const auditQueryValidator = vine.create(
  vine.object({
    limit: vine.number().withoutDecimals().range([1, 100]).optional(),
    cursor: vine.string().regex(/^[A-Za-z0-9_-]{1,24}$/).optional(),
    action: vine.string().regex(/^[a-z_.]{1,60}$/).optional(),
  })
)

export default class AuditLogController {
  async index({ request }: HttpContext) {
    const input = await auditQueryValidator.validate(request.qs())
    const page = await new AuditQuery().page({ limit: input.limit ?? 50, cursor: input.cursor, action: input.action })
    return { data: page.entries, meta: { nextCursor: page.nextCursor } }
  }
}

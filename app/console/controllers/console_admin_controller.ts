import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { DateTime } from 'luxon'
import markets from '#markets/services/main'
import { StaffAdminService } from '#identity/services/staff_admin_service'
import { createStaffValidator, grantRoleValidator, staffParams } from '#identity/validators/staff'
import { staffResource } from '#identity/transformers/identity_resources'
import { STAFF_ROLES } from '#identity/models/staff_role'
import { AuditQuery } from '#audit/services/audit_query'
import { originOf } from '#audit/services/audit_log'
import { formOf, refusal } from '#console/forms'
import { fieldError } from '#exceptions/field_error'

const auditFilters = vine.create(
  vine.object({
    action: vine.string().trim().regex(/^[a-z_.]{1,60}$/).optional(),
    actor: vine.string().trim().email().optional(),
    market: vine.string().trim().toUpperCase().regex(/^[A-Z]{2}$/).optional(),
    from: vine.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    to: vine.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    cursor: vine.string().regex(/^[A-Za-z0-9_-]{1,24}$/).optional(),
  })
)
/** The grant form: markets and regions typed comma-separated. */
const list = (value: unknown) => (typeof value === 'string' && value.trim() ? value.split(',').map((part) => part.trim()).filter(Boolean) : undefined)

/**
 * Admin pages: staff and their scoped roles (an admin grants only within
 * their own scope, as through the API), resetting a lost second factor, and
 * the audit log with filters. The same service as the admin API; every
 * change is audited by it.
 */
export default class ConsoleAdminController {
  #service = new StaffAdminService(markets)

  async staff(ctx: HttpContext) {
    return this.render(ctx, { values: {}, errors: {}, message: null, form: null })
  }

  async create(ctx: HttpContext) {
    const form = formOf(ctx)
    try {
      const input = await createStaffValidator.validate(form)
      const staff = await this.#service.create({ type: 'staff', staff: ctx.staff }, input, originOf(ctx))
      ctx.session.flash('notice', { kind: 'success', message: ctx.t('console:staff.created', { email: staff.email }) })
      return ctx.response.redirect().toPath('/console/admin/staff')
    } catch (error) {
      return this.refused(ctx, error, form, 'create')
    }
  }

  async grant(ctx: HttpContext) {
    const { id } = await staffParams.validate(ctx.params)
    const form = formOf(ctx)
    try {
      const input = await grantRoleValidator.validate({ role: form.role, markets: list(form.markets), regions: list(form.regions) })
      await this.#service.grant({ type: 'staff', staff: ctx.staff }, id, input, originOf(ctx))
      ctx.session.flash('notice', { kind: 'success', message: ctx.t('console:staff.granted', { role: input.role }) })
      return ctx.response.redirect().toPath('/console/admin/staff')
    } catch (error) {
      return this.refused(ctx, error, form, `grant-${id}`)
    }
  }

  async revoke(ctx: HttpContext) {
    const { id, assignment } = await staffParams.validate(ctx.params)
    await this.#service.revoke({ type: 'staff', staff: ctx.staff }, id, assignment!, originOf(ctx))
    ctx.session.flash('notice', { kind: 'success', message: ctx.t('console:staff.revoked') })
    return ctx.response.redirect().toPath('/console/admin/staff')
  }

  async resetSecondFactor(ctx: HttpContext) {
    const { id } = await staffParams.validate(ctx.params)
    await this.#service.resetSecondFactor({ type: 'staff', staff: ctx.staff }, id, originOf(ctx))
    ctx.session.flash('notice', { kind: 'success', message: ctx.t('console:staff.reset') })
    return ctx.response.redirect().toPath('/console/admin/staff')
  }

  async audit(ctx: HttpContext) {
    const filters = await auditFilters.validate(ctx.request.qs())
    for (const name of ['from', 'to'] as const) {
      if (filters[name] && !DateTime.fromISO(filters[name]!, { zone: 'utc' }).isValid) throw fieldError(name, 'date', `${name} must be a date (YYYY-MM-DD)`)
    }
    const day = (value: string | undefined, plus = 0) => (value ? DateTime.fromISO(value, { zone: 'utc' }).plus({ days: plus }).toJSDate() : undefined)
    const page = await new AuditQuery().page({ limit: 50, cursor: filters.cursor, action: filters.action, actor: filters.actor, market: filters.market, from: day(filters.from), to: day(filters.to, 1) })
    const next = page.nextCursor ? `?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filters).filter(([key, value]) => key !== 'cursor' && value)), cursor: page.nextCursor })}` : null
    return ctx.view.render('console/admin/audit', { filters, entries: page.entries.map((entry) => ({ ...entry, details: JSON.stringify(entry.details ?? {}) })), next })
  }

  private async refused(ctx: HttpContext, error: unknown, form: Record<string, unknown>, which: string) {
    const { message, fields } = refusal(ctx, error)
    ctx.response.status(422)
    return this.render(ctx, { values: form, errors: fields, message, form: which })
  }

  private async render(ctx: HttpContext, state: { values: Record<string, unknown>; errors: Record<string, string>; message: string | null; form: string | null }) {
    const staff = await this.#service.list()
    return ctx.view.render('console/admin/staff', { members: staff.map(staffResource), roles: STAFF_ROLES, ...state })
  }
}

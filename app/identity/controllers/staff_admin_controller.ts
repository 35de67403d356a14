import type { HttpContext } from '@adonisjs/core/http'
import markets from '#markets/services/main'
import { StaffAdminService } from '#identity/services/staff_admin_service'
import { createStaffValidator, grantRoleValidator, staffParams } from '#identity/validators/staff'
import { staffResource } from '#identity/transformers/identity_resources'
import { originOf } from '#audit/services/audit_log'
import { emptyBodyValidator } from '#http/empty_body'

export default class StaffAdminController {
  private service = new StaffAdminService(markets)

  async index() {
    const staff = await this.service.list()
    return { data: staff.map(staffResource) }
  }

  async store(ctx: HttpContext) {
    const admin = ctx.auth.use('staff').getUserOrFail()
    const input = await ctx.request.validateUsing(createStaffValidator)
    const staff = await this.service.create({ type: 'staff', staff: admin }, input, originOf(ctx))
    return ctx.response.created({ data: staffResource(staff) })
  }

  async grant(ctx: HttpContext) {
    const admin = ctx.auth.use('staff').getUserOrFail()
    const { id } = await staffParams.validate(ctx.params)
    const input = await ctx.request.validateUsing(grantRoleValidator)
    const role = await this.service.grant({ type: 'staff', staff: admin }, id, input, originOf(ctx))
    return ctx.response.created({ data: { id: role.id, role: role.role, markets: role.markets, regions: role.regions } })
  }

  async revoke(ctx: HttpContext) {
    await ctx.request.validateUsing(emptyBodyValidator)
    const admin = ctx.auth.use('staff').getUserOrFail()
    const { id, assignment } = await staffParams.validate(ctx.params)
    await this.service.revoke({ type: 'staff', staff: admin }, id, assignment!, originOf(ctx))
    return ctx.response.noContent()
  }

  /** A colleague lost their phone and their recovery codes: their second factor is cleared (never one's own). */
  async resetSecondFactor(ctx: HttpContext) {
    await ctx.request.validateUsing(emptyBodyValidator)
    const admin = ctx.auth.use('staff').getUserOrFail()
    const { id } = await staffParams.validate(ctx.params)
    await this.service.resetSecondFactor({ type: 'staff', staff: admin }, id, originOf(ctx))
    return ctx.response.noContent()
  }
}

import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { StaffAuthService, type StaffLoginResult } from '#identity/services/staff_auth_service'
import { staffLoginValidator, totpCodeValidator } from '#identity/validators/staff'
import { staffResource } from '#identity/transformers/identity_resources'
import { originOf } from '#audit/services/audit_log'
import { emptyBodyValidator } from '#http/empty_body'

function present(result: StaffLoginResult) {
  if (result.status === 'signed_in') {
    return {
      status: result.status,
      staff: staffResource(result.staff),
      token: { type: 'bearer', value: result.token, expiresAt: result.expiresAt?.toISOString() ?? null },
      ...(result.recoveryCodes && { recoveryCodes: result.recoveryCodes }),
    }
  }
  return {
    status: result.status,
    challengeToken: {
      type: 'bearer',
      value: result.challengeToken,
      expiresAt: result.expiresAt?.toISOString() ?? null,
    },
  }
}

@inject()
export default class StaffSessionController {
  constructor(private staffAuth: StaffAuthService) {}

  async login(ctx: HttpContext) {
    const { email, password } = await ctx.request.validateUsing(staffLoginValidator)
    return { data: present(await this.staffAuth.login(email, password, originOf(ctx))) }
  }

  async enroll({ auth, request }: HttpContext) {
    await request.validateUsing(emptyBodyValidator)
    const staff = auth.use('staff').getUserOrFail()
    return { data: await this.staffAuth.enroll(staff) }
  }

  async verify(ctx: HttpContext) {
    const staff = ctx.auth.use('staff').getUserOrFail()
    const { code, recoveryCode } = await ctx.request.validateUsing(totpCodeValidator)
    const result = code ? await this.staffAuth.verify(staff, code, originOf(ctx)) : await this.staffAuth.verifyRecoveryCode(staff, recoveryCode!, originOf(ctx))
    return { data: present(result) }
  }

  /** A new set of recovery codes, shown once; the old ones stop working. */
  async regenerateRecoveryCodes(ctx: HttpContext) {
    await ctx.request.validateUsing(emptyBodyValidator)
    const codes = await this.staffAuth.regenerateRecoveryCodes(ctx.auth.use('staff').getUserOrFail(), originOf(ctx))
    return ctx.response.created({ data: { recoveryCodes: codes } })
  }

  async logout(ctx: HttpContext) {
    await ctx.request.validateUsing(emptyBodyValidator)
    await this.staffAuth.logout(ctx.auth.use('staff').getUserOrFail(), originOf(ctx))
    return ctx.response.noContent()
  }

  async me({ auth }: HttpContext) {
    return { data: staffResource(auth.use('staff').getUserOrFail()) }
  }
}

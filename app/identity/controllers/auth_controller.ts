import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { AccountService } from '#identity/services/account_service'
import { forgotPasswordValidator, loginValidator, registerValidator, resetPasswordValidator, verifyEmailValidator } from '#identity/validators/account'
import { AccountRecovery } from '#identity/services/account_recovery'
import { originOf } from '#audit/services/audit_log'
import { accountResource, tokenResource } from '#identity/transformers/identity_resources'
import { emptyBodyValidator } from '#http/empty_body'

@inject()
export default class AuthController {
  constructor(private accounts: AccountService) {}

  #recovery = new AccountRecovery()

  /** Always 202, found or not, in the same time. */
  async forgotPassword({ request, response, market }: HttpContext) {
    const { email } = await request.validateUsing(forgotPasswordValidator)
    await this.#recovery.forgot(market, email, request.ip())
    return response.accepted({ data: { status: 'sent_if_registered' } })
  }

  async resetPassword(ctx: HttpContext) {
    const { token, password } = await ctx.request.validateUsing(resetPasswordValidator)
    await this.#recovery.reset(ctx.market, token, password, originOf(ctx))
    return ctx.response.noContent()
  }

  async verifyEmail({ request, market }: HttpContext) {
    const { token } = await request.validateUsing(verifyEmailValidator)
    const account = await this.#recovery.verify(market, token)
    return { data: { verified: true, account: account.publicId } }
  }

  /** Signed in, not yet verified: the link again (rate-limited). */
  async resendVerification({ auth, request, response, market }: HttpContext) {
    await request.validateUsing(emptyBodyValidator)
    const sent = await this.#recovery.resendVerification(market, auth.use('storefront').getUserOrFail(), request.ip())
    return response.status(sent ? 202 : 200).json({ data: { status: sent ? 'sent' : 'already_verified' } })
  }

  async register({ request, response, market }: HttpContext) {
    const input = await request.validateUsing(registerValidator)
    const { account, shop, token } = await this.accounts.register(market, input, request.ip())
    return response.created({ data: { account: accountResource(account, shop), token: tokenResource(token) } })
  }

  async login({ request, market }: HttpContext) {
    const { email, password } = await request.validateUsing(loginValidator)
    const { account, token } = await this.accounts.login(market, email, password, request.ip())
    const shop = account.role === 'seller' ? await this.accounts.findShop(market, account) : null
    return { data: { account: accountResource(account, shop), token: tokenResource(token) } }
  }

  async logout({ auth, market, request, response }: HttpContext) {
    await request.validateUsing(emptyBodyValidator)
    await this.accounts.logout(market, auth.use('storefront').getUserOrFail())
    return response.noContent()
  }
}

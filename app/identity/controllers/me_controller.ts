import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { AccountService } from '#identity/services/account_service'
import { changePasswordValidator } from '#identity/validators/account'
import { accountResource } from '#identity/transformers/identity_resources'
import { originOf } from '#audit/services/audit_log'

@inject()
export default class MeController {
  constructor(private accounts: AccountService) {}

  async show({ auth, market }: HttpContext) {
    const account = auth.use('storefront').getUserOrFail()
    const shop = account.role === 'seller' ? await this.accounts.findShop(market, account) : null
    return { data: accountResource(account, shop) }
  }

  async updatePassword(ctx: HttpContext) {
    const account = ctx.auth.use('storefront').getUserOrFail()
    const { currentPassword, password } = await ctx.request.validateUsing(changePasswordValidator)
    await this.accounts.changePassword(ctx.market, account, currentPassword, password, originOf(ctx))
    return ctx.response.noContent()
  }
}

import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { AccountService } from '#identity/services/account_service'
import { loginValidator, registerValidator } from '#identity/validators/account'
import { accountResource, tokenResource } from '#identity/transformers/identity_resources'
import { emptyBodyValidator } from '#http/empty_body'

@inject()
export default class AuthController {
  constructor(private accounts: AccountService) {}

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

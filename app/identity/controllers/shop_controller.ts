import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { Bouncer } from '@adonisjs/bouncer'
import { AccountService } from '#identity/services/account_service'
import { updateShopValidator } from '#identity/validators/account'
import { shopResource } from '#identity/transformers/identity_resources'
import ShopPolicy from '#identity/policies/shop_policy'
import { NotFoundError } from '#exceptions/not_found_error'
import { fieldError } from '#exceptions/field_error'

@inject()
export default class ShopController {
  constructor(private accounts: AccountService) {}

  private async ownShop(ctx: HttpContext) {
    const account = ctx.auth.use('storefront').getUserOrFail()
    const shop = await this.accounts.findShop(ctx.market, account)
    if (!shop) throw new NotFoundError('shop')
    await new Bouncer(account).with(ShopPolicy).authorize('manage', shop)
    return shop
  }

  async show(ctx: HttpContext) {
    return { data: shopResource(await this.ownShop(ctx)) }
  }

  async update(ctx: HttpContext) {
    const shop = await this.ownShop(ctx)
    const changes = await ctx.request.validateUsing(updateShopValidator)
    if (Object.values(changes).every((value) => value === undefined)) {
      throw fieldError('name', 'required', 'send at least one of name, slug, pickupAddress, taxId')
    }
    return { data: shopResource(await this.accounts.updateShop(ctx.market, shop, changes)) }
  }
}

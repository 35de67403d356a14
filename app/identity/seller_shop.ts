import type { HttpContext } from '@adonisjs/core/http'
import { AccountService } from '#identity/services/account_service'
import { DomainError } from '#exceptions/domain_error'

export class NoShopError extends DomainError {
  static status = 409
  static code = 'E_CONFLICT'
}

const accounts = new AccountService()

/** The signed-in seller of a seller route, with their shop (409 when they have none yet). */
export async function sellerShop(ctx: HttpContext) {
  const seller = ctx.auth.use('storefront').getUserOrFail()
  const shop = await accounts.findShop(ctx.market, seller)
  if (!shop) throw new NoShopError('This seller has no shop yet')
  return { seller, shop, actor: { type: 'seller' as const, id: seller.publicId } }
}

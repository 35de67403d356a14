import { BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type Account from '#identity/models/account'
import type Shop from '#identity/models/shop'

/** A seller sees and edits only their own shop, in their own market. */
export default class ShopPolicy extends BasePolicy {
  manage(account: Account, shop: Shop): AuthorizerResponse {
    return account.role === 'seller' && shop.userId === account.id && shop.marketCode === account.marketCode
  }
}

import { BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type Staff from '#identity/models/staff'
import type { StaffRoleName } from '#identity/models/staff_role'
import type { Market } from '#markets/market'
import { StaffScope } from '#identity/services/staff_scope'

/** Staff act only on the markets their roles are scoped to. */
export default class StaffMarketPolicy extends BasePolicy {
  act(staff: Staff, roles: readonly StaffRoleName[], market: Market): AuthorizerResponse {
    return new StaffScope(staff.roles).covers(roles, market)
  }

  actEverywhere(staff: Staff, roles: readonly StaffRoleName[]): AuthorizerResponse {
    return new StaffScope(staff.roles).isGlobal(roles)
  }
}

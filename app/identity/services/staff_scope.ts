import type StaffRole from '#identity/models/staff_role'
import type { StaffRoleName } from '#identity/models/staff_role'
import type { Market } from '#markets/market'

/**
 * What a staff member may act on: the union of their role assignments, each
 * scoped to market codes (`*` for all) and/or regions.
 */
export class StaffScope {
  constructor(private assignments: Pick<StaffRole, 'role' | 'markets' | 'regions'>[]) {}

  roles(): StaffRoleName[] {
    return [...new Set(this.assignments.map((assignment) => assignment.role))]
  }

  hasAnyRole(roles: readonly StaffRoleName[]): boolean {
    return this.assignments.some((assignment) => roles.includes(assignment.role))
  }

  /** One of `roles` over every market. */
  isGlobal(roles: readonly StaffRoleName[]): boolean {
    return this.assignments.some((assignment) => roles.includes(assignment.role) && assignment.markets.includes('*'))
  }

  /** One of `roles` over this market, directly or through its region. */
  covers(roles: readonly StaffRoleName[], market: Pick<Market, 'code' | 'region'>): boolean {
    return this.assignments.some(
      (assignment) =>
        roles.includes(assignment.role) &&
        (assignment.markets.includes('*') ||
          assignment.markets.includes(market.code) ||
          assignment.regions.includes(market.region))
    )
  }
}

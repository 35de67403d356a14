import type { StaffRoleName } from '#identity/models/staff_role'

/**
 * Who may open each console page, by route name, as the API's access matrix
 * does for its routes. `market`: where the page's market comes from (a
 * market code, an order number or an export id of the path: `SG-01J...` is
 * SG's); the staff member's roles must cover that market. `global`: the
 * roles must cover every market. A console route missing here is refused.
 */
export interface ConsoleRule {
  roles: readonly StaffRoleName[]
  market?: { param: string; kind: 'code' | 'public_id' }
  global?: boolean
}

const ANY_STAFF = ['admin', 'ops', 'finance', 'support'] as const
const OPS = ['admin', 'ops'] as const
const FINANCE = ['admin', 'finance'] as const
const SUPPORT = ['admin', 'support'] as const
const byCode = { param: 'code', kind: 'code' } as const
const byId = (param: string) => ({ param, kind: 'public_id' }) as const

export const CONSOLE_ACCESS: Record<string, ConsoleRule> = {
  'console.home': { roles: ANY_STAFF },
  'console.sign_out': { roles: ANY_STAFF },
  'console.recovery_codes': { roles: ANY_STAFF },
  'console.market': { roles: ANY_STAFF, market: byCode },
  'console.config.show': { roles: OPS, market: byCode },
  'console.config.update': { roles: OPS, market: byCode },
  'console.revisions.index': { roles: OPS, market: byCode },
  'console.revisions.diff': { roles: OPS, market: byCode },
  'console.revisions.approve': { roles: OPS, market: byCode },
  'console.revisions.rollback': { roles: OPS, market: byCode },
  'console.flash_sales.index': { roles: OPS, market: byCode },
  'console.flash_sales.store': { roles: OPS, market: byCode },
  'console.tax_report.show': { roles: FINANCE, market: byCode },
  'console.tax_report.download': { roles: FINANCE, market: byCode },
  'console.exports.store': { roles: FINANCE, market: byCode },
  'console.exports.show': { roles: FINANCE, market: byId('id') },
  'console.exports.progress': { roles: FINANCE, market: byId('id') },
  'console.exports.download': { roles: FINANCE, market: byId('id') },
  'console.periods.index': { roles: FINANCE, market: byCode },
  'console.periods.close': { roles: FINANCE, market: byCode },
  'console.orders.find': { roles: SUPPORT },
  'console.orders.show': { roles: SUPPORT, market: byId('number') },
  'console.returns.index': { roles: SUPPORT, market: byCode },
  'console.returns.show': { roles: SUPPORT, market: byCode },
  'console.returns.decide': { roles: SUPPORT, market: byCode },
  'console.staff.index': { roles: ['admin'] },
  'console.staff.store': { roles: ['admin'] },
  'console.staff.grant': { roles: ['admin'] },
  'console.staff.revoke': { roles: ['admin'] },
  'console.staff.reset_totp': { roles: ['admin'] },
  'console.audit.index': { roles: ['admin'], global: true },
}

/** Console routes before sign-in: the sign-in steps, the language picker, the scripts. */
export const CONSOLE_PUBLIC = ['console.sign_in.show', 'console.sign_in.store', 'console.second_factor.show', 'console.second_factor.store', 'console.language', 'console.assets.htmx', 'console.assets.file'] as const

/** The console pages of a role, for the menu of a market. */
export const SECTIONS = [
  { key: 'config', path: 'config', roles: OPS },
  { key: 'revisions', path: 'revisions', roles: OPS },
  { key: 'flash_sales', path: 'flash-sales', roles: OPS },
  { key: 'tax_report', path: 'tax-report', roles: FINANCE },
  { key: 'periods', path: 'periods', roles: FINANCE },
  { key: 'returns', path: 'returns', roles: SUPPORT },
] as const

import type { StaffRoleName } from '#identity/models/staff_role'
import type { AccountRole } from '#identity/models/account'

/** Abilities written into tokens. */
export const STOREFRONT_ABILITY = 'storefront'
export const STAFF_ABILITY = 'staff'
/** Between password and second factor: only the TOTP routes accept it. */
export const STAFF_CHALLENGE_ABILITY = 'staff:challenge'

interface StorefrontRule {
  audience: 'storefront'
  roles: readonly AccountRole[]
}

interface StaffRule {
  audience: 'staff'
  roles: readonly StaffRoleName[]
  /** Route parameter holding the market code the caller must be scoped to. */
  marketParam?: string
  /** Route parameter holding a market record's public id (`SG-01J...`): its prefix is the market the caller must be scoped to. */
  marketOfId?: string
  /** The caller must hold one of `roles` over every market (`*`). */
  global?: boolean
  /** Accepts the challenge token issued between password and TOTP. */
  challenge?: boolean
}

export type AccessRule = StorefrontRule | StaffRule

const ANY_STAFF = ['admin', 'ops', 'finance', 'support'] as const
const ANY_ACCOUNT = ['buyer', 'seller'] as const

/**
 * Who may call each protected route: written once, enforced by the
 * `authorize` middleware (looked up by route name) and tested by iterating
 * this table. A route that is neither here nor in PUBLIC_ROUTES is refused.
 */
export const ACCESS_MATRIX = {
  'auth.logout': { audience: 'storefront', roles: ANY_ACCOUNT },
  'me.show': { audience: 'storefront', roles: ANY_ACCOUNT },
  'me.password': { audience: 'storefront', roles: ANY_ACCOUNT },
  'me.email_verification': { audience: 'storefront', roles: ANY_ACCOUNT },
  'me.notifications.index': { audience: 'storefront', roles: ANY_ACCOUNT },
  'seller.shop.show': { audience: 'storefront', roles: ['seller'] },
  'seller.shop.update': { audience: 'storefront', roles: ['seller'] },
  'seller.products.index': { audience: 'storefront', roles: ['seller'] },
  'seller.products.store': { audience: 'storefront', roles: ['seller'] },
  'seller.products.show': { audience: 'storefront', roles: ['seller'] },
  'seller.products.update': { audience: 'storefront', roles: ['seller'] },
  'seller.products.destroy': { audience: 'storefront', roles: ['seller'] },
  'seller.skus.stock_adjustments.store': { audience: 'storefront', roles: ['seller'] },
  'cart.show': { audience: 'storefront', roles: ['buyer'] },
  'cart.lines.store': { audience: 'storefront', roles: ['buyer'] },
  'cart.lines.update': { audience: 'storefront', roles: ['buyer'] },
  'cart.lines.destroy': { audience: 'storefront', roles: ['buyer'] },
  'checkout.quote': { audience: 'storefront', roles: ['buyer'] },
  'orders.store': { audience: 'storefront', roles: ['buyer'] },
  'orders.index': { audience: 'storefront', roles: ['buyer'] },
  'orders.show': { audience: 'storefront', roles: ['buyer'] },
  'orders.cancel': { audience: 'storefront', roles: ['buyer'] },
  'checkouts.show': { audience: 'storefront', roles: ['buyer'] },
  'checkouts.payments.store': { audience: 'storefront', roles: ['buyer'] },
  'orders.tracking': { audience: 'storefront', roles: ['buyer'] },
  'orders.confirm_receipt': { audience: 'storefront', roles: ['buyer'] },
  'orders.extend_guarantee': { audience: 'storefront', roles: ['buyer'] },
  'seller.orders.index': { audience: 'storefront', roles: ['seller'] },
  'seller.orders.show': { audience: 'storefront', roles: ['seller'] },
  'seller.orders.ship': { audience: 'storefront', roles: ['seller'] },
  'seller.wallet.show': { audience: 'storefront', roles: ['seller'] },
  'seller.wallet.entries': { audience: 'storefront', roles: ['seller'] },
  'seller.payouts.index': { audience: 'storefront', roles: ['seller'] },
  'seller.payouts.store': { audience: 'storefront', roles: ['seller'] },
  'seller.orders.cancel': { audience: 'storefront', roles: ['seller'] },
  'seller.vouchers.index': { audience: 'storefront', roles: ['seller'] },
  'seller.vouchers.store': { audience: 'storefront', roles: ['seller'] },
  'returns.store': { audience: 'storefront', roles: ['buyer'] },
  'returns.show': { audience: 'storefront', roles: ['buyer'] },
  'seller.returns.index': { audience: 'storefront', roles: ['seller'] },
  'seller.returns.show': { audience: 'storefront', roles: ['seller'] },
  'seller.returns.respond': { audience: 'storefront', roles: ['seller'] },

  'staff.totp.enroll': { audience: 'staff', roles: ANY_STAFF, challenge: true },
  'staff.totp.verify': { audience: 'staff', roles: ANY_STAFF, challenge: true },
  'staff.logout': { audience: 'staff', roles: ANY_STAFF },
  'staff.me': { audience: 'staff', roles: ANY_STAFF },
  'admin.staff.index': { audience: 'staff', roles: ['admin'] },
  'admin.staff.store': { audience: 'staff', roles: ['admin'] },
  'admin.staff.roles.store': { audience: 'staff', roles: ['admin'] },
  'admin.staff.roles.destroy': { audience: 'staff', roles: ['admin'] },
  'admin.staff.totp.reset': { audience: 'staff', roles: ['admin'] },
  'staff.totp.recovery_codes': { audience: 'staff', roles: ANY_STAFF },
  'admin.audit_log.index': { audience: 'staff', roles: ['admin'], global: true },
  'ops.markets.config.show': { audience: 'staff', roles: ['admin', 'ops', 'finance', 'support'], marketParam: 'code' },
  'ops.markets.config.update': { audience: 'staff', roles: ['admin', 'ops'], marketParam: 'code' },
  'ops.markets.config.revisions.index': { audience: 'staff', roles: ['admin', 'ops', 'finance', 'support'], marketParam: 'code' },
  'ops.markets.config.revisions.show': { audience: 'staff', roles: ['admin', 'ops', 'finance', 'support'], marketParam: 'code' },
  'ops.markets.config.revisions.diff': { audience: 'staff', roles: ['admin', 'ops', 'finance', 'support'], marketParam: 'code' },
  'ops.markets.config.revisions.approve': { audience: 'staff', roles: ['admin', 'ops'], marketParam: 'code' },
  'ops.markets.config.rollback': { audience: 'staff', roles: ['admin', 'ops'], marketParam: 'code' },
  'ops.products.ban': { audience: 'staff', roles: ['admin', 'ops', 'support'], marketParam: 'code' },
  'ops.products.unban': { audience: 'staff', roles: ['admin', 'ops'], marketParam: 'code' },
  'ops.flash_sales.index': { audience: 'staff', roles: ['admin', 'ops'], marketParam: 'code' },
  'ops.flash_sales.store': { audience: 'staff', roles: ['admin', 'ops'], marketParam: 'code' },
  'finance.tax_report.show': { audience: 'staff', roles: ['admin', 'finance'], marketParam: 'code' },
  'finance.exports.store': { audience: 'staff', roles: ['admin', 'finance'], marketParam: 'code' },
  'finance.exports.show': { audience: 'staff', roles: ['admin', 'finance'], marketOfId: 'id' },
  'finance.exports.download': { audience: 'staff', roles: ['admin', 'finance'], marketOfId: 'id' },
  'finance.periods.index': { audience: 'staff', roles: ['admin', 'finance'], marketParam: 'code' },
  'finance.periods.close': { audience: 'staff', roles: ['admin', 'finance'], marketParam: 'code' },
  'finance.ledger.trial_balance': { audience: 'staff', roles: ['admin', 'finance'], marketParam: 'code' },
  'ops.vouchers.index': { audience: 'staff', roles: ['admin', 'ops'], marketParam: 'code' },
  'ops.vouchers.store': { audience: 'staff', roles: ['admin', 'ops'], marketParam: 'code' },
  'support.returns.index': { audience: 'staff', roles: ['admin', 'support'], marketParam: 'code' },
  'support.returns.store': { audience: 'staff', roles: ['admin', 'support'], marketParam: 'code' },
  'support.returns.show': { audience: 'staff', roles: ['admin', 'support'], marketParam: 'code' },
  'support.returns.decide': { audience: 'staff', roles: ['admin', 'support'], marketParam: 'code' },
} as const satisfies Record<string, AccessRule>

export type ProtectedRouteName = keyof typeof ACCESS_MATRIX

/** Routes anyone may call. */
export const PUBLIC_ROUTES = [
  'health',
  'health.ready',
  'health.live',
  'market.show',
  'categories.index',
  'products.index',
  'products.show',
  'search.index',
  'search.suggest',
  // The API's own description and its reference page.
  'openapi.show',
  'docs.show',
  'docs.asset',
  'staff.openapi.show',
  'auth.register',
  'auth.login',
  // Answered the same whether the account exists; the mailed token is the proof.
  'auth.password.forgot',
  'auth.password.reset',
  'auth.email.verify',
  'staff.login',
  // Signed by the gateway, verified before anything else.
  'payments.webhook',
  'couriers.webhook',
  // The sandbox gateway's hosted page (a stand-in for a provider's site).
  'sandbox.pay.show',
  'sandbox.pay.approve',
  'sandbox.pay.decline',
] as const

export function accessRuleOf(routeName: string | undefined): AccessRule | undefined {
  return routeName ? (ACCESS_MATRIX as Record<string, AccessRule>)[routeName] : undefined
}

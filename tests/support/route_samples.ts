import router from '@adonisjs/core/services/router'
import { ACCESS_MATRIX, type AccessRule } from '#identity/access_matrix'
import type { StaffRoleName } from '#identity/models/staff_role'
import { PASSWORD, STAFF_HOST, accountFactory, hostOf, staffFactory, staffWithSession, uniqueEmail, uniqueIp } from '#tests/support/identity'
import { signedLink } from '#finance/services/finance_exports'

/** Someone calling the API: a storefront account, a staff member, or nobody. */
export interface Caller {
  name: string
  token: string | null
  /** storefront: market and role; staff: roles and scope. */
  market?: string
  role?: string
  staffRoles?: StaffRoleName[]
  global?: boolean
  scopedTo?: string[]
}

export type SampleRequest = { method: string; path: string; host: string; body?: Record<string, unknown>; headers?: Record<string, string> }

/** Every /api/v1 route of the router. */
export function apiRoutes() {
  return Object.values(router.toJSON())
    .flat()
    .filter((route) => route.pattern.startsWith('/api/v1'))
}

export function send(client: any, request: SampleRequest, token: string | null) {
  let call = client[request.method.toLowerCase()](request.path).header('Host', request.host).header('X-Forwarded-For', uniqueIp())
  for (const [name, value] of Object.entries(request.headers ?? {})) call = call.header(name, value)
  if (token) call = call.bearerToken(token)
  if (request.body) call = call.json(request.body)
  return call
}

/** What the matrix says this caller gets on this rule: allowed, 401 or 403 (the fixture's records are SG's). */
export function expectedFor(rule: AccessRule, caller: Caller): 200 | 401 | 403 {
  if (!caller.token) return 401
  if (rule.audience === 'storefront') {
    if (!caller.market || caller.market !== 'SG') return 401
    return (rule.roles as readonly string[]).includes(caller.role!) ? 200 : 403
  }
  if (!caller.staffRoles) return 401
  if (rule.challenge) return 403
  if (!caller.staffRoles.some((role) => (rule.roles as readonly string[]).includes(role))) return 403
  if (rule.global && !caller.global) return 403
  if (rule.marketParam && !caller.global && !caller.scopedTo?.includes('SG')) return 403
  return 200
}

/**
 * Callers of every kind and SG records each protected route can act on:
 * a product and SKU of the SG seller, a cart line and an order of the SG
 * buyer, a staff member to change.
 */
export async function routeFixture(client: any) {
  const callers: Caller[] = [{ name: 'anonymous', token: null }]
  let sgSeller: Awaited<ReturnType<typeof accountFactory>> | undefined
  let sgBuyer: Awaited<ReturnType<typeof accountFactory>> | undefined
  for (const [market, role] of [['SG', 'buyer'], ['SG', 'seller'], ['MY', 'seller'], ['ID', 'seller']] as const) {
    const account = await accountFactory(market, role)
    if (market === 'SG' && role === 'seller') sgSeller = account
    if (market === 'SG' && role === 'buyer') sgBuyer = account
    callers.push({ name: `${role} of ${market}`, token: account.token, market, role })
  }
  const staffCallers: [string, { role: StaffRoleName; markets: string[] }[], boolean, string[]][] = [
    ['global admin', [{ role: 'admin', markets: ['*'] }], true, ['*']],
    ['SG admin', [{ role: 'admin', markets: ['SG'] }], false, ['SG']],
    ['SG ops', [{ role: 'ops', markets: ['SG'] }], false, ['SG']],
    ['ID ops', [{ role: 'ops', markets: ['ID'] }], false, ['ID']],
    ['SG finance', [{ role: 'finance', markets: ['SG'] }], false, ['SG']],
    ['SG support', [{ role: 'support', markets: ['SG'] }], false, ['SG']],
  ]
  for (const [name, grants, global, scopedTo] of staffCallers) {
    const session = await staffWithSession(client, grants)
    callers.push({ name, token: session.token, staffRoles: grants.map((grant) => grant.role), global, scopedTo })
  }
  const { categoryTree, productFactory } = await import('#tests/support/catalog')
  const { tshirts } = await categoryTree('SG')
  const { product, market } = await productFactory('SG', { category: tshirts.slug, prices: [1990], stock: 500, seller: sgSeller })
  const skuId = (await market.table('skus').where('product_id', product.id).first()).public_id as string
  const { CartService } = await import('#cart/services/cart_service')
  const cartLineId = await new CartService().add(market, sgBuyer!.account, skuId, 1)
  const { OrderPlacement } = await import('#orders/services/order_placement')
  const placed = await new OrderPlacement().place(market, sgBuyer!.account, { lines: [{ sku: skuId, quantity: 1 }] }, `fixture-${uniqueEmail()}`)
  const orderNumber = (placed.body as any).data.orders[0].number as string
  const checkoutId = (placed.body as any).data.checkoutId as string
  // A second order, paid and handed to the courier: what tracking reads.
  const second = await new OrderPlacement().place(market, sgBuyer!.account, { lines: [{ sku: skuId, quantity: 1 }] }, `fixture-${uniqueEmail()}`)
  const shippedOrderNumber = (second.body as any).data.orders[0].number as string
  const { OrderService } = await import('#orders/services/order_service')
  const { FulfilmentService } = await import('#orders/services/fulfilment_service')
  const { AccountService } = await import('#identity/services/account_service')
  await new OrderService().markPaid(market, shippedOrderNumber, { type: 'system', id: null }, 'fixture')
  const shop = (await new AccountService().findShop(market, sgSeller!.account))!
  const shipment = await new FulfilmentService().ship(market, shop, sgSeller!.account, shippedOrderNumber, null)
  // A third, delivered, with a return case open: what the return reads find.
  const third = await new OrderPlacement().place(market, sgBuyer!.account, { lines: [{ sku: skuId, quantity: 1 }] }, `fixture-${uniqueEmail()}`)
  const returnedOrderNumber = (third.body as any).data.orders[0].number as string
  await new OrderService().markPaid(market, returnedOrderNumber, { type: 'system', id: null }, 'fixture')
  await new FulfilmentService().ship(market, shop, sgSeller!.account, returnedOrderNumber, null)
  await new FulfilmentService().shipmentStatusChanged(market, returnedOrderNumber, 'delivered', new Date())
  const { ReturnService } = await import('#returns/services/return_service')
  const returnId = await new ReturnService().open(market, sgBuyer!.account, returnedOrderNumber, { reason: 'damaged', description: 'The fixture arrived broken.' })
  const target = await staffFactory([{ role: 'support', markets: ['SG'] }])
  await target.staff.load('roles')
  // A config revision of SG to read (a pending one: it changes nothing served).
  const { MarketConfigService } = await import('#ops/services/market_config_service')
  const { resetMarketConfig } = await import('#tests/support/markets')
  await resetMarketConfig()
  const configs = new MarketConfigService()
  const { revision: configHead } = await configs.effective('SG')
  const pendingRevision = await configs.propose(
    'SG',
    { id: target.staff.publicId, email: target.staff.email },
    { changes: { escrow: { commissionRate: 4.5 } }, reason: 'route fixture', expectedRevision: configHead },
    { ip: null, requestId: null }
  )
  // A finance export of SG, rendered as the worker would: its status and signed link to read.
  const { FinanceExports } = await import('#finance/services/finance_exports')
  const exports = new FinanceExports()
  const job = await exports.request(market, target.staff.publicId, { from: '2026-11-01', to: '2026-11-30', format: 'csv' })
  await exports.run(market, job.public_id)
  const ready = await exports.find(market, job.public_id)
  return {
    exportId: job.public_id as string,
    exportExpires: Math.floor(new Date(ready.expires_at).getTime() / 1000),
    configRevision: Number(pendingRevision.number),
    configHead,
    callers,
    category: tshirts.slug,
    productId: product.publicId,
    skuId,
    cartLineId,
    orderNumber,
    checkoutId,
    shippedOrderNumber,
    trackingNumber: shipment.trackingNumber,
    returnId,
    targetStaffId: target.staff.publicId,
    assignmentId: target.staff.roles[0].id,
    sgSeller: sgSeller!,
    sgBuyer: sgBuyer!,
  }
}

export type RouteFixture = Awaited<ReturnType<typeof routeFixture>>

/** A request each route would act on if it were allowed (protected routes, and the public writes). */
export function sampleRequest(name: string, fixture: RouteFixture): SampleRequest {
  const storefront = (method: string, path: string, body?: Record<string, unknown>, headers?: Record<string, string>) => ({ method, path, host: hostOf('SG'), body, headers })
  const staff = (method: string, path: string, body?: Record<string, unknown>) => ({ method, path, host: STAFF_HOST, body })
  const { productId, skuId, cartLineId, orderNumber, checkoutId, shippedOrderNumber, trackingNumber, targetStaffId, assignmentId, category, returnId } = fixture
  const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Singapore' })
  const requests: Record<keyof typeof ACCESS_MATRIX | 'auth.register' | 'auth.login' | 'auth.password.forgot' | 'auth.password.reset' | 'auth.email.verify' | 'staff.login' | 'payments.webhook' | 'couriers.webhook', SampleRequest> = {
    'couriers.webhook': storefront('POST', '/api/v1/couriers/sandbox/webhook', { tracking: trackingNumber, status: 'delivered', at: new Date().toISOString() }),
    'orders.tracking': storefront('GET', `/api/v1/orders/${shippedOrderNumber}/tracking`),
    'orders.confirm_receipt': storefront('POST', `/api/v1/orders/${shippedOrderNumber}/confirm-receipt`),
    'orders.extend_guarantee': storefront('POST', `/api/v1/orders/${shippedOrderNumber}/extend-guarantee`),
    'seller.orders.index': storefront('GET', '/api/v1/seller/orders'),
    'seller.orders.show': storefront('GET', `/api/v1/seller/orders/${orderNumber}`),
    'seller.orders.ship': storefront('POST', `/api/v1/seller/orders/${orderNumber}/ship`, { pickup: { date: today } }),
    'seller.orders.cancel': storefront('POST', `/api/v1/seller/orders/${orderNumber}/cancel`, { reason: 'out_of_stock' }),
    'seller.vouchers.index': storefront('GET', '/api/v1/seller/vouchers'),
    'seller.vouchers.store': storefront('POST', '/api/v1/seller/vouchers', { code: `SHOP${Date.now() % 100000}`, kind: 'fixed', amount: 100, startsAt: '2026-01-01T00:00:00', endsAt: '2027-01-01T00:00:00' }),
    'ops.vouchers.index': staff('GET', '/api/v1/ops/markets/SG/vouchers'),
    'ops.vouchers.store': staff('POST', '/api/v1/ops/markets/SG/vouchers', { code: `PLAT${Date.now() % 100000}`, kind: 'percent', percent: 10, startsAt: '2026-01-01T00:00:00', endsAt: '2027-01-01T00:00:00' }),
    'me.email_verification': storefront('POST', '/api/v1/me/email/verification'),
    'admin.staff.totp.reset': staff('POST', `/api/v1/admin/staff/${targetStaffId}/totp/reset`),
    'staff.totp.recovery_codes': staff('POST', '/api/v1/staff/totp/recovery-codes'),
    'seller.wallet.show': storefront('GET', '/api/v1/seller/wallet'),
    'seller.wallet.entries': storefront('GET', '/api/v1/seller/wallet/entries'),
    'seller.payouts.index': storefront('GET', '/api/v1/seller/payouts'),
    'seller.payouts.store': storefront('POST', '/api/v1/seller/payouts', { amount: 1000 }, { 'Idempotency-Key': `payout-${uniqueEmail()}` }),
    'finance.ledger.trial_balance': staff('GET', '/api/v1/finance/markets/SG/ledger/trial-balance'),
    'returns.store': storefront('POST', `/api/v1/orders/${shippedOrderNumber}/returns`, { reason: 'damaged', description: 'The sample arrived broken.' }),
    'returns.show': storefront('GET', `/api/v1/returns/${returnId}`),
    'seller.returns.index': storefront('GET', '/api/v1/seller/returns'),
    'seller.returns.show': storefront('GET', `/api/v1/seller/returns/${returnId}`),
    'seller.returns.respond': storefront('POST', '/api/v1/seller/returns/SG-01JD0000000000000000000000/respond', { action: 'accept' }),
    'support.returns.index': staff('GET', '/api/v1/support/markets/SG/returns'),
    'support.returns.store': staff('POST', '/api/v1/support/markets/SG/returns', { order: shippedOrderNumber, reason: 'damaged', description: 'The sample arrived broken.' }),
    'support.returns.show': staff('GET', `/api/v1/support/markets/SG/returns/${returnId}`),
    'support.returns.decide': staff('POST', '/api/v1/support/markets/SG/returns/SG-01JD0000000000000000000000/decide', { decision: 'rejected', reason: 'No damage on the photos.' }),
    'payments.webhook': storefront('POST', '/api/v1/payments/sandbox/webhook', { type: 'payment.captured', data: { paymentId: 'SG-01JD0000000000000000000000' } }),
    'checkouts.show': storefront('GET', `/api/v1/checkouts/${checkoutId}`),
    'checkouts.payments.store': storefront('POST', `/api/v1/checkouts/${checkoutId}/payments`, { gateway: 'paynow' }, { 'Idempotency-Key': `pay-${uniqueEmail()}` }),
    'auth.register': storefront('POST', '/api/v1/auth/register', { role: 'buyer', email: uniqueEmail('sample'), password: PASSWORD, fullName: 'Sample Buyer' }),
    'auth.login': storefront('POST', '/api/v1/auth/login', { email: uniqueEmail('nobody'), password: PASSWORD }),
    'auth.password.forgot': storefront('POST', '/api/v1/auth/password/forgot', { email: uniqueEmail('nobody') }),
    'auth.password.reset': storefront('POST', '/api/v1/auth/password/reset', { token: 'A'.repeat(43), password: 'a long new password 2026' }),
    'auth.email.verify': storefront('POST', '/api/v1/auth/email/verify', { token: 'A'.repeat(43) }),
    'staff.login': staff('POST', '/api/v1/staff/login', { email: uniqueEmail('nobody'), password: PASSWORD }),
    'auth.logout': storefront('POST', '/api/v1/auth/logout'),
    'me.show': storefront('GET', '/api/v1/me'),
    'me.password': storefront('PUT', '/api/v1/me/password', { currentPassword: PASSWORD, password: 'hijacked password 1' }),
    'me.notifications.index': storefront('GET', '/api/v1/me/notifications'),
    'seller.shop.show': storefront('GET', '/api/v1/seller/shop'),
    'seller.shop.update': storefront('PUT', '/api/v1/seller/shop', { name: 'Hijacked Shop' }),
    'seller.products.index': storefront('GET', '/api/v1/seller/products'),
    'seller.products.store': storefront('POST', '/api/v1/seller/products', { category, titles: { 'en-SG': 'Sample Tee', 'zh-SG': 'Sample Tee' }, skus: [{ sellerSku: 'SAMPLE-1', price: { amount: 1990, currency: 'SGD' }, weightGrams: 100 }] }),
    'seller.products.show': storefront('GET', `/api/v1/seller/products/${productId}`),
    'seller.products.update': storefront('PUT', `/api/v1/seller/products/${productId}`, { brand: 'Hijacked' }),
    'seller.products.destroy': storefront('DELETE', `/api/v1/seller/products/${productId}`),
    'seller.skus.stock_adjustments.store': storefront('POST', `/api/v1/seller/skus/${skuId}/stock-adjustments`, { delta: -1, reason: 'damaged' }),
    'cart.show': storefront('GET', '/api/v1/cart'),
    'cart.lines.store': storefront('POST', '/api/v1/cart/lines', { sku: skuId, quantity: 1 }),
    'cart.lines.update': storefront('PATCH', `/api/v1/cart/lines/${cartLineId}`, { quantity: 5 }),
    'cart.lines.destroy': storefront('DELETE', `/api/v1/cart/lines/${cartLineId}`),
    'checkout.quote': storefront('POST', '/api/v1/checkout/quote', { lines: [{ sku: skuId, quantity: 1 }] }),
    'orders.store': storefront('POST', '/api/v1/orders', { lines: [{ sku: skuId, quantity: 1 }] }, { 'Idempotency-Key': `sample-${uniqueEmail()}` }),
    'orders.index': storefront('GET', '/api/v1/orders'),
    'orders.show': storefront('GET', `/api/v1/orders/${orderNumber}`),
    'orders.cancel': storefront('POST', `/api/v1/orders/${orderNumber}/cancel`),
    'staff.totp.enroll': staff('POST', '/api/v1/staff/totp/enroll'),
    'staff.totp.verify': staff('POST', '/api/v1/staff/totp/verify', { code: '123456' }),
    'staff.logout': staff('POST', '/api/v1/staff/logout'),
    'staff.me': staff('GET', '/api/v1/staff/me'),
    'admin.staff.index': staff('GET', '/api/v1/admin/staff'),
    'admin.staff.store': staff('POST', '/api/v1/admin/staff', { email: uniqueEmail('intruder'), fullName: 'Intruder', password: PASSWORD }),
    'admin.staff.roles.store': staff('POST', `/api/v1/admin/staff/${targetStaffId}/roles`, { role: 'admin', markets: ['*'] }),
    'admin.staff.roles.destroy': staff('DELETE', `/api/v1/admin/staff/${targetStaffId}/roles/${assignmentId}`),
    'admin.audit_log.index': staff('GET', '/api/v1/admin/audit-log'),
    'ops.markets.config.show': staff('GET', '/api/v1/ops/markets/SG/config'),
    'finance.tax_report.show': staff('GET', '/api/v1/finance/markets/SG/tax-report?from=2026-11-01&to=2026-11-30'),
    'finance.exports.store': staff('POST', '/api/v1/finance/markets/SG/exports', { from: '2026-11-01', to: '2026-11-30', format: 'csv' }),
    'finance.exports.show': staff('GET', `/api/v1/finance/exports/${fixture.exportId}`),
    'finance.exports.download': staff('GET', signedLink(fixture.exportId, fixture.exportExpires)),
    'finance.periods.index': staff('GET', '/api/v1/finance/markets/SG/periods'),
    'finance.periods.close': staff('POST', '/api/v1/finance/markets/SG/periods/2001-01/close'),
    'ops.markets.config.update': staff('PATCH', '/api/v1/ops/markets/SG/config', { changes: { returns: { windowDays: 9 } }, reason: 'hijacked change', expectedRevision: fixture.configHead }),
    'ops.markets.config.revisions.index': staff('GET', '/api/v1/ops/markets/SG/config/revisions'),
    'ops.markets.config.revisions.show': staff('GET', `/api/v1/ops/markets/SG/config/revisions/${fixture.configRevision}`),
    'ops.markets.config.revisions.diff': staff('GET', `/api/v1/ops/markets/SG/config/revisions/0/diff/${fixture.configRevision}`),
    'ops.markets.config.revisions.approve': staff('POST', `/api/v1/ops/markets/SG/config/revisions/${fixture.configRevision}/approve`),
    'ops.markets.config.rollback': staff('POST', '/api/v1/ops/markets/SG/config/rollback/0', { reason: 'hijacked rollback', expectedRevision: fixture.configHead }),
    'ops.products.ban': staff('POST', `/api/v1/ops/markets/SG/products/${productId}/ban`, { reason: 'hijacked ban' }),
    'ops.products.unban': staff('POST', `/api/v1/ops/markets/SG/products/${productId}/unban`),
    'ops.flash_sales.index': staff('GET', '/api/v1/ops/markets/SG/flash-sales'),
    'ops.flash_sales.store': staff('POST', '/api/v1/ops/markets/SG/flash-sales', { sku: skuId, startsAt: '2030-01-01T00:00:00Z', endsAt: '2030-01-01T02:00:00Z', price: { amount: 100, currency: 'SGD' }, stock: 1, perBuyerLimit: 1 }),
  }
  const request = requests[name as keyof typeof requests]
  if (!request) throw new Error(`no sample request for route ${name}`)
  return request
}

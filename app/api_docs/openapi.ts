import { downloadQuery, exportRequestValidator, taxReportQuery } from '#finance/validators/tax_report'
import { configApprovalValidator, configChangeValidator, configRollbackValidator, revisionsQueryValidator } from '#ops/validators/market_config'
import router from '@adonisjs/core/services/router'
import { ACCESS_MATRIX, PUBLIC_ROUTES, type AccessRule } from '#identity/access_matrix'
import { addCartLineValidator, updateCartLineValidator } from '#cart/validators/cart'
import { banProductValidator, createProductValidator, listProductsValidator, stockAdjustmentValidator, updateProductValidator } from '#catalog/validators/product'
import { payoutValidator, trialBalanceQuery } from '#escrow/validators/payouts'
import { scheduleFlashSaleValidator } from '#flash_sales/validators/flash_sale'
import { pageQueryValidator } from '#http/pagination'
import { changePasswordValidator, forgotPasswordValidator, loginValidator, registerValidator, resetPasswordValidator, updateShopValidator, verifyEmailValidator } from '#identity/validators/account'
import { createStaffValidator, grantRoleValidator, staffLoginValidator, totpCodeValidator } from '#identity/validators/staff'
import { inboxQueryValidator } from '#notifications/validators/notifications'
import { placeOrderValidator, quoteValidator } from '#orders/validators/checkout'
import { sellerCancelValidator, sellerOrdersQuery, shipOrderValidator } from '#orders/validators/fulfilment'
import { startPaymentValidator } from '#payments/validators/payments'
import { platformVoucherValidator, shopVoucherValidator } from '#promotions/validators/vouchers'
import { decideValidator, openReturnValidator, respondValidator, returnListQuery, supportOpenReturnValidator } from '#returns/validators/returns'
import { searchValidator, suggestValidator } from '#search/validators/search'

type Schema = Record<string, any>
interface HasSchema {
  toJSONSchema(): Schema
}

interface RouteDoc {
  summary: string
  body?: HasSchema
  query?: HasSchema
  /** Writes that create money-moving things take an Idempotency-Key. */
  idempotent?: boolean
  /** 201 instead of 200 on success; 202/204 where the route answers so. */
  status?: 200 | 201 | 202 | 204
  /** A file, not JSON: the content types it answers in. */
  file?: string[]
}

/**
 * Every /api/v1 route, by name: what it does and the validators of its
 * body and query (their JSON Schema, as VineJS exports it, is the
 * document's). A route of the router missing here fails the OpenAPI test.
 */
export const ROUTE_DOCS: Record<string, RouteDoc> = {
  'market.show': { summary: 'The resolved market: currency, tax, locales, gateways, couriers' },
  'categories.index': { summary: 'The category tree, names in the request locale' },
  'products.index': { summary: 'Product listing (filters, sorts, cursor)', query: listProductsValidator },
  'products.show': { summary: 'Product detail with SKUs and stock status' },
  'search.index': { summary: 'Search with facets', query: searchValidator },
  'search.suggest': { summary: 'Autocomplete', query: suggestValidator },
  'auth.register': { summary: 'Register a buyer or a seller (with its shop)', body: registerValidator, status: 201 },
  'auth.login': { summary: 'Sign in: a bearer token for this market', body: loginValidator },
  'auth.logout': { summary: 'End this session', status: 204 },
  'auth.password.forgot': { summary: 'Mail a password reset link (always 202)', body: forgotPasswordValidator, status: 202 },
  'auth.password.reset': { summary: 'Set a new password with the mailed token', body: resetPasswordValidator, status: 204 },
  'auth.email.verify': { summary: 'Prove the e-mail address with the mailed token', body: verifyEmailValidator },
  'me.show': { summary: 'The signed-in account' },
  'me.password': { summary: 'Change the password (other sessions end)', body: changePasswordValidator, status: 204 },
  'me.email_verification': { summary: 'Mail the verification link again', status: 202 },
  'me.notifications.index': { summary: 'The account\'s messages, newest first', query: inboxQueryValidator },
  'seller.shop.show': { summary: 'The seller\'s shop' },
  'seller.shop.update': { summary: 'Edit the shop', body: updateShopValidator },
  'seller.products.index': { summary: 'The shop\'s products', query: pageQueryValidator },
  'seller.products.store': { summary: 'Create a product with its SKUs', body: createProductValidator, status: 201 },
  'seller.products.show': { summary: 'One product of the shop' },
  'seller.products.update': { summary: 'Edit a product', body: updateProductValidator },
  'seller.products.destroy': { summary: 'Delete a product', status: 204 },
  'seller.skus.stock_adjustments.store': { summary: 'Adjust a SKU\'s stock', body: stockAdjustmentValidator, status: 201 },
  'cart.show': { summary: 'The buyer\'s cart' },
  'cart.lines.store': { summary: 'Add a SKU to the cart', body: addCartLineValidator, status: 201 },
  'cart.lines.update': { summary: 'Change a line\'s quantity', body: updateCartLineValidator },
  'cart.lines.destroy': { summary: 'Remove a line', status: 204 },
  'checkout.quote': { summary: 'Parcels, tax, shipping and vouchers of a checkout', body: quoteValidator },
  'orders.store': { summary: 'Place the checkout: one order per seller', body: placeOrderValidator, idempotent: true, status: 201 },
  'orders.index': { summary: 'The buyer\'s orders', query: pageQueryValidator },
  'orders.show': { summary: 'One order with its lines and history' },
  'orders.cancel': { summary: 'Cancel an order not shipped yet' },
  'checkouts.show': { summary: 'A checkout: its orders, what is due, its payment' },
  'checkouts.payments.store': { summary: 'Start paying a checkout', body: startPaymentValidator, idempotent: true, status: 201 },
  'orders.tracking': { summary: 'Where the parcel is' },
  'orders.confirm_receipt': { summary: 'The goods arrived: release the money to the seller' },
  'orders.extend_guarantee': { summary: 'Extend the guarantee once' },
  'returns.store': { summary: 'Ask for a return of some or all units', body: openReturnValidator, status: 201 },
  'returns.show': { summary: 'A return case' },
  'seller.orders.index': { summary: 'The shop\'s orders', query: sellerOrdersQuery },
  'seller.orders.show': { summary: 'One order of the shop' },
  'seller.orders.ship': { summary: 'Hand the order to its courier', body: shipOrderValidator, status: 201 },
  'seller.orders.cancel': { summary: 'Cancel a paid order the shop cannot fulfil', body: sellerCancelValidator },
  'seller.wallet.show': { summary: 'Pending, available and paid out' },
  'seller.wallet.entries': { summary: 'The wallet\'s ledger lines', query: pageQueryValidator },
  'seller.payouts.index': { summary: 'The shop\'s payouts', query: pageQueryValidator },
  'seller.payouts.store': { summary: 'Ask for a payout', body: payoutValidator, idempotent: true, status: 201 },
  'seller.vouchers.index': { summary: 'The shop\'s vouchers', query: pageQueryValidator },
  'seller.vouchers.store': { summary: 'Create a shop voucher', body: shopVoucherValidator, status: 201 },
  'seller.returns.index': { summary: 'Return cases on the shop\'s orders', query: returnListQuery },
  'seller.returns.show': { summary: 'One return case' },
  'seller.returns.respond': { summary: 'Accept or dispute a return', body: respondValidator },
  'payments.webhook': { summary: 'A payment provider\'s signed webhook' },
  'couriers.webhook': { summary: 'A courier\'s signed tracking webhook' },
  'openapi.show': { summary: 'This document' },
  'docs.show': { summary: 'The API reference, as a page' },
  'docs.asset': { summary: 'Files of the reference page' },
  // Staff host
  'staff.openapi.show': { summary: 'The staff API document' },
  'staff.login': { summary: 'Staff sign-in (a challenge token when a second factor is due)', body: staffLoginValidator },
  'staff.totp.enroll': { summary: 'Enrol a TOTP second factor' },
  'staff.totp.verify': { summary: 'A TOTP or recovery code: the staff token', body: totpCodeValidator },
  'staff.totp.recovery_codes': { summary: 'A new set of recovery codes', status: 201 },
  'staff.logout': { summary: 'End this staff session', status: 204 },
  'staff.me': { summary: 'The signed-in staff member' },
  'admin.staff.index': { summary: 'Staff members' },
  'admin.staff.store': { summary: 'Create a staff member', body: createStaffValidator, status: 201 },
  'admin.staff.roles.store': { summary: 'Grant a scoped role', body: grantRoleValidator, status: 201 },
  'admin.staff.roles.destroy': { summary: 'Revoke a role', status: 204 },
  'admin.staff.totp.reset': { summary: 'Reset a colleague\'s second factor', status: 204 },
  'admin.audit_log.index': { summary: 'The audit log' },
  'ops.markets.config.show': { summary: 'A market\'s effective configuration and its revision' },
  'ops.markets.config.update': { summary: 'Change the run-time configuration (applied, or 202 pending a second approver)', body: configChangeValidator },
  'ops.markets.config.revisions.index': { summary: 'The market\'s config revisions, newest first', query: revisionsQueryValidator },
  'ops.markets.config.revisions.show': { summary: 'One config revision with its diff' },
  'ops.markets.config.revisions.diff': { summary: 'What changes from revision a to revision b (JSON Patch)' },
  'ops.markets.config.revisions.approve': { summary: 'Approve a pending revision (not its author)', body: configApprovalValidator },
  'ops.markets.config.rollback': { summary: 'A new revision equal to revision n (0: the market file)', body: configRollbackValidator },
  'ops.products.ban': { summary: 'Ban a product', body: banProductValidator },
  'ops.products.unban': { summary: 'Lift a ban' },
  'ops.flash_sales.index': { summary: 'The market\'s flash sales' },
  'ops.flash_sales.store': { summary: 'Schedule a flash sale', body: scheduleFlashSaleValidator, status: 201 },
  'ops.vouchers.index': { summary: 'The market\'s platform vouchers', query: pageQueryValidator },
  'ops.vouchers.store': { summary: 'Create a platform voucher', body: platformVoucherValidator, status: 201 },
  'finance.tax_report.show': { summary: 'The tax report: per local day, category and rate (JSON, CSV, XLSX; every line with detail=lines); 202 with an export job when large', query: taxReportQuery },
  'finance.exports.store': { summary: 'Export a period on the worker (CSV or XLSX)', body: exportRequestValidator, status: 202 },
  'finance.exports.show': { summary: 'An export job: status, progress, the download link when ready' },
  'finance.exports.download': { summary: 'Download an export through its signed link (expires after 24 h)', query: downloadQuery, file: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] },
  'finance.periods.index': { summary: 'The closed periods with their hash and totals' },
  'finance.periods.close': { summary: 'Close a month: its report is stored and never changes again', status: 201 },
  'finance.ledger.trial_balance': { summary: 'Every ledger account at an instant', query: trialBalanceQuery },
  'support.returns.index': { summary: 'The market\'s return cases', query: returnListQuery },
  'support.returns.store': { summary: 'Open a case for a buyer', body: supportOpenReturnValidator, status: 201 },
  'support.returns.show': { summary: 'One case' },
  'support.returns.decide': { summary: 'Decide a dispute', body: decideValidator },
}

const ERROR = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', pattern: '^E_[A-Z_]+$' },
        message: { type: 'string', description: 'In the request\'s locale' },
        fields: { type: 'array', items: { type: 'object', required: ['field', 'rule', 'message'], properties: { field: { type: 'string' }, rule: { type: 'string' }, message: { type: 'string' } } } },
      },
    },
  },
}

export const COMPONENTS = {
  schemas: {
    Error: ERROR,
    Money: { type: 'object', required: ['amount', 'currency', 'formatted'], properties: { amount: { type: 'integer', description: 'Minor units (ISO 4217)' }, currency: { type: 'string', pattern: '^[A-Z]{3}$' }, formatted: { type: 'string' } } },
    Success: { type: 'object', required: ['data'], properties: { data: {}, meta: { type: 'object', properties: { nextCursor: { type: ['string', 'null'] } } } } },
  },
  securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A token of this market (storefront) or of the staff host' } },
  headers: {
    'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait (429, 503)' },
    'X-Request-Id': { schema: { type: 'string' }, description: 'On every response and every log line' },
  },
}

/** A validator's JSON Schema without the route parameters some validators also check (`params`). */
function bodySchema(validator: HasSchema) {
  const schema = validator.toJSONSchema()
  if (schema.properties?.params) {
    const { params: _params, ...properties } = schema.properties
    return { ...schema, properties, required: (schema.required ?? []).filter((name: string) => name !== 'params') }
  }
  return schema
}

function queryParameters(validator: HasSchema) {
  const schema = validator.toJSONSchema()
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({ name, in: 'query', required: (schema.required ?? []).includes(name), schema: property }))
}

export type Audience = 'storefront' | 'staff'

function audienceOf(name: string): Audience {
  if (name === 'staff.login' || name === 'staff.openapi.show') return 'staff'
  const rule = (ACCESS_MATRIX as Record<string, AccessRule>)[name]
  return rule?.audience === 'staff' ? 'staff' : 'storefront'
}

/** The /api/v1 routes of the router, with their name, method and path. */
export function apiRoutes() {
  const routes: { name: string; method: string; pattern: string }[] = []
  for (const list of Object.values(router.toJSON())) {
    for (const route of list as any[]) {
      if (!String(route.pattern).startsWith('/api/v1')) continue
      for (const method of route.methods as string[]) if (method !== 'HEAD') routes.push({ name: route.name, method: method.toLowerCase(), pattern: route.pattern })
    }
  }
  return routes
}

/** The OpenAPI 3.1 document of one audience (storefront hosts, or the staff host), from the router and the validators. */
export function openApiDocument(audience: Audience) {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const route of apiRoutes()) {
    if (audienceOf(route.name) !== audience) continue
    const doc = ROUTE_DOCS[route.name]
    if (!doc) continue
    const path = route.pattern.replace(/:(\w+)/g, '{$1}')
    const parameters: unknown[] = [...route.pattern.matchAll(/:(\w+)/g)].map((match) => ({ name: match[1], in: 'path', required: true, schema: { type: 'string' } }))
    if (doc.query) parameters.push(...queryParameters(doc.query))
    if (doc.idempotent) parameters.push({ name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string', minLength: 1, maxLength: 255 }, description: 'The same key and body answer the same result; another body is 422' })
    const isPublic = (PUBLIC_ROUTES as readonly string[]).includes(route.name)
    const status = doc.status ?? 200
    paths[path] ??= {}
    paths[path][route.method] = {
      operationId: route.name,
      summary: doc.summary,
      ...(parameters.length && { parameters }),
      ...(doc.body && { requestBody: { required: true, content: { 'application/json': { schema: bodySchema(doc.body) } } } }),
      ...(!isPublic && { security: [{ bearer: [] }] }),
      responses: {
        [String(status)]:
          status === 204
            ? { description: 'Done' }
            : doc.file
              ? { description: 'The file', content: Object.fromEntries(doc.file.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])) }
              : { description: 'Success', content: { 'application/json': { schema: { $ref: '#/components/schemas/Success' } } } },
        '4XX': { description: 'Refused: 400 bad body, 401 no or bad token, 403 not allowed, 404 unknown, 409 conflict, 422 invalid input (each field named), 429 rate limited (Retry-After)', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        '503': { description: 'A dependency is down (named in the error)', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    }
  }
  return {
    openapi: '3.1.0',
    info: { title: audience === 'staff' ? 'Pasar staff API' : 'Pasar storefront API', version: '1', description: 'Money is integer minor units with its currency and a formatted string; lists page with ?limit= (1-100) and ?cursor=; errors are { error: { code, message, fields? } } in the request\'s locale.' },
    servers: [{ url: '/' }],
    paths,
    components: COMPONENTS,
  }
}

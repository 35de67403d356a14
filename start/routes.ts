import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const HealthController = () => import('#health/controllers/health_controller')
const MarketController = () => import('#markets/controllers/market_controller')
const OpsMarketConfigController = () => import('#markets/controllers/ops_market_config_controller')
const AuthController = () => import('#identity/controllers/auth_controller')
const MeController = () => import('#identity/controllers/me_controller')
const ShopController = () => import('#identity/controllers/shop_controller')
const StaffSessionController = () => import('#identity/controllers/staff_session_controller')
const StaffAdminController = () => import('#identity/controllers/staff_admin_controller')
const AuditLogController = () => import('#audit/controllers/audit_log_controller')
const StorefrontCatalogController = () => import('#catalog/controllers/storefront_catalog_controller')
const SellerProductsController = () => import('#catalog/controllers/seller_products_controller')
const OpsProductsController = () => import('#catalog/controllers/ops_products_controller')
const SearchController = () => import('#search/controllers/search_controller')
const CartController = () => import('#cart/controllers/cart_controller')
const CheckoutController = () => import('#orders/controllers/checkout_controller')
const OpsFlashSalesController = () => import('#flash_sales/controllers/ops_flash_sales_controller')
const CheckoutPaymentsController = () => import('#payments/controllers/checkout_payments_controller')
const PaymentWebhooksController = () => import('#payments/controllers/payment_webhooks_controller')
const SandboxPagesController = () => import('#payments/controllers/sandbox_pages_controller')
const SellerOrdersController = () => import('#orders/controllers/seller_orders_controller')
const OrderFulfilmentController = () => import('#orders/controllers/order_fulfilment_controller')
const CourierWebhooksController = () => import('#logistics/controllers/courier_webhooks_controller')
const SellerWalletController = () => import('#escrow/controllers/seller_wallet_controller')
const FinanceLedgerController = () => import('#escrow/controllers/finance_ledger_controller')
const MyNotificationsController = () => import('#notifications/controllers/my_notifications_controller')
const ReturnsController = () => import('#returns/controllers/returns_controller')
const SellerReturnsController = () => import('#returns/controllers/seller_returns_controller')
const SupportReturnsController = () => import('#returns/controllers/support_returns_controller')
const VouchersController = () => import('#promotions/controllers/vouchers_controller')

// Health answers on any host: load balancers probe by IP.
router.get('/health', [HealthController, 'ready']).as('health')
router.get('/health/ready', [HealthController, 'ready']).as('health.ready')
router.get('/health/live', [HealthController, 'live']).as('health.live')

/*
 * Every route below /api/v1 is either public (PUBLIC_ROUTES) or protected
 * by `authorize`, which applies the route's line of the access matrix
 * (app/identity/access_matrix.ts), found by route name.
 */

// Staff console: staff host only. Declared before the storefront group so
// that the staff host never falls through to market resolution.
router
  .group(() => {
    router.post('/staff/login', [StaffSessionController, 'login']).as('staff.login')
    router
      .group(() => {
        router.post('/staff/totp/enroll', [StaffSessionController, 'enroll']).as('staff.totp.enroll')
        router.post('/staff/totp/verify', [StaffSessionController, 'verify']).as('staff.totp.verify')
        router.post('/staff/totp/recovery-codes', [StaffSessionController, 'regenerateRecoveryCodes']).as('staff.totp.recovery_codes')
        router.post('/staff/logout', [StaffSessionController, 'logout']).as('staff.logout')
        router.get('/staff/me', [StaffSessionController, 'me']).as('staff.me')
        router.get('/admin/staff', [StaffAdminController, 'index']).as('admin.staff.index')
        router.post('/admin/staff', [StaffAdminController, 'store']).as('admin.staff.store')
        router.post('/admin/staff/:id/roles', [StaffAdminController, 'grant']).as('admin.staff.roles.store')
        router.post('/admin/staff/:id/totp/reset', [StaffAdminController, 'resetSecondFactor']).as('admin.staff.totp.reset')
        router
          .delete('/admin/staff/:id/roles/:assignment', [StaffAdminController, 'revoke'])
          .as('admin.staff.roles.destroy')
        router.get('/admin/audit-log', [AuditLogController, 'index']).as('admin.audit_log.index')
        router.get('/ops/markets/:code/config', [OpsMarketConfigController, 'show']).as('ops.markets.config.show')
        router.post('/ops/markets/:code/products/:id/ban', [OpsProductsController, 'ban']).as('ops.products.ban')
        router.post('/ops/markets/:code/products/:id/unban', [OpsProductsController, 'unban']).as('ops.products.unban')
        router.get('/ops/markets/:code/flash-sales', [OpsFlashSalesController, 'index']).as('ops.flash_sales.index')
        router.post('/ops/markets/:code/flash-sales', [OpsFlashSalesController, 'store']).as('ops.flash_sales.store')
        router.get('/finance/markets/:code/ledger/trial-balance', [FinanceLedgerController, 'trialBalance']).as('finance.ledger.trial_balance')
        router.get('/ops/markets/:code/vouchers', [VouchersController, 'platformIndex']).as('ops.vouchers.index')
        router.post('/ops/markets/:code/vouchers', [VouchersController, 'platformStore']).as('ops.vouchers.store')
        router.get('/support/markets/:code/returns', [SupportReturnsController, 'index']).as('support.returns.index')
        router.post('/support/markets/:code/returns', [SupportReturnsController, 'store']).as('support.returns.store')
        router.get('/support/markets/:code/returns/:id', [SupportReturnsController, 'show']).as('support.returns.show')
        router.post('/support/markets/:code/returns/:id/decide', [SupportReturnsController, 'decide']).as('support.returns.decide')
      })
      .use(middleware.authorize())
  })
  .prefix('/api/v1')
  .use(middleware.staffHost())

// Storefront API: the market comes from the Host.
router
  .group(() => {
    router
      .group(() => {
        router.get('/market', [MarketController, 'show']).as('market.show')
        router.get('/categories', [StorefrontCatalogController, 'categories']).as('categories.index')
        router.get('/products', [StorefrontCatalogController, 'index']).as('products.index')
        router.get('/products/:id', [StorefrontCatalogController, 'show']).as('products.show')
        router.get('/search', [SearchController, 'search']).as('search.index')
        router.get('/search/suggest', [SearchController, 'suggest']).as('search.suggest')
      })
      .use(middleware.anonymousLimit())
    router.post('/payments/:provider/webhook', [PaymentWebhooksController, 'handle']).as('payments.webhook')
    router.post('/couriers/:provider/webhook', [CourierWebhooksController, 'handle']).as('couriers.webhook')
    router.post('/auth/register', [AuthController, 'register']).as('auth.register')
    router.post('/auth/login', [AuthController, 'login']).as('auth.login')
    router.post('/auth/password/forgot', [AuthController, 'forgotPassword']).as('auth.password.forgot')
    router.post('/auth/password/reset', [AuthController, 'resetPassword']).as('auth.password.reset')
    router.post('/auth/email/verify', [AuthController, 'verifyEmail']).as('auth.email.verify')
    router
      .group(() => {
        router.post('/auth/logout', [AuthController, 'logout']).as('auth.logout')
        router.get('/me', [MeController, 'show']).as('me.show')
        router.put('/me/password', [MeController, 'updatePassword']).as('me.password')
        router.post('/me/email/verification', [AuthController, 'resendVerification']).as('me.email_verification')
        router.get('/me/notifications', [MyNotificationsController, 'index']).as('me.notifications.index')
        router.get('/seller/shop', [ShopController, 'show']).as('seller.shop.show')
        router.put('/seller/shop', [ShopController, 'update']).as('seller.shop.update')
        router.get('/seller/products', [SellerProductsController, 'index']).as('seller.products.index')
        router.post('/seller/products', [SellerProductsController, 'store']).as('seller.products.store')
        router.get('/seller/products/:id', [SellerProductsController, 'show']).as('seller.products.show')
        router.put('/seller/products/:id', [SellerProductsController, 'update']).as('seller.products.update')
        router.delete('/seller/products/:id', [SellerProductsController, 'destroy']).as('seller.products.destroy')
        router
          .post('/seller/skus/:id/stock-adjustments', [SellerProductsController, 'adjustStock'])
          .as('seller.skus.stock_adjustments.store')
        router.get('/cart', [CartController, 'index']).as('cart.show')
        router.post('/cart/lines', [CartController, 'store']).as('cart.lines.store')
        router.patch('/cart/lines/:id', [CartController, 'update']).as('cart.lines.update')
        router.delete('/cart/lines/:id', [CartController, 'destroy']).as('cart.lines.destroy')
        router.post('/checkout/quote', [CheckoutController, 'quote']).as('checkout.quote')
        router.post('/orders', [CheckoutController, 'store']).as('orders.store')
        router.get('/orders', [CheckoutController, 'index']).as('orders.index')
        router.get('/orders/:number', [CheckoutController, 'show']).as('orders.show')
        router.post('/orders/:number/cancel', [CheckoutController, 'cancel']).as('orders.cancel')
        router.get('/checkouts/:id', [CheckoutPaymentsController, 'show']).as('checkouts.show')
        router.post('/checkouts/:id/payments', [CheckoutPaymentsController, 'store']).as('checkouts.payments.store')
        router.get('/orders/:number/tracking', [OrderFulfilmentController, 'tracking']).as('orders.tracking')
        router.post('/orders/:number/confirm-receipt', [OrderFulfilmentController, 'confirmReceipt']).as('orders.confirm_receipt')
        router.post('/orders/:number/extend-guarantee', [OrderFulfilmentController, 'extendGuarantee']).as('orders.extend_guarantee')
        router.get('/seller/orders', [SellerOrdersController, 'index']).as('seller.orders.index')
        router.get('/seller/orders/:number', [SellerOrdersController, 'show']).as('seller.orders.show')
        router.post('/seller/orders/:number/ship', [SellerOrdersController, 'ship']).as('seller.orders.ship')
        router.post('/seller/orders/:number/cancel', [SellerOrdersController, 'cancel']).as('seller.orders.cancel')
        router.get('/seller/wallet', [SellerWalletController, 'show']).as('seller.wallet.show')
        router.get('/seller/wallet/entries', [SellerWalletController, 'entries']).as('seller.wallet.entries')
        router.get('/seller/payouts', [SellerWalletController, 'payouts']).as('seller.payouts.index')
        router.post('/seller/payouts', [SellerWalletController, 'requestPayout']).as('seller.payouts.store')
        router.post('/orders/:number/returns', [ReturnsController, 'store']).as('returns.store')
        router.get('/returns/:id', [ReturnsController, 'show']).as('returns.show')
        router.get('/seller/vouchers', [VouchersController, 'shopIndex']).as('seller.vouchers.index')
        router.post('/seller/vouchers', [VouchersController, 'shopStore']).as('seller.vouchers.store')
        router.get('/seller/returns', [SellerReturnsController, 'index']).as('seller.returns.index')
        router.get('/seller/returns/:id', [SellerReturnsController, 'show']).as('seller.returns.show')
        router.post('/seller/returns/:id/respond', [SellerReturnsController, 'respond']).as('seller.returns.respond')
      })
      .use(middleware.authorize())
  })
  .prefix('/api/v1')
  .use(middleware.market())

// The sandbox gateway's hosted page, on the storefront host (HTML, not the API).
router
  .group(() => {
    router.get('/sandbox/pay/:paymentId', [SandboxPagesController, 'show']).as('sandbox.pay.show')
    router.post('/sandbox/pay/:paymentId/approve', [SandboxPagesController, 'approve']).as('sandbox.pay.approve')
    router.post('/sandbox/pay/:paymentId/decline', [SandboxPagesController, 'decline']).as('sandbox.pay.decline')
  })
  .use(middleware.market())

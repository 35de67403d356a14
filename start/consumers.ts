/*
 * The queue consumers of each domain, registered with messaging at boot.
 * A new domain that consumes events adds its line here.
 */
import app from '@adonisjs/core/services/app'
import { registerConsumers } from '#messaging/consumers'
import { commitPaidStock } from '#inventory/consumers/commit_paid_stock'
import { indexProducts } from '#search/consumers/index_products'
import { countSold } from '#catalog/consumers/count_sold'
import { sandboxWebhooks } from '#payments/consumers/sandbox_webhooks'
import { followShipments, refundCancelledOrders } from '#payments/consumers/order_money'
import { sandboxDisbursements } from '#escrow/consumers/sandbox_disbursements'
import { composeNotifications, sendNotificationEmails } from '#notifications/consumers/notify'
import { followReturnParcels } from '#returns/consumers/return_parcels'
import { giveBackVouchers } from '#promotions/consumers/give_back_vouchers'
import { renderExports } from '#finance/consumers/render_exports'

registerConsumers(commitPaidStock, countSold, indexProducts, sandboxWebhooks, refundCancelledOrders, followShipments, followReturnParcels, giveBackVouchers)
registerConsumers(composeNotifications, sendNotificationEmails)
registerConsumers(renderExports)
// The sandbox "bank" marks payouts paid that no bank sent: outside production only (there, payouts wait as requested).
if (!app.inProduction) registerConsumers(sandboxDisbursements)

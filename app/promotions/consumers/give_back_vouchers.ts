import type { ConsumerDefinition } from '#messaging/consumer'
import { VoucherService } from '#promotions/services/voucher_service'

/** An order cancelled or refunded in full: its vouchers' amount (and, with its checkout's last order, the use) back to their budgets, once. */
export const giveBackVouchers: ConsumerDefinition = {
  name: 'promotions.give-back-vouchers',
  bindings: ['*.orders.cancelled', '*.orders.refunded'],
  async handle(envelope, market) {
    await new VoucherService().giveBack(market, envelope.data.number as string)
  },
}

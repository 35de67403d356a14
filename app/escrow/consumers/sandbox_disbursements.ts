import type { ConsumerDefinition } from '#messaging/consumer'
import { PayoutService } from '#escrow/services/payout_service'

/**
 * The sandbox disbursement provider (the embedded stand-in for a bank
 * transfer API): settles each requested payout asynchronously. Like a
 * provider's test mode it has one documented failing case: an amount
 * whose last three digits are 666 (minor units) is rejected by the
 * "bank", so the failure path can be exercised.
 */
export const SANDBOX_FAILING_SUFFIX = 666

export const sandboxDisbursements: ConsumerDefinition = {
  name: 'escrow.sandbox-disbursements',
  bindings: ['*.escrow.payout_requested'],
  async handle(envelope, market) {
    const { payout, shop, amount } = envelope.data as { payout: string; shop: string; amount: number }
    const outcome =
      amount % 1000 === SANDBOX_FAILING_SUFFIX
        ? ({ ok: false, reason: 'sandbox bank: account rejected the transfer' } as const)
        : ({ ok: true, reference: `sbx_disb_${payout}` } as const)
    await new PayoutService().settle(market, payout, shop, outcome)
  },
}

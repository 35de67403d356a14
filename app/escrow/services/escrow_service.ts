import type { MarketContext } from '#markets/market_context'
import { Accounts, type AccountSpec } from '#escrow/ledger_accounts'
import { Ledger, type Leg } from '#escrow/services/ledger'
import { divideRounded, percentUnits } from '#money/money'

/** An order as escrow needs it: its money, its seller and its courier. */
export interface EscrowOrder {
  number: string
  shopPublicId: string
  courierId: string
  goodsGross: number
  shippingFee: number
  codSurcharge: number
  /** What the buyer paid (the escrow). */
  total: number
  /** Platform vouchers' share of goods and shipping: paid to the seller and courier by the platform at release. */
  platformFunded?: number
  /** The platform's rates the order was placed under, in millionths; absent (orders from before): the market's rates now. */
  rates?: FeeRates
}

/** Commission and payment fee in millionths of the amount (4.5 % is 45_000), and a fixed fee in minor units. */
export interface FeeRates {
  commissionPpm: number
  paymentFeePpm: number
  fixedFee: number
}

/** The market's rates now, as an order records them when it is placed. */
export function feeRatesOf(market: MarketContext): FeeRates {
  const escrow = market.config.escrow
  return {
    commissionPpm: Number(percentUnits(escrow.commissionRate, 4)),
    paymentFeePpm: Number(percentUnits(escrow.paymentFeeRate ?? 0, 4)),
    fixedFee: escrow.fixedFeePerOrder ?? 0,
  }
}

/** An order row (with its shop's public id) as escrow needs it. */
export function escrowOrderOf(order: Record<string, any>, shopPublicId: string = order.shop_public_id): EscrowOrder {
  return {
    number: order.number,
    shopPublicId,
    courierId: order.courier_id,
    // The seller's price: what the buyer paid for the goods plus what the platform's voucher took off (a shop voucher is the seller's own price cut).
    goodsGross: Number(order.goods_gross) + Number(order.goods_discount_platform ?? 0),
    shippingFee: Number(order.shipping_fee),
    codSurcharge: Number(order.cod_surcharge),
    total: Number(order.total),
    platformFunded: Number(order.goods_discount_platform ?? 0) + Number(order.shipping_discount_platform ?? 0),
    ...(order.commission_ppm !== null &&
      order.commission_ppm !== undefined && {
        rates: { commissionPpm: Number(order.commission_ppm), paymentFeePpm: Number(order.payment_fee_ppm ?? 0), fixedFee: Number(order.fixed_fee ?? 0) },
      }),
  }
}

/** Millionths of minor units, rounded once by the market's rule. */
function ppmOf(market: MarketContext, amount: number, ppm: number) {
  return Number(divideRounded(BigInt(amount) * BigInt(ppm), 1_000_000n, market.tax.rounding))
}

/**
 * The money side of an order's life (DESIGN.md §8), as ledger journals:
 * the buyer's payment goes into an escrow account per order; at release
 * the escrow is split into the courier's shipping, the platform's
 * commission and fees (each its own leg, each rounded once) and the
 * seller's share, computed last as the remainder so the journal balances
 * by construction; a refund before release returns the escrow through the
 * gateway. Every journal is idempotent by its key.
 */
export class EscrowService {
  #ledger = new Ledger()

  /** A captured checkout payment: gateway clearing to each order's escrow. */
  async capture(market: MarketContext, payment: { publicId: string; gateway: string; amount: number }, orders: EscrowOrder[]) {
    const total = orders.reduce((sum, order) => sum + order.total, 0)
    if (total !== payment.amount) throw new Error(`payment ${payment.publicId} of ${payment.amount} does not match its orders (${total})`)
    await this.#ledger.post(market, {
      key: `capture:${payment.publicId}`,
      kind: 'capture',
      reference: payment.publicId,
      legs: [{ account: Accounts.gatewayClearing(payment.gateway), amount: payment.amount }, ...orders.map((order) => ({ account: Accounts.escrow(order.number, order.shopPublicId), amount: -order.total }))],
    })
  }

  /** Cash a courier collected on delivery lands in the order's escrow. */
  async codCollected(market: MarketContext, order: EscrowOrder) {
    await this.#ledger.post(market, {
      key: `cod:${order.number}`,
      kind: 'cod_collected',
      reference: order.number,
      legs: [
        { account: Accounts.courierCod(order.courierId), amount: order.total },
        { account: Accounts.escrow(order.number, order.shopPublicId), amount: -order.total },
      ],
    })
  }

  /** What the release of an order gives each party (minor units), before any journal. */
  split(market: MarketContext, order: EscrowOrder) {
    const courier = order.shippingFee + order.codSurcharge
    // What the seller's goods bring; the platform's cuts come out of it and never below zero
    // (a fee on the total of a cheap item with costly shipping can exceed the item).
    const goods = order.total + (order.platformFunded ?? 0) - courier
    const rates = order.rates ?? feeRatesOf(market)
    const commission = Math.min(ppmOf(market, order.goodsGross, rates.commissionPpm), goods)
    const paymentFee = Math.min(ppmOf(market, order.total, rates.paymentFeePpm), goods - commission)
    const fixedFee = Math.min(rates.fixedFee, goods - commission - paymentFee)
    const seller = goods - commission - paymentFee - fixedFee
    return { courier, commission, fees: paymentFee + fixedFee, paymentFee, fixedFee, seller }
  }

  /** Delivered and confirmed (or the guarantee ran out): escrow to the courier, the platform and the seller. */
  async release(market: MarketContext, order: EscrowOrder) {
    const split = this.split(market, order)
    const legs: Leg[] = [
      { account: Accounts.escrow(order.number), amount: order.total },
      // Platform vouchers: the platform pays their share, so the seller is paid its own price (less commission).
      { account: Accounts.platformPromotions(), amount: order.platformFunded ?? 0 },
      { account: Accounts.courierPayable(order.courierId), amount: -split.courier },
      { account: Accounts.platformCommission(), amount: -split.commission },
      { account: Accounts.platformFees(), amount: -split.fees },
      { account: Accounts.sellerPayable(order.shopPublicId), amount: -split.seller },
    ]
    await this.#ledger.post(market, { key: `release:${order.number}`, kind: 'release', reference: order.number, legs, metadata: split })
    return split
  }

  /** Before release: the whole escrow goes back to the buyer through the gateway it came from. */
  async refundBeforeRelease(market: MarketContext, order: { number: string; total: number }, gateway: string, key = `refund:${order.number}`) {
    return this.#ledger.post(market, {
      key,
      kind: 'refund',
      reference: order.number,
      legs: [
        { account: Accounts.escrow(order.number), amount: order.total },
        { account: Accounts.gatewayClearing(gateway), amount: -order.total },
      ],
    })
  }

  /** Whether the order's escrow was released to its seller (a refund then claws back). */
  async isReleased(market: MarketContext, orderNumber: string) {
    return Boolean(await market.table('ledger_transfers').where('transfer_key', `release:${orderNumber}`).select('id').first())
  }

  /**
   * A return's refund, once by its key. Before release it comes out of the
   * order's escrow. After release it is clawed back from the seller's
   * payable (which may go below zero: the seller then owes it, and payouts
   * wait until it is earned back), less the platform's commission on it,
   * which the platform gives back. `to` is the gateway's clearing account
   * (the refund leaves through the gateway) or the buyer's wallet (COD).
   */
  async refundReturn(market: MarketContext, input: { key: string; order: EscrowOrder; amount: number; goodsAmount: number; afterRelease: boolean; to: AccountSpec }) {
    if (!input.afterRelease) {
      return this.#ledger.post(market, {
        key: input.key,
        kind: 'refund',
        reference: input.order.number,
        legs: [
          { account: Accounts.escrow(input.order.number, input.order.shopPublicId), amount: input.amount },
          { account: input.to, amount: -input.amount },
        ],
      })
    }
    // The commission given back is at the rate the order was charged, whatever the market's rate is now.
    const commissionBack = Math.min(ppmOf(market, input.goodsAmount, (input.order.rates ?? feeRatesOf(market)).commissionPpm), input.amount)
    const payable = Accounts.sellerPayable(input.order.shopPublicId)
    return this.#ledger.post(market, {
      key: input.key,
      kind: 'clawback',
      reference: input.order.number,
      overdraw: [payable.code],
      legs: [
        { account: payable, amount: input.amount - commissionBack },
        { account: Accounts.platformCommission(), amount: commissionBack },
        { account: input.to, amount: -input.amount },
      ],
      metadata: { commissionBack },
    })
  }

  /** A seller asks to be paid: payable to payout clearing, refused beyond what is available. */
  async payout(market: MarketContext, payout: { publicId: string; shopPublicId: string; amount: number }) {
    await this.#ledger.post(market, {
      key: `payout:${payout.publicId}`,
      kind: 'payout',
      reference: payout.publicId,
      legs: [
        { account: Accounts.sellerPayable(payout.shopPublicId), amount: payout.amount },
        { account: Accounts.payoutClearing(), amount: -payout.amount },
      ],
    })
  }

  async payoutSettled(market: MarketContext, payout: { publicId: string; amount: number }, provider: string) {
    await this.#ledger.post(market, {
      key: `payout-settled:${payout.publicId}`,
      kind: 'payout_settled',
      reference: payout.publicId,
      legs: [
        { account: Accounts.payoutClearing(), amount: payout.amount },
        { account: Accounts.disbursements(provider), amount: -payout.amount },
      ],
    })
  }

  /** The disbursement failed: the money goes back to the seller's wallet. */
  async payoutFailed(market: MarketContext, payout: { publicId: string; shopPublicId: string; amount: number }) {
    await this.#ledger.post(market, {
      key: `payout-failed:${payout.publicId}`,
      kind: 'payout_failed',
      reference: payout.publicId,
      legs: [
        { account: Accounts.payoutClearing(), amount: payout.amount },
        { account: Accounts.sellerPayable(payout.shopPublicId), amount: -payout.amount },
      ],
    })
  }

  available(market: MarketContext, shopPublicId: string) {
    return this.#ledger.balance(market, Accounts.sellerPayable(shopPublicId))
  }

  escrowHeld(market: MarketContext, orderNumber: string) {
    return this.#ledger.balance(market, Accounts.escrow(orderNumber))
  }

  trialBalance(market: MarketContext, at?: Date) {
    return this.#ledger.trialBalance(market, at)
  }
}

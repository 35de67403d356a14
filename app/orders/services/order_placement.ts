import { requestHash } from '#http/idempotency'
import { DateTime } from 'luxon'
import logger from '@adonisjs/core/services/logger'
import type { MarketContext } from '#markets/market_context'
import type Account from '#identity/models/account'
import { priceCheckout, type CheckoutLineInput, type CheckoutQuote } from '#orders/services/checkout_pricing'
import { orderResource } from '#orders/transformers/order_resource'
import { DomainError } from '#exceptions/domain_error'
import { OrderWriter, type DraftedCheckout } from '#orders/services/order_writer'
import { toMinorUnits } from '#money/money'
import { fieldError } from '#exceptions/field_error'
import { FlashSaleService } from '#flash_sales/services/flash_sale_service'
import { FlashSaleGate } from '#flash_sales/services/flash_sale_gate'
import { CartService } from '#cart/services/cart_service'
import { CheckoutLimit } from '#orders/services/checkout_limit'
import { feeRatesOf } from '#escrow/services/escrow_service'

export interface PlaceOrderInput {
  lines?: CheckoutLineInput[]
  courier?: string
  paymentGateway?: string
  /** Voucher codes (a shop's and the platform's). */
  vouchers?: string[]
}

export interface StoredResponse {
  status: number
  body: unknown
}

function isDuplicate(error: unknown) {
  return (error as { code?: string })?.code === 'ER_DUP_ENTRY'
}

export class IdempotencyInProgressError extends DomainError {
  static status = 409
  static code = 'E_IDEMPOTENCY_IN_PROGRESS'
  constructor() {
    super('A request with this Idempotency-Key is still being processed; retry shortly')
  }
}

/**
 * Places a checkout. Everything that only reads (cart, flash sales, SKUs,
 * prices, tax, shipping) happens before any transaction, and the answer is
 * built from the very rows to be written; `OrderWriter` then writes them in
 * one shard transaction (grouped with other checkouts under load): the
 * idempotency key with its answer, one order per seller
 * (`pending_payment`) with lines that snapshot price, tax rate and config
 * revision, their history, `orders.placed` per order in the outbox, the
 * bought cart lines removed, and last the stock reservations (a SKU short
 * of stock is a 409 and nothing is written).
 *
 * The key's row is inserted first: a parallel request with the same key
 * waits on the unique index, then finds the committed answer and returns
 * it, so N requests with one key make exactly one checkout.
 */
export class OrderPlacement {
  #flashSales = new FlashSaleService()
  #gate = new FlashSaleGate()
  #cart = new CartService()
  #checkoutLimit = new CheckoutLimit()

  async place(market: MarketContext, buyer: Account, input: PlaceOrderInput, idempotencyKey: string): Promise<StoredResponse> {
    const hash = requestHash(input)
    const lines = input.lines ?? (await this.#cart.checkoutLines(market, buyer))
    // Flash-sale units are taken in Redis first (cheap, atomic); whatever
    // fails afterwards gives them back.
    const flash = await this.#flashSales.activeFor(market, lines.map((line) => line.sku))
    const taken: { sale: { publicId: string }; quantity: number }[] = []
    const overrides = new Map<string, { unitPrice: number; flashSaleId: number }>()
    let retry = false
    try {
      for (const line of lines) {
        const sale = flash.get(line.sku)
        if (!sale) continue
        const reserved = await this.#gate.reserve(market, sale, String(buyer.id), idempotencyKey, line.quantity, line.sku)
        if (reserved === 'retry') {
          retry = true
          break
        }
        taken.push({ sale, quantity: line.quantity })
        overrides.set(line.sku, { unitPrice: sale.priceAmount, flashSaleId: sale.id })
      }
    } catch (error) {
      await this.giveBack(market, buyer, idempotencyKey, taken)
      throw error
    }
    if (retry) {
      // This key already holds units of the sale: a retry of a request that
      // succeeded (or is still running) answers as that one did.
      await this.giveBack(market, buyer, idempotencyKey, taken)
      return this.answerFor(await this.stored(market, buyer, idempotencyKey), hash)
    }

    let checkoutId: string | undefined
    try {
      const quote = await priceCheckout(market, { lines, courier: input.courier, paymentGateway: input.paymentGateway, vouchers: input.vouchers }, overrides, buyer.id)
      // A voucher asked for that does not apply is the buyer's to fix (the quote said why): nothing is placed.
      const refused = quote.vouchers.find((outcome) => outcome.refusal)
      if (refused) {
        const index = (input.vouchers ?? []).findIndex((code) => code.toUpperCase() === refused.code)
        throw fieldError(`vouchers.${index}`, `voucher_${refused.refusal}`, `vouchers.${index}: voucher ${refused.code} does not apply (${refused.refusal})`, { code: refused.code })
      }
      // Counted only for a checkout about to be written: a flash-sale
      // refusal or an invalid cart costs no round trip for it.
      await this.#checkoutLimit.consume(market, buyer, idempotencyKey)
      const { parts, view, now } = this.draft(market, buyer, quote)
      checkoutId = view.checkoutId
      const response: StoredResponse = { status: 201, body: { data: view } }
      const idempotency = {
        buyer_id: buyer.id,
        idempotency_key: idempotencyKey,
        request_hash: hash,
        response_status: response.status,
        response_body: JSON.stringify(response.body),
        created_at: now,
      }
      await OrderWriter.write(market, { ...parts, idempotencyKey: idempotency })
      return response
    } catch (error) {
      const duplicateKey = isDuplicate(error) && String((error as { sqlMessage?: string }).sqlMessage).includes('idempotency')
      if (!duplicateKey) {
        await this.giveBack(market, buyer, idempotencyKey, taken)
        throw error
      }
      const stored = await this.stored(market, buyer, idempotencyKey)
      // Our own checkout, committed though the driver reported a failure
      // (the group fell back and met its own key): its units are sold.
      const ours = stored !== null && (JSON.parse(stored.response_body) as { data?: { checkoutId?: string } }).data?.checkoutId === checkoutId
      if (!ours) await this.giveBack(market, buyer, idempotencyKey, taken)
      return this.answerFor(stored, hash)
    }
  }

  private async stored(market: MarketContext, buyer: Account, idempotencyKey: string): Promise<Record<string, any> | null> {
    return (
      (await market
        .table('idempotency_keys')
        .where('buyer_id', buyer.id)
        .where('idempotency_key', idempotencyKey)
        .first()) ?? null
    )
  }

  /** The stored answer to a key: 409 while its request runs, 422 if it was used for another request. */
  private answerFor(stored: Record<string, any> | null, requestHash: string): StoredResponse {
    if (!stored) throw new IdempotencyInProgressError()
    if (stored.request_hash !== requestHash) {
      throw fieldError('Idempotency-Key', 'idempotencyReused', 'Idempotency-Key was used with a different request')
    }
    return { status: Number(stored.response_status), body: JSON.parse(stored.response_body) }
  }

  /**
   * Units a failed checkout took go back to the sale. If Redis does not
   * answer now, the sale is short of them until `flash-sales:reconcile
   * --fix` (never oversold); the checkout's own error is what the buyer gets.
   */
  private async giveBack(market: MarketContext, buyer: Account, idempotencyKey: string, taken: { sale: { publicId: string }; quantity: number }[]) {
    for (const unit of taken) {
      try {
        await this.#gate.giveBack(market, unit.sale, String(buyer.id), idempotencyKey, unit.quantity)
      } catch (error) {
        logger.warn({ err: error, market: market.code, sale: unit.sale.publicId }, 'flash-sale units not given back (Redis unreachable)')
      }
    }
  }

  /** What a checkout writes, and the view of its orders the buyer gets. */
  draft(market: MarketContext, buyer: Account, quote: CheckoutQuote) {
    const checkoutId = market.publicId()
    // DATETIME columns keep whole seconds: the answer shows what is stored.
    const now = DateTime.utc().startOf('second')
    const paymentDue = now.plus({ minutes: market.config.payments.paymentWindowMinutes })
    // The platform's rates of this config: the order is released and refunded at them, whatever ops change later.
    const rates = feeRatesOf(market)
    const orders = quote.parcels.map((parcel) => {
      const order = {
        number: market.publicId(),
        checkout_id: checkoutId,
        buyer_id: buyer.id,
        shop_id: parcel.shopId,
        status: 'pending_payment',
        currency: market.currency,
        goods_gross: toMinorUnits(parcel.goods.gross),
        goods_net: toMinorUnits(parcel.goods.net),
        goods_tax: toMinorUnits(parcel.goods.tax),
        shipping_fee: toMinorUnits(parcel.shipping.fee) - toMinorUnits(parcel.shipping.codSurcharge),
        cod_surcharge: toMinorUnits(parcel.shipping.codSurcharge),
        total: toMinorUnits(parcel.total),
        goods_discount_shop: parcel.discounts.goodsShop,
        goods_discount_platform: parcel.discounts.goodsPlatform,
        shipping_discount_shop: parcel.discounts.shippingShop,
        shipping_discount_platform: parcel.discounts.shippingPlatform,
        vouchers: parcel.vouchers.length ? JSON.stringify(parcel.vouchers) : null,
        courier_id: parcel.shipping.courier.id,
        payment_gateway: quote.gateway.id,
        config_revision: market.revision,
        commission_ppm: rates.commissionPpm,
        payment_fee_ppm: rates.paymentFeePpm,
        fixed_fee: rates.fixedFee,
        payment_due_at: paymentDue.toJSDate(),
        placed_at: now.toJSDate(),
        updated_at: now.toJSDate(),
      }
      const lines = parcel.lines.map((line) => ({
        sku_id: line.sku.id,
        sku_public_id: line.sku.publicId,
        product_public_id: line.sku.productPublicId,
        title: line.sku.title.slice(0, 200),
        options: JSON.stringify(line.sku.options),
        quantity: line.quantity,
        unit_price: line.sku.unitPrice,
        tax_category: line.taxed.rate.category,
        tax_rate: line.taxed.rate.rate,
        tax_effective_from: line.taxed.rate.effectiveFrom,
        taxable_base_numerator: line.taxed.rate.taxableBase?.numerator ?? null,
        taxable_base_denominator: line.taxed.rate.taxableBase?.denominator ?? null,
        gross: toMinorUnits(line.taxed.gross),
        net: toMinorUnits(line.taxed.net),
        tax: toMinorUnits(line.taxed.tax),
        weight_grams: line.sku.weightGrams,
        flash_sale_id: line.sku.flashSaleId ?? null,
        discount_shop: line.discountShop,
        discount_platform: line.discountPlatform,
      }))
      const history = {
        from_status: null,
        to_status: 'pending_payment',
        actor_type: 'buyer',
        actor_id: buyer.publicId,
        reason: null,
        occurred_at: now.toJSDate(),
      }
      return { order, lines, history, parcel }
    })
    const parts: Omit<DraftedCheckout, 'idempotencyKey'> = {
      orders: orders.map(({ order, lines, history }) => ({ order, lines, history })),
      events: orders.map(({ order }) => ({
        domain: 'orders',
        name: 'placed',
        correlationId: checkoutId,
        data: { number: order.number, checkoutId, buyer: buyer.publicId, total: order.total, currency: market.currency, paymentGateway: quote.gateway.id },
      })),
      cartLines: quote.parcels.flatMap((parcel) => parcel.lines.map((line) => ({ buyerId: buyer.id, skuId: line.sku.id }))),
      skus: quote.parcels.flatMap((parcel) => parcel.lines.map((line) => ({ sku: line.sku, quantity: line.quantity }))),
      // One use of each applied voucher for the whole checkout, its amount spread over the orders it gave to.
      redemptions: quote.vouchers
        .filter((outcome) => outcome.applied && outcome.applied.total > 0)
        .map((outcome) => {
          const applied = outcome.applied!
          const perOrder = orders
            .map(({ order, parcel }) => ({ number: order.number, amount: parcel.vouchers.find((entry) => entry.code === outcome.code)?.amount ?? 0 }))
            .filter((entry) => entry.amount > 0)
          return { voucherId: applied.voucher.id, code: applied.voucher.code, buyerId: buyer.id, checkoutId, perBuyerLimit: applied.voucher.perBuyerLimit, amount: applied.total, orders: perOrder }
        }),
    }
    const view = {
      checkoutId,
      orders: orders.map(({ order, lines, history, parcel }) => orderResource(market, { order, lines, history: [history], shop: parcel.shop })),
    }
    return { parts, view, now: now.toJSDate() }
  }
}

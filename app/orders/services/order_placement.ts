import { createHash } from 'node:crypto'
import { DateTime } from 'luxon'
import { toSnapshot } from 'dinero.js'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { MarketContext } from '#markets/market_context'
import type Account from '#identity/models/account'
import { priceCheckout, type CheckoutLineInput } from '#orders/services/checkout_pricing'
import { InventoryService } from '#inventory/services/inventory_service'
import { Outbox } from '#messaging/services/outbox'
import { marketPublicId } from '#shards/public_id'
import { fieldError } from '#exceptions/field_error'
import { FlashSaleService } from '#flash_sales/services/flash_sale_service'
import { FlashSaleGate } from '#flash_sales/services/flash_sale_gate'
import { CartService } from '#cart/services/cart_service'

export interface PlaceOrderInput {
  lines?: CheckoutLineInput[]
  courier?: string
  paymentGateway?: string
}

export interface StoredResponse {
  status: number
  body: unknown
}

const amountOf = (value: any) => Number(toSnapshot(value).amount)

/** Canonical JSON: the same body with keys in another order is the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`
  }
  return JSON.stringify(value ?? null)
}

function isDuplicate(error: unknown) {
  return (error as { code?: string })?.code === 'ER_DUP_ENTRY'
}

/**
 * Places a checkout: one shard transaction records the idempotency key,
 * creates one order per seller (`pending_payment`) with lines that snapshot
 * price, tax rate and config revision, reserves the stock (a SKU short of
 * stock is a 409 and nothing is written), clears the bought cart lines and
 * writes `orders.placed` per order to the outbox.
 *
 * The key's row is inserted first: a parallel request with the same key
 * waits on the unique index, then finds the committed response and returns
 * it, so N requests with one key make exactly one checkout.
 */
export class OrderPlacement {
  #inventory = new InventoryService()
  #flashSales = new FlashSaleService()
  #gate = new FlashSaleGate()

  async place(
    market: MarketContext,
    buyer: Account,
    input: PlaceOrderInput,
    idempotencyKey: string,
    locale: string,
    present: (checkoutId: string, trx: TransactionClientContract) => Promise<unknown>
  ): Promise<StoredResponse> {
    const requestHash = createHash('sha256').update(canonical(input)).digest('hex')
    // Flash-sale units are taken in Redis first (cheap, atomic); whatever
    // fails afterwards gives them back.
    const lines =
      input.lines ??
      (await new CartService().lines(market, buyer)).map((line) => ({ sku: line.sku as string, quantity: Number(line.quantity) }))
    const flash = await this.#flashSales.activeFor(market, lines.map((line) => line.sku))
    const taken: { saleId: number; quantity: number }[] = []
    const overrides = new Map<string, { unitPrice: number; flashSaleId: number }>()
    try {
      for (const line of lines) {
        const sale = flash.get(line.sku)
        if (!sale) continue
        await this.#gate.reserve(sale.id, String(buyer.id), line.quantity, sale.perBuyerLimit, line.sku)
        taken.push({ saleId: sale.id, quantity: line.quantity })
        overrides.set(line.sku, { unitPrice: sale.priceAmount, flashSaleId: sale.id })
      }
    } catch (error) {
      await this.giveBack(buyer, taken)
      throw error
    }
    try {
      return await market.transaction(async (trx) => {
        await trx.table('idempotency_keys').insert({
          market_code: market.code,
          buyer_id: buyer.id,
          idempotency_key: idempotencyKey,
          request_hash: requestHash,
          response_status: 0,
          response_body: '',
          created_at: new Date(),
        })
        const checkoutId = await this.createOrders(market, buyer, { ...input, lines }, locale, trx, overrides)
        const response = { status: 201, body: { data: await present(checkoutId, trx) } }
        await trx
          .from('idempotency_keys')
          .where('market_code', market.code)
          .where('buyer_id', buyer.id)
          .where('idempotency_key', idempotencyKey)
          .update({ response_status: response.status, response_body: JSON.stringify(response.body) })
        return response
      })
    } catch (error) {
      await this.giveBack(buyer, taken)
      if (!isDuplicate(error) || !String((error as { sqlMessage?: string }).sqlMessage).includes('idempotency')) throw error
      const stored = await market.db
        .from('idempotency_keys')
        .where('market_code', market.code)
        .where('buyer_id', buyer.id)
        .where('idempotency_key', idempotencyKey)
        .first()
      if (!stored || stored.request_hash !== requestHash) {
        throw fieldError('Idempotency-Key', 'idempotencyReused', 'Idempotency-Key was used with a different request')
      }
      return { status: Number(stored.response_status), body: JSON.parse(stored.response_body) }
    }
  }

  private async giveBack(buyer: Account, taken: { saleId: number; quantity: number }[]) {
    for (const unit of taken) await this.#gate.giveBack(unit.saleId, String(buyer.id), unit.quantity)
  }

  private async createOrders(
    market: MarketContext,
    buyer: Account,
    input: PlaceOrderInput & { lines: CheckoutLineInput[] },
    locale: string,
    trx: TransactionClientContract,
    overrides: Map<string, { unitPrice: number; flashSaleId: number }>
  ) {
    const lines = input.lines
    const quote = await priceCheckout(market, { lines, courier: input.courier, paymentGateway: input.paymentGateway }, locale, trx, overrides)
    const m = market.market
    const checkoutId = marketPublicId(market.code)
    const now = DateTime.utc()
    const paymentDue = now.plus({ minutes: m.payments.paymentWindowMinutes })

    for (const parcel of quote.parcels) {
      const number = marketPublicId(market.code)
      const [orderId] = await trx.table('orders').insert({
        number,
        checkout_id: checkoutId,
        market_code: market.code,
        buyer_id: buyer.id,
        shop_id: parcel.shopId,
        status: 'pending_payment',
        currency: m.currency,
        goods_gross: amountOf(parcel.goods.gross),
        goods_net: amountOf(parcel.goods.net),
        goods_tax: amountOf(parcel.goods.tax),
        shipping_fee: amountOf(parcel.shipping.fee) - amountOf(parcel.shipping.codSurcharge),
        cod_surcharge: amountOf(parcel.shipping.codSurcharge),
        total: amountOf(parcel.total),
        courier_id: parcel.shipping.courier.id,
        payment_gateway: quote.gateway.id,
        config_revision: m.revision,
        payment_due_at: paymentDue.toJSDate(),
        placed_at: now.toJSDate(),
        updated_at: now.toJSDate(),
      })
      for (const line of parcel.lines) {
        await this.#inventory.reserveStock(market, line.sku, line.quantity, trx)
        await trx.table('order_lines').insert({
          order_id: orderId,
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
          gross: amountOf(line.taxed.gross),
          net: amountOf(line.taxed.net),
          tax: amountOf(line.taxed.tax),
          weight_grams: line.sku.weightGrams,
          flash_sale_id: line.sku.flashSaleId ?? null,
        })
      }
      await trx.table('order_history').insert({
        order_id: orderId,
        from_status: null,
        to_status: 'pending_payment',
        actor_type: 'buyer',
        actor_id: buyer.publicId,
        reason: null,
        occurred_at: now.toJSDate(),
      })
      await Outbox.record(trx, market, {
        domain: 'orders',
        name: 'placed',
        correlationId: checkoutId,
        data: { number, checkoutId, buyer: buyer.publicId, total: amountOf(parcel.total), currency: m.currency, paymentGateway: quote.gateway.id },
      })
    }
    await trx
      .from('cart_lines')
      .where('buyer_id', buyer.id)
      .whereIn('sku_id', quote.parcels.flatMap((parcel) => parcel.lines.map((line) => line.sku.id)))
      .delete()
    return checkoutId
  }
}

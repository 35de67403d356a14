import { FLASH_SALE_DEFAULTS } from '#markets/overrides'
import type { DateTime } from 'luxon'
import type { MarketContext } from '#markets/market_context'
import { fieldError } from '#exceptions/field_error'
import { FlashSaleGate } from '#flash_sales/services/flash_sale_gate'
import { priceStep } from '#money/money'
import { CatalogCache } from '#catalog/services/catalog_cache'

export interface ActiveFlashSale {
  /** Row id in the market's shard: what order lines reference. */
  id: number
  /** What names the sale everywhere else, Redis included. */
  publicId: string
  skuId: number
  skuPublicId: string
  priceAmount: number
  perBuyerLimit: number
}

export interface FlashSaleInput {
  sku: string
  startsAt: DateTime
  endsAt: DateTime
  price: { amount: number; currency: string }
  stock: number
  perBuyerLimit: number
}

/** Flash sales of a market: scheduling (ops), lookup (checkout), reconciliation. */
export class FlashSaleService {
  #gate = new FlashSaleGate()
  #cache = new CatalogCache()

  async schedule(market: MarketContext, staffId: string, input: FlashSaleInput) {
    if (input.price.currency !== market.currency) throw fieldError('price', 'currency', `price must be in ${market.currency}`)
    if (input.price.amount % priceStep(market.currency, market.priceDecimals) !== 0) {
      throw fieldError('price', 'priceDecimals', `price has more decimals than ${market.currency} prices carry`)
    }
    if (input.endsAt <= input.startsAt) throw fieldError('endsAt', 'after', 'endsAt must be after startsAt')
    const rules = { ...FLASH_SALE_DEFAULTS, ...market.config.flashSales }
    if (market.config.features?.flashSales === false) throw fieldError('sku', 'featureOff', `flash sales are switched off in ${market.code}`)
    if (input.perBuyerLimit > rules.maxPerBuyerLimit) {
      throw fieldError('perBuyerLimit', 'max', `perBuyerLimit must be at most ${rules.maxPerBuyerLimit} in ${market.code}`, { max: rules.maxPerBuyerLimit })
    }
    if (input.endsAt.diff(input.startsAt, 'hours').hours > rules.maxDurationHours) {
      throw fieldError('endsAt', 'maxDuration', `endsAt: a flash sale lasts at most ${rules.maxDurationHours} hours in ${market.code}`, { max: rules.maxDurationHours })
    }
    const sku = await market
      .table('skus as s')
      .join('stock_levels as l', 'l.sku_id', 's.id')
      .where('s.public_id', input.sku)
      .select('s.id', 'l.available')
      .first()
    if (!sku) throw fieldError('sku', 'exists', 'sku is not a SKU of this market')
    if (input.stock > Number(sku.available)) {
      throw fieldError('stock', 'available', `stock is more than the ${sku.available} units available`)
    }
    const publicId = market.publicId()
    // The sale exists only if its counters are in Redis: loaded inside the
    // transaction, so a Redis outage leaves no half-scheduled sale (503).
    const id = await market.transaction(async (market) => {
      const inserted = await market.insert('flash_sales', {
        public_id: publicId,
        sku_id: sku.id,
        starts_at: input.startsAt.toJSDate(),
        ends_at: input.endsAt.toJSDate(),
        price_amount: input.price.amount,
        stock: input.stock,
        per_buyer_limit: input.perBuyerLimit,
        created_by: staffId,
        created_at: new Date(),
      })
      await this.#gate.load(market, { publicId, stock: input.stock, startsAt: input.startsAt.toJSDate(), endsAt: input.endsAt.toJSDate() })
      return inserted
    })
    await this.#cache.flashSalesChanged(market)
    return { id, publicId }
  }

  async list(market: MarketContext) {
    return market
      .table('flash_sales as f')
      .join('skus as s', 's.id', 'f.sku_id')
      .orderBy('f.starts_at', 'desc')
      .limit(200)
      .select('f.*', 's.public_id as sku_public_id')
  }

  /**
   * The sales open now for these SKUs (by public id), from the cached list
   * of the market's sales not yet ended (dropped in every process when a
   * sale is scheduled), so checkout pays no query for it.
   */
  async activeFor(market: MarketContext, skuPublicIds: string[], at = new Date()): Promise<Map<string, ActiveFlashSale>> {
    if (skuPublicIds.length === 0 || market.config.features?.flashSales === false) return new Map()
    const wanted = new Set(skuPublicIds)
    const sales = await this.#cache.flashSales(market, () => this.notEnded(market))
    const open = sales.filter((sale) => wanted.has(sale.skuPublicId) && sale.startsAt <= at.getTime() && at.getTime() < sale.endsAt)
    return new Map(open.map(({ startsAt: _s, endsAt: _e, ...sale }) => [sale.skuPublicId, sale]))
  }

  /**
   * Units of a cancelled flash order go back on sale, and back into the
   * buyer's allowance. (Its idempotency key keeps answering with that order.)
   */
  async returnUnits(market: MarketContext, saleId: number, buyerId: string, quantity: number) {
    const sale = await market.table('flash_sales').where('id', saleId).select('public_id').first()
    if (sale) await this.#gate.returnUnits(market, { publicId: sale.public_id }, buyerId, quantity)
  }

  private async notEnded(market: MarketContext) {
    const rows = await market
      .table('flash_sales as f')
      .join('skus as s', 's.id', 'f.sku_id')
      .where('f.ends_at', '>', new Date())
      .select('f.id', 'f.public_id', 'f.sku_id', 's.public_id as sku_public_id', 'f.price_amount', 'f.per_buyer_limit', 'f.starts_at', 'f.ends_at')
    return rows.map((row) => ({
      id: Number(row.id),
      publicId: row.public_id as string,
      skuId: Number(row.sku_id),
      skuPublicId: row.sku_public_id as string,
      priceAmount: Number(row.price_amount),
      perBuyerLimit: Number(row.per_buyer_limit),
      startsAt: new Date(row.starts_at).getTime(),
      endsAt: new Date(row.ends_at).getTime(),
    }))
  }

  /**
   * Compares each sale's Redis counters with what MySQL says was sold
   * (order lines of the sale in orders not cancelled). With `fix`, Redis is
   * reloaded from MySQL (e.g. after a Redis restart).
   */
  async reconcile(market: MarketContext, fix = false) {
    const sales = await market.table('flash_sales')
    const report: { sale: string; stock: number; soldInMysql: number; leftInRedis: number | null; drift: number | null; fixed: boolean }[] = []
    for (const sale of sales) {
      const sold = await market
        .table('orders as o')
        .join('order_lines as l', 'l.order_id', 'o.id')
        .where('l.flash_sale_id', sale.id)
        .whereNot('o.status', 'cancelled')
        .select('o.buyer_id')
        .sum('l.quantity as quantity')
        .groupBy('o.buyer_id')
      const soldTotal = sold.reduce((total, row) => total + Number(row.quantity), 0)
      const gated = { publicId: sale.public_id as string }
      const left = await this.#gate.remaining(market, gated)
      const expected = Number(sale.stock) - soldTotal
      const drift = left === null ? null : left - expected
      let fixed = false
      if (fix && drift !== 0) {
        const buyers = Object.fromEntries(sold.map((row) => [String(row.buyer_id), Number(row.quantity)]))
        await this.#gate.load(market, { ...gated, stock: Number(sale.stock), startsAt: new Date(sale.starts_at), endsAt: new Date(sale.ends_at) }, soldTotal, buyers)
        fixed = true
      }
      report.push({ sale: sale.public_id, stock: Number(sale.stock), soldInMysql: soldTotal, leftInRedis: left, drift, fixed })
    }
    return report
  }
}

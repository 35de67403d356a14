import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { DateTime } from 'luxon'
import markets from '#markets/services/main'
import { MarketContext } from '#markets/market_context'
import { FlashSaleService } from '#flash_sales/services/flash_sale_service'
import { AuditLog, originOf } from '#audit/services/audit_log'
import { moneyView } from '#money/money'

const scheduleValidator = vine.create(
  vine.object({
    sku: vine.string().trim().regex(/^[A-Z]{2}-[0-9A-HJKMNP-TV-Z]{26}$/),
    startsAt: vine.string().trim().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/),
    endsAt: vine.string().trim().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/),
    price: vine.object({ amount: vine.number().withoutDecimals().min(1), currency: vine.string().fixedLength(3) }),
    stock: vine.number().withoutDecimals().range([1, 1_000_000]),
    perBuyerLimit: vine.number().withoutDecimals().range([1, 100]),
  })
)

/** Ops schedule flash sales in the markets they cover (staff host). */
export default class OpsFlashSalesController {
  #sales = new FlashSaleService()

  async index({ params }: HttpContext) {
    const market = MarketContext.of(markets.find(String(params.code))!)
    const rows = await this.#sales.list(market)
    return {
      data: rows.map((row) => ({
        id: row.public_id,
        sku: row.sku_public_id,
        startsAt: new Date(row.starts_at).toISOString(),
        endsAt: new Date(row.ends_at).toISOString(),
        price: moneyView(Number(row.price_amount), market.market.currency, market.market.defaultLocale, market.market.priceDecimals),
        stock: Number(row.stock),
        perBuyerLimit: Number(row.per_buyer_limit),
      })),
    }
  }

  async store(ctx: HttpContext) {
    const market = MarketContext.of(markets.find(String(ctx.params.code))!)
    const input = await ctx.request.validateUsing(scheduleValidator)
    const staff = ctx.auth.use('staff').getUserOrFail()
    const sale = await this.#sales.schedule(market, staff.publicId, {
      ...input,
      // Times with their offset, or in the market's timezone at the edge.
      startsAt: DateTime.fromISO(input.startsAt, { zone: market.market.timezone }).toUTC(),
      endsAt: DateTime.fromISO(input.endsAt, { zone: market.market.timezone }).toUTC(),
    })
    await AuditLog.record(
      { action: 'orders.flash_sale_scheduled', actor: { type: 'staff', id: staff.publicId, email: staff.email }, target: { type: 'flash_sale', id: sale.publicId }, marketCode: market.code, details: input },
      originOf(ctx)
    )
    return ctx.response.created({ data: { id: sale.publicId } })
  }
}

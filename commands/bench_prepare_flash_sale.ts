import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import { randomBytes } from 'node:crypto'
import { FlashSaleService } from '#flash_sales/services/flash_sale_service'
import { VoucherService } from '#promotions/services/voucher_service'
import { storefrontTokens } from '#identity/auth/user_providers'

/**
 * Sets up `npm run bench:flash-sale` on the development databases: a flash
 * sale on a demo SKU of SG, a warm-up sale on another, a twin SKU row for
 * the raw-SQL baseline, two other SKUs for multi-line checkouts, and buyers
 * with tokens. Prints JSON.
 */
export default class BenchPrepareFlashSale extends BaseCommand {
  static commandName = 'bench:prepare-flash-sale'
  static description = 'Prepare the flash-sale benchmark data (development databases only)'
  static options: CommandOptions = { startApp: true }

  @flags.number({ default: 200 })
  declare stock: number

  @flags.number({ default: 1000 })
  declare buyers: number

  async run() {
    if (this.app.inProduction) throw new Error('not in production')
    const market = (await this.app.container.make('markets')).context('SG')
    const skus = await market
      .table('skus as s')
      .join('stock_levels as l', 'l.sku_id', 's.id')
      .join('products as p', 'p.id', 's.product_id')
      .where('p.status', 'active')
      .where('l.available', '>', 50)
      .orderBy('s.id')
      .limit(6)
      .select('s.id', 's.public_id', 'p.shop_id')
    if (skus.length < 6) throw new Error('run node ace db:seed first')
    const [flash, twin, warm, first, second, withVoucher] = skus
    for (const sku of [flash, twin, warm, withVoucher]) {
      await market.table('stock_levels').where('sku_id', sku.id).update({ available: this.stock + 10_000, reserved: 0 })
    }
    await market.table('stock_levels').whereIn('sku_id', [first.id, second.id]).update({ available: 1_000_000 })
    const sale = await new FlashSaleService().schedule(market, 'STF-bench', {
      sku: flash.public_id,
      startsAt: DateTime.utc().minus({ minutes: 1 }),
      endsAt: DateTime.utc().plus({ hours: 1 }),
      price: { amount: 100, currency: 'SGD' },
      stock: this.stock,
      perBuyerLimit: 1,
    })
    const warmSale = await new FlashSaleService().schedule(market, 'STF-bench', {
      sku: warm.public_id,
      startsAt: DateTime.utc().minus({ minutes: 1 }),
      endsAt: DateTime.utc().plus({ hours: 1 }),
      price: { amount: 100, currency: 'SGD' },
      stock: this.stock,
      perBuyerLimit: 1,
    })
    // The same sale again on another SKU, bought with a platform voucher on every order (its uses counted on one row).
    const voucherSale = await new FlashSaleService().schedule(market, 'STF-bench', {
      sku: withVoucher.public_id,
      startsAt: DateTime.utc().minus({ minutes: 1 }),
      endsAt: DateTime.utc().plus({ hours: 1 }),
      price: { amount: 100, currency: 'SGD' },
      stock: this.stock,
      perBuyerLimit: 1,
    })
    const voucherCode = `BENCH${randomBytes(4).toString('hex').toUpperCase()}`
    await new VoucherService().create(market, 'platform', { code: voucherCode, kind: 'fixed', amount: 10, startsAt: DateTime.utc().minus({ minutes: 1 }).toISO()!, endsAt: DateTime.utc().plus({ hours: 1 }).toISO()! }, { actor: 'STF-bench' })
    const password = await hash.make('bench password 2026')
    const tag = randomBytes(3).toString('hex')
    const now = new Date()
    const rows = Array.from({ length: this.buyers }, (_, index) => ({
      public_id: market.publicId(),
      role: 'buyer',
      email: `bench.${tag}.${index}@example.com`,
      full_name: 'Bench Buyer',
      password,
      status: 'active',
      email_verified_at: now,
      created_at: now,
      updated_at: now,
    }))
    for (let start = 0; start < rows.length; start += 500) await market.insert('users', rows.slice(start, start + 500))
    const ids = await market.table('users').where('email', 'like', `bench.${tag}.%`).orderBy('id').select('id')
    const tokens: string[] = []
    for (const { id } of ids) tokens.push((await storefrontTokens(market).create(Number(id), ['storefront'])).value!.release())
    process.stdout.write(
      `\n${JSON.stringify({ sku: flash.public_id, saleId: sale.id, warmSku: warm.public_id, warmSaleId: warmSale.id, twinSkuId: Number(twin.id), voucherSku: withVoucher.public_id, voucherSaleId: voucherSale.id, voucherCode, checkoutSkus: [first.public_id, second.public_id], tokens })}\n`
    )
  }
}

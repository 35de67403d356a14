import type { HttpContext } from '@adonisjs/core/http'
import { ProductService } from '#catalog/services/product_service'
import { InventoryService } from '#inventory/services/inventory_service'
import { createProductValidator, productIdParam, stockAdjustmentValidator, updateProductValidator } from '#catalog/validators/product'
import { sellerProduct } from '#catalog/transformers/seller_product'
import { sellerShop } from '#identity/seller_shop'
import { assertVerified } from '#identity/services/account_recovery'
import { idFromCursor, nextIdCursor, pageQueryValidator } from '#http/pagination'
import type Product from '#catalog/models/product'
import { emptyBodyValidator } from '#http/empty_body'

export default class SellerProductsController {
  #products = new ProductService()
  #inventory = new InventoryService()

  private seller(ctx: HttpContext) {
    return sellerShop(ctx)
  }

  private async present(ctx: HttpContext, product: Product) {
    const fresh = await this.#products.productById(ctx.market, product.id)
    const skus = await this.#products.skusOf(ctx.market, fresh)
    const levels = await this.#inventory.levels(ctx.market, skus.map((sku) => sku.id))
    return sellerProduct(ctx.market, fresh, skus, levels)
  }

  async index(ctx: HttpContext) {
    const { shop } = await this.seller(ctx)
    const { limit = 20, cursor } = await pageQueryValidator.validate(ctx.request.qs())
    const rows = await this.#products.listOwn(ctx.market, shop, { limit, afterId: idFromCursor(cursor) })
    const page = rows.slice(0, limit)
    const levels = await this.#inventory.levels(ctx.market, page.flatMap((product) => product.skus.map((sku) => sku.id)))
    return {
      data: page.map((product) => sellerProduct(ctx.market, product, product.skus, levels)),
      meta: { nextCursor: nextIdCursor(rows, limit) },
    }
  }

  async store(ctx: HttpContext) {
    const { shop, actor } = await this.seller(ctx)
    const input = await ctx.request.validateUsing(createProductValidator, { meta: { market: ctx.market, requireDefaultLocale: true } })
    if (input.status === 'active') assertVerified(ctx.auth.use('storefront').getUserOrFail())
    const product = await this.#products.create(ctx.market, shop, input, actor)
    return ctx.response.created({ data: await this.present(ctx, product) })
  }

  async show(ctx: HttpContext) {
    const { shop } = await this.seller(ctx)
    const { id } = await productIdParam.validate(ctx.params)
    return { data: await this.present(ctx, await this.#products.ownProduct(ctx.market, shop, id)) }
  }

  async update(ctx: HttpContext) {
    const { shop, actor } = await this.seller(ctx)
    const { id } = await productIdParam.validate(ctx.params)
    const input = await ctx.request.validateUsing(updateProductValidator, { meta: { market: ctx.market, requireDefaultLocale: false } })
    if (input.status === 'active') assertVerified(ctx.auth.use('storefront').getUserOrFail())
    const product = await this.#products.update(ctx.market, shop, id, input, actor)
    return { data: await this.present(ctx, product) }
  }

  async destroy(ctx: HttpContext) {
    await ctx.request.validateUsing(emptyBodyValidator)
    const { shop } = await this.seller(ctx)
    const { id } = await productIdParam.validate(ctx.params)
    await this.#products.remove(ctx.market, shop, id)
    return ctx.response.noContent()
  }

  async adjustStock(ctx: HttpContext) {
    const { shop, actor } = await this.seller(ctx)
    const { id } = await productIdParam.validate(ctx.params)
    const change = await ctx.request.validateUsing(stockAdjustmentValidator)
    const sku = await this.#products.ownSku(ctx.market, shop, id)
    const available = await this.#inventory.adjustStock(ctx.market, sku, change, actor)
    const levels = await this.#inventory.levels(ctx.market, [sku.id])
    return ctx.response.created({
      data: { sku: sku.publicId, delta: change.delta, reason: change.reason, available, reserved: levels.get(sku.id)?.reserved ?? 0 },
    })
  }
}

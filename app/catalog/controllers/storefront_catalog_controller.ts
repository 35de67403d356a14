import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { ProductBrowse } from '#catalog/services/product_browse'
import { listProductsValidator } from '#catalog/validators/product'

const productId = vine.create(vine.object({ id: vine.string().regex(/^[A-Z]{2}-[0-9A-HJKMNP-TV-Z]{26}$/) }))

export default class StorefrontCatalogController {
  #browse = new ProductBrowse()

  async categories({ market, locale }: HttpContext) {
    return { data: await this.#browse.categories(market, locale) }
  }

  async index({ request, market, locale }: HttpContext) {
    const filters = await listProductsValidator.validate(request.qs())
    return this.#browse.list(market, locale, filters)
  }

  async show({ params, market, locale }: HttpContext) {
    const { id } = await productId.validate(params)
    return { data: await this.#browse.detail(market, locale, id) }
  }
}

import type { HttpContext } from '@adonisjs/core/http'
import { ProductBrowse } from '#catalog/services/product_browse'
import { listProductsValidator, productIdParam } from '#catalog/validators/product'

export default class StorefrontCatalogController {
  #browse = new ProductBrowse()

  async categories({ market }: HttpContext) {
    return { data: await this.#browse.categories(market) }
  }

  async index({ request, market }: HttpContext) {
    const filters = await listProductsValidator.validate(request.qs())
    return this.#browse.list(market, filters)
  }

  async show({ params, market }: HttpContext) {
    const { id } = await productIdParam.validate(params)
    return { data: await this.#browse.detail(market, id) }
  }
}

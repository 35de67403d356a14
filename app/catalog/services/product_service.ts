import { DateTime } from 'luxon'
import type { MarketContext } from '#markets/market_context'
import Product from '#catalog/models/product'
import Sku from '#catalog/models/sku'
import type Shop from '#identity/models/shop'
import { CategoryService } from '#catalog/services/category_service'
import { CatalogChanges } from '#catalog/services/catalog_changes'
import { InventoryService, type StockActor } from '#inventory/services/inventory_service'
import { fieldError } from '#exceptions/field_error'
import { NotFoundError } from '#exceptions/not_found_error'
import { MAX_SKUS } from '#catalog/validators/product'

interface SkuInput {
  id?: string
  sellerSku?: string
  options?: Record<string, string>
  price?: { amount: number; currency: string }
  weightGrams?: number
  taxCategory?: string
  stock?: number
}

export interface ProductInput {
  category?: string
  titles?: Record<string, string>
  descriptions?: Record<string, string>
  brand?: string | null
  attributes?: Record<string, string>
  images?: string[]
  status?: 'draft' | 'active'
  skus?: SkuInput[]
}

function isDuplicate(error: unknown) {
  return (error as { code?: string })?.code === 'ER_DUP_ENTRY'
}

/**
 * A seller's products in their market. The whole write (product, SKUs,
 * stock, price range, the change event) is one shard transaction; caches
 * follow once it is committed, search on the worker.
 */
export class ProductService {
  #categories = new CategoryService()
  #inventory = new InventoryService()
  #changes = new CatalogChanges()

  async create(market: MarketContext, shop: Shop, input: ProductInput & { titles: Record<string, string>; skus: SkuInput[]; category: string }, actor: StockActor) {
    const category = await this.leafCategory(market, input.category)
    this.assertDistinctSellerSkus(input.skus)

    return market.transaction(async (market) => {
      const product = await market.create(Product, {
        publicId: market.publicId(),
        shopId: shop.id,
        categoryId: category.id,
        status: input.status ?? 'draft',
        titles: input.titles,
        descriptions: input.descriptions ?? {},
        brand: input.brand ?? null,
        attributes: input.attributes ?? {},
        images: input.images ?? [],
        publishedAt: input.status === 'active' ? DateTime.utc() : null,
      })
      for (const sku of input.skus) await this.createSku(market, product, sku, actor)
      await this.refreshDerived(market, product)
      await this.#changes.productsChanged(market, [product])
      return product
    })
  }

  async update(market: MarketContext, shop: Shop, publicId: string, input: ProductInput, actor: StockActor) {
    const category = input.category ? await this.leafCategory(market, input.category) : null
    this.assertDistinctSkuIds(input.skus ?? [])

    return market.transaction(async (market) => {
      const product = await this.ownProduct(market, shop, publicId, true)
      if (product.status === 'banned' && input.status === 'active') {
        throw fieldError('status', 'banned', 'status cannot be active: the product is banned')
      }
      if (category) product.categoryId = category.id
      if (input.titles) product.titles = { ...input.titles }
      if (input.descriptions) product.descriptions = { ...input.descriptions }
      if (input.brand !== undefined) product.brand = input.brand
      if (input.attributes) product.attributes = input.attributes
      if (input.images) product.images = input.images
      if (input.status && product.status !== 'banned') {
        if (input.status === 'active' && !product.publishedAt) product.publishedAt = DateTime.utc()
        product.status = input.status
      }
      if (product.titles[market.defaultLocale] === undefined) {
        throw fieldError('titles', 'defaultLocale', `titles needs the market's default locale ${market.defaultLocale}`)
      }
      await product.save()

      const skus = await market.query(Sku).where('product_id', product.id).forUpdate()
      const added = (input.skus ?? []).filter((change) => !change.id).length
      if (skus.length + added > MAX_SKUS) {
        throw fieldError('skus', 'maxSkus', `skus: a product has at most ${MAX_SKUS} SKUs (it has ${skus.length}, ${added} more were sent)`, { max: MAX_SKUS })
      }
      for (const [index, change] of (input.skus ?? []).entries()) {
        if (!change.id) {
          if (!change.sellerSku || !change.price || !change.weightGrams) {
            throw fieldError(`skus.${index}`, 'required', `skus.${index} needs sellerSku, price and weightGrams to be created`)
          }
          await this.createSku(market, product, change, actor, index)
          continue
        }
        const sku = skus.find((candidate) => candidate.publicId === change.id)
        if (!sku) throw fieldError(`skus.${index}.id`, 'exists', `skus.${index}.id is not a SKU of this product`)
        if (change.sellerSku !== undefined) sku.sellerSku = change.sellerSku
        if (change.options !== undefined) sku.options = change.options
        if (change.price !== undefined) sku.priceAmount = change.price.amount
        if (change.weightGrams !== undefined) sku.weightGrams = change.weightGrams
        if (change.taxCategory !== undefined) sku.taxCategory = change.taxCategory
        try {
          await sku.save()
        } catch (error) {
          if (isDuplicate(error)) throw fieldError(`skus.${index}.sellerSku`, 'unique', `skus.${index}.sellerSku is used by another SKU`)
          throw error
        }
      }
      await this.refreshDerived(market, product)
      await this.#changes.productsChanged(market, [product])
      return product
    })
  }

  /** Off the storefront for good; kept for the orders that reference it. */
  async remove(market: MarketContext, shop: Shop, publicId: string) {
    await market.transaction(async (market) => {
      const product = await this.ownProduct(market, shop, publicId, true)
      product.deletedAt = DateTime.utc()
      if (product.status === 'active') product.status = 'draft'
      await product.save()
      await this.#changes.productsChanged(market, [product])
    })
  }

  async setBan(market: MarketContext, publicId: string, reason: string | null) {
    return market.transaction(async (market) => {
      const product = await market.query(Product).where('public_id', publicId).whereNull('deleted_at').forUpdate().first()
      if (!product) throw new NotFoundError('product')
      // Lifting a ban that is not there changes nothing (it would take a live product off sale).
      if (!reason && product.status !== 'banned') return product
      product.status = reason ? 'banned' : 'draft'
      product.banReason = reason
      await product.save()
      await this.#changes.productsChanged(market, [product])
      return product
    })
  }

  /** A product of this seller's shop; another seller's is "not found", not "forbidden": ids do not leak. */
  async ownProduct(market: MarketContext, shop: Shop, publicId: string, lock = false) {
    const query = market.query(Product).where('public_id', publicId).where('shop_id', shop.id).whereNull('deleted_at')
    if (lock) query.forUpdate()
    const product = await query.first()
    if (!product) throw new NotFoundError('product')
    return product
  }

  async productById(market: MarketContext, id: number) {
    return market.query(Product).where('id', id).firstOrFail()
  }

  async listOwn(market: MarketContext, shop: Shop, options: { limit: number; afterId?: number }) {
    const query = market
      .query(Product)
      .where('shop_id', shop.id)
      .whereNull('deleted_at')
      .orderBy('id', 'desc')
      .limit(options.limit + 1)
      .preload('skus')
    if (options.afterId) query.where('id', '<', options.afterId)
    return query
  }

  async skusOf(market: MarketContext, product: Product) {
    return market.query(Sku).where('product_id', product.id).orderBy('id', 'asc')
  }

  async ownSku(market: MarketContext, shop: Shop, skuPublicId: string) {
    const sku = await market
      .query(Sku)
      .join('products', 'products.id', 'skus.product_id')
      .where('skus.public_id', skuPublicId)
      .where('products.shop_id', shop.id)
      .whereNull('products.deleted_at')
      .select('skus.*')
      .first()
    if (!sku) throw new NotFoundError('sku')
    return sku
  }

  private async createSku(market: MarketContext, product: Product, input: SkuInput, actor: StockActor, index = 0) {
    let sku: Sku
    try {
      sku = await market.create(Sku, {
        publicId: market.publicId(),
        productId: product.id,
        sellerSku: input.sellerSku!,
        options: input.options ?? {},
        priceAmount: input.price!.amount,
        currency: market.currency,
        weightGrams: input.weightGrams!,
        taxCategory: input.taxCategory ?? market.tax.defaultCategory,
      })
    } catch (error) {
      if (isDuplicate(error)) throw fieldError(`skus.${index}.sellerSku`, 'unique', `skus.${index}.sellerSku is used by another SKU`)
      throw error
    }
    await this.#inventory.openStock(market, sku, input.stock ?? 0, actor)
    return sku
  }

  /** Units sold, for the best-selling sort. */
  async countSold(market: MarketContext, productPublicId: string, quantity: number) {
    await market.table('products').where('public_id', productPublicId).increment('sold_count', quantity)
  }

  /** Price range and in-stock flag, denormalized for listings. */
  async refreshDerived(market: MarketContext, product: { id: number }) {
    await market.db.rawQuery(
      `UPDATE products p SET
         min_price = (SELECT COALESCE(MIN(price_amount), 0) FROM skus WHERE product_id = p.id),
         max_price = (SELECT COALESCE(MAX(price_amount), 0) FROM skus WHERE product_id = p.id),
         in_stock = EXISTS (SELECT 1 FROM skus s JOIN stock_levels l ON l.sku_id = s.id WHERE s.product_id = p.id AND l.available > 0)
       WHERE p.id = ?`,
      [product.id]
    )
  }

  /** Products are listed in leaf categories only (a parent lists its children's products). */
  private async leafCategory(market: MarketContext, slug: string) {
    const category = await this.#categories.findBySlug(market, slug)
    if (!category) throw fieldError('category', 'exists', 'category is not a category of this market')
    if (!(await this.#categories.isLeaf(market, category))) throw fieldError('category', 'leaf', 'category has subcategories: choose one of them')
    return category
  }

  private assertDistinctSkuIds(skus: SkuInput[]) {
    const seen = new Set<string>()
    skus.forEach((sku, index) => {
      if (sku.id && seen.has(sku.id)) throw fieldError(`skus.${index}.id`, 'distinct', `skus.${index}.id appears twice`)
      if (sku.id) seen.add(sku.id)
    })
  }

  private assertDistinctSellerSkus(skus: SkuInput[]) {
    const seen = new Set<string>()
    skus.forEach((sku, index) => {
      if (sku.sellerSku && seen.has(sku.sellerSku)) {
        throw fieldError(`skus.${index}.sellerSku`, 'distinct', `skus.${index}.sellerSku appears twice`)
      }
      if (sku.sellerSku) seen.add(sku.sellerSku)
    })
  }
}

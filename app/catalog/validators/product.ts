import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import type { MarketContext } from '#markets/market_context'
import { cursor, plainText, publicId, publicUrl, slug, SLUG } from '#validation/rules'
import { priceStep } from '#money/money'

/** SKUs a product may have, however they were added. */
export const MAX_SKUS = 50

/** Product validators get the market context through `meta: { market }`. */
const marketOf = (field: FieldContext) => (field.meta as { market: MarketContext }).market

/** Keys are the market's locales; the default locale is required. */
const marketLocales = vine.createRule((value: unknown, _: undefined, field: FieldContext) => {
  if (!value || typeof value !== 'object') return
  const market = marketOf(field)
  for (const key of Object.keys(value)) {
    if (!market.locales.includes(key)) {
      field.report(`{{ field }} has "${key}", not a locale of this market (${market.locales.join(', ')})`, 'locale', field)
      return
    }
  }
  if (field.meta.requireDefaultLocale && !(market.defaultLocale in value)) {
    field.report(`{{ field }} needs the market's default locale ${market.defaultLocale}`, 'defaultLocale', field)
  }
})

/**
 * A price is integer minor units in the market currency, positive, with no
 * more decimals than the market prices in (IDR: whole rupiah, so a multiple
 * of 100 minor units), and not above the market's maximum order value.
 */
const marketPrice = vine.createRule((value: unknown, _: undefined, field: FieldContext) => {
  const price = value as { amount: number; currency: unknown }
  if (!price || !Number.isSafeInteger(price.amount) || typeof price.currency !== 'string') return
  const market = marketOf(field)
  if (price.currency !== market.currency) {
    field.report(`{{ field }} must be in ${market.currency}, the currency of this market`, 'currency', field)
    return
  }
  const step = priceStep(market.currency, market.priceDecimals)
  if (price.amount % step !== 0) {
    field.report(
      `{{ field }} has more decimals than ${market.currency} prices carry (${market.priceDecimals})`,
      'priceDecimals',
      field
    )
    return
  }
  if (price.amount > market.limits.maxOrderValue) {
    field.report(`{{ field }} is above this market's maximum order value`, 'maxOrderValue', field)
  }
})

const marketTaxCategory = vine.createRule((value: unknown, _: undefined, field: FieldContext) => {
  if (typeof value !== 'string') return
  const categories = Object.keys(marketOf(field).tax.categories)
  if (!categories.includes(value)) {
    field.report(`{{ field }} "${value}" is not a tax category of this market (${categories.join(', ')})`, 'taxCategory', field)
  }
})

const nonZero = vine.createRule((value: unknown, _: undefined, field: FieldContext) => {
  if (value === 0) field.report('{{ field }} must not be zero', 'nonZero', field)
})

const localized = (min: number, max: number) => vine.record(plainText(min, max)).use(marketLocales())

const price = () =>
  vine
    .object({
      amount: vine.number({ strict: true }).withoutDecimals().min(1).max(Number.MAX_SAFE_INTEGER),
      currency: vine.string().fixedLength(3),
    })
    .use(marketPrice())

const skuFields = {
  sellerSku: vine.string().trim().regex(/^[A-Za-z0-9._\-/]{1,64}$/),
  options: vine.record(plainText(1, 60)).optional(),
  price: price(),
  weightGrams: vine.number({ strict: true }).withoutDecimals().range([1, 300_000]),
  taxCategory: vine.string().trim().use(marketTaxCategory()).optional(),
}

const productFields = {
  category: slug(80),
  brand: plainText(1, 80).nullable().optional(),
  attributes: vine.record(plainText(1, 200)).optional(),
  images: vine.array(publicUrl()).maxLength(9).optional(),
  status: vine.enum(['draft', 'active'] as const).optional(),
}

export const createProductValidator = vine.create(
  vine.object({
    ...productFields,
    titles: localized(3, 200),
    descriptions: localized(0, 5000).optional(),
    skus: vine
      .array(vine.object({ ...skuFields, stock: vine.number({ strict: true }).withoutDecimals().range([0, 1_000_000]).optional() }))
      .minLength(1)
      .maxLength(MAX_SKUS),
  })
)

export const updateProductValidator = vine.create(
  vine.object({
    category: productFields.category.optional(),
    brand: productFields.brand,
    attributes: productFields.attributes,
    images: productFields.images,
    status: productFields.status,
    titles: localized(3, 200).optional(),
    descriptions: localized(0, 5000).optional(),
    skus: vine
      .array(
        vine.object({
          id: publicId().optional(),
          sellerSku: skuFields.sellerSku.optional(),
          options: skuFields.options,
          price: price().optional(),
          weightGrams: skuFields.weightGrams.optional(),
          taxCategory: skuFields.taxCategory,
          // No `stock`: stock changes go through stock adjustments (recorded, never below zero).
        })
      )
      .maxLength(MAX_SKUS)
      .optional(),
  })
)

export const stockAdjustmentValidator = vine.create(
  vine.object({
    delta: vine.number({ strict: true }).withoutDecimals().range([-1_000_000, 1_000_000]).use(nonZero()),
    reason: vine.enum(['restock', 'correction', 'damaged', 'returned'] as const),
    note: plainText(0, 500).nullable().optional(),
  })
)

export const banProductValidator = vine.create(
  vine.object({
    reason: plainText(3, 500),
  })
)

/** Filters shared by the listing and the search endpoints. */
export const browseFilters = {
  category: slug(80).optional(),
  seller: vine.string().trim().toLowerCase().regex(SLUG).maxLength(60).optional(),
  minPrice: vine.number().withoutDecimals().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  maxPrice: vine.number().withoutDecimals().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  inStock: vine.boolean().optional(),
  sort: vine.enum(['relevance', 'newest', 'price_asc', 'price_desc', 'best_selling'] as const).optional(),
  limit: vine.number().withoutDecimals().range([1, 100]).optional(),
  cursor: cursor().optional(),
}

export const listProductsValidator = vine.create(vine.object(browseFilters))

export const productIdParam = vine.create(vine.object({ id: publicId() }))

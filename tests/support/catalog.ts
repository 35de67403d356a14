import { randomBytes } from 'node:crypto'
import { CategoryService } from '#catalog/services/category_service'
import { ProductService } from '#catalog/services/product_service'
import type { MarketContext } from '#markets/market_context'
import { accountFactory, marketContext } from '#tests/support/identity'

/** A small category tree: fashion > men > (men-tshirts, men-polos), fashion > women; electronics. Products go in leaves. */
export async function categoryTree(code: string) {
  const market = await marketContext(code)
  const service = new CategoryService()
  const suffix = randomBytes(3).toString('hex')
  const names = (name: string) => Object.fromEntries(market.locales.map((locale) => [locale, `${name} (${locale})`]))
  const fashion = await service.create(market, { slug: `fashion-${suffix}`, names: names('Fashion') })
  const men = await service.create(market, { slug: `men-${suffix}`, names: names('Men'), parent: fashion })
  const tshirts = await service.create(market, { slug: `men-tshirts-${suffix}`, names: names('T-Shirts'), parent: men })
  const polos = await service.create(market, { slug: `men-polos-${suffix}`, names: names('Polos'), parent: men })
  const women = await service.create(market, { slug: `women-${suffix}`, names: names('Women'), parent: fashion })
  const electronics = await service.create(market, { slug: `electronics-${suffix}`, names: names('Electronics') })
  return { market, fashion, men, tshirts, polos, women, electronics }
}

export function titlesFor(market: MarketContext, title: string) {
  return Object.fromEntries(market.locales.map((locale) => [locale, title]))
}

/** A seller with an active product of one SKU per price, through the real service. */
export async function productFactory(
  code: string,
  options: { category: string; prices: number[]; stock?: number; title?: string; brand?: string; titles?: Record<string, string>; seller?: Awaited<ReturnType<typeof accountFactory>> }
) {
  const seller = options.seller ?? (await accountFactory(code, 'seller'))
  const market = seller.market
  const product = await new ProductService().create(
    market,
    seller.shop!,
    {
      category: options.category,
      titles: options.titles ?? titlesFor(market, options.title ?? `Product ${randomBytes(3).toString('hex')}`),
      brand: options.brand ?? 'Acme',
      status: 'active',
      skus: options.prices.map((amount, index) => ({
        sellerSku: `SKU-${index + 1}`,
        price: { amount, currency: market.currency },
        weightGrams: 250,
        stock: options.stock ?? 10,
      })),
    },
    { type: 'seller', id: seller.account.publicId }
  )
  return { product, seller, market }
}

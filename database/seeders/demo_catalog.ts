import hash from '@adonisjs/core/services/hash'
import type { MarketContext } from '#markets/market_context'
import { priceStep } from '#money/money'
import { CategoryService } from '#catalog/services/category_service'
import type Category from '#catalog/models/category'
import { ProductDocuments } from '#catalog/services/product_documents'
import { searchDriver } from '#search/services/search_service'
import {
  CATEGORY_TREE,
  DESCRIPTION_TEMPLATES,
  TITLE_SUFFIXES,
  type CategorySeed,
  type ProductFamily,
  type VocabularyLanguage,
} from './catalog_vocabulary.js'

/** US dollar to each demo currency, ×100, for plausible demo prices only. */
const USD_RATE_X100: Record<string, number> = {
  SGD: 135,
  MYR: 470,
  IDR: 1_580_000,
  THB: 3_600,
  VND: 2_500_000,
  PHP: 5_700,
  TWD: 3_200,
  BRL: 500,
}

export const DEMO_PASSWORD = 'demo password 2026'

/** Deterministic randomness (mulberry32): the same market and seed give the same catalog. */
export function seededRandom(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function vocabularyLanguage(locale: string): VocabularyLanguage {
  const tag = locale.toLowerCase()
  if (tag === 'zh-tw' || tag === 'zh-hk') return 'zh-TW'
  const language = tag.split('-')[0]
  if (['en', 'id', 'ms', 'th', 'vi', 'fil', 'zh', 'pt'].includes(language)) return language as VocabularyLanguage
  return 'en'
}

interface Leaf {
  category: Category
  families: ProductFamily[]
}

/**
 * The demo catalog of one market: categories, sellers with shops, products
 * with localized titles, SKUs, stock and search documents. Idempotent: it
 * tops the market up to the requested number of demo products. Rows are
 * written with multi-row INSERTs, so 100,000 products take minutes.
 */
export class DemoCatalogSeeder {
  #categories = new CategoryService()

  constructor(
    private market: MarketContext,
    private log: (line: string) => void = () => {}
  ) {}

  private get codeLower() {
    return this.market.code.toLowerCase()
  }

  private names(names: Record<VocabularyLanguage, string>) {
    return Object.fromEntries(this.market.locales.map((locale) => [locale, names[vocabularyLanguage(locale)]]))
  }

  async categories(): Promise<Leaf[]> {
    const leaves: Leaf[] = []
    const walk = async (seeds: CategorySeed[], parent: Category | null) => {
      for (const [position, seed] of seeds.entries()) {
        const slug = seed.slug
        let category = await this.#categories.findBySlug(this.market, slug)
        if (!category) {
          category = await this.#categories.create(this.market, { slug, names: this.names(seed.names), parent, position })
        }
        if (seed.children?.length) await walk(seed.children, category)
        else leaves.push({ category, families: seed.families ?? [] })
      }
    }
    await walk(CATEGORY_TREE, null)
    return leaves.filter((leaf) => leaf.families.length > 0)
  }

  /** Demo sellers (`seller<n>@<market>.demo.pasar.test`) and one demo buyer. */
  async sellers(count: number): Promise<number[]> {
    const market = this.market
    const passwordHash = await hash.make(DEMO_PASSWORD)
    const now = new Date()
    const emails = Array.from({ length: count }, (_, index) => `seller${index + 1}@${this.codeLower}.demo.pasar.test`)
    const existing = new Set(
      (await market.table('users').whereIn('email', emails).select('email')).map((row) => row.email)
    )
    const buyer = `buyer@${this.codeLower}.demo.pasar.test`
    const rows = [...emails.filter((email) => !existing.has(email)), ...(existing.has(buyer) ? [] : [buyer])]
    const hasBuyer = await market.table('users').where('email', buyer).first()
    for (const email of rows) {
      if (email === buyer && hasBuyer) continue
      const seller = email !== buyer
      await market.insert('users', {
        public_id: market.publicId(),
        role: seller ? 'seller' : 'buyer',
        email,
        full_name: seller ? `Demo Seller ${email.split('@')[0].replace('seller', '')}` : 'Demo Buyer',
        password: passwordHash,
        status: 'active',
        password_changed_at: now,
        // Demo accounts are ready to buy and sell.
        email_verified_at: now,
        created_at: now,
        updated_at: now,
      })
    }
    // Demo accounts seeded before e-mail verification existed are verified too.
    await market.table('users').whereIn('email', [...emails, buyer]).whereNull('email_verified_at').update({ email_verified_at: now })
    const sellers = await market.table('users').whereIn('email', emails).select('id', 'email')
    const shopIds: number[] = []
    for (const seller of sellers) {
      let shop = await market.table('shops').where('user_id', seller.id).first()
      if (!shop) {
        const number = seller.email.split('@')[0].replace('seller', '')
        await market.insert('shops', {
          public_id: market.publicId(),
          user_id: seller.id,
          name: `${market.name} Demo Shop ${number}`,
          slug: `demo-shop-${number}`,
          pickup_address: JSON.stringify({
            line1: `${number} Demo Street`,
            city: market.name,
            postalCode: '10000',
            country: this.market.code,
            contactName: `Demo Seller ${number}`,
            contactPhone: '+6590000000',
          }),
          tax_id: null,
          created_at: now,
          updated_at: now,
        })
        shop = await market.table('shops').where('user_id', seller.id).first()
      }
      shopIds.push(Number(shop.id))
    }
    return shopIds
  }

  async products(target: number, options: { sellers?: number; batchSize?: number } = {}) {
    const leaves = await this.categories()
    const shops = await this.sellers(options.sellers ?? Math.max(20, Math.min(1000, Math.ceil(target / 100))))
    const [{ count }] = await this.market
      .table('products')
      .whereIn('shop_id', shops)
      .count('* as count')
    const existing = Number(count)
    const missing = Math.max(0, target - existing)
    this.log(`${this.market.code}: ${existing} demo products, adding ${missing}`)
    const batchSize = options.batchSize ?? 1000
    const rand = seededRandom(this.market.code.charCodeAt(0) * 1000 + this.market.code.charCodeAt(1) + existing)
    const started = Date.now()
    for (let done = 0; done < missing; done += batchSize) {
      await this.batch(Math.min(batchSize, missing - done), leaves, shops, rand, existing + done)
      if ((done / batchSize) % 10 === 9) this.log(`${this.market.code}: ${existing + done + batchSize} products (${Math.round((Date.now() - started) / 1000)} s)`)
    }
    return { existing, added: missing }
  }

  /** Shelf-price rounding per currency, in minor units: [round to, then subtract]. */
  static SHELF: Record<string, [number, number]> = {
    SGD: [10, 1],
    MYR: [10, 1],
    BRL: [10, 1],
    THB: [100, 0],
    PHP: [100, 0],
    TWD: [100, 0],
    IDR: [10_000, 0],
    VND: [1_000, 0],
  }

  private price(family: ProductFamily, rand: () => number) {
    const [low, high] = family.priceUsdCents
    const usdCents = Math.round(low + (high - low) * rand() ** 2)
    const currency = this.market.currency
    const exponent = this.market.currencyExponent
    // Whole minor units of the market currency, then a shelf price (S$12.99, Rp59.900, ₫259.000).
    const minor = Math.floor((usdCents * USD_RATE_X100[currency] * 10 ** exponent) / 10_000)
    const [shelf, minus] = DemoCatalogSeeder.SHELF[currency] ?? [priceStep(currency, this.market.priceDecimals), 0]
    return Math.max(shelf, Math.round(minor / shelf) * shelf) - minus
  }

  private async batch(size: number, leaves: Leaf[], shops: number[], rand: () => number, offset: number) {
    const market = this.market
    const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]
    const now = Date.now()
    const products: Record<string, unknown>[] = []
    const plans: { publicId: string; family: ProductFamily; variants: Record<string, string>[] ; taxCategory: string }[] = []

    for (let i = 0; i < size; i++) {
      const leaf = pick(leaves)
      const family = pick(leaf.families)
      const brand = pick(family.brands)
      const qualifierIndexes = [Math.floor(rand() * 100), Math.floor(rand() * 100)]
      const suffixIndex = Math.floor(rand() * 100)
      const titles: Record<string, string> = {}
      const descriptions: Record<string, string> = {}
      for (const locale of market.locales) {
        const language = vocabularyLanguage(locale)
        const qualifiers = family.qualifiers[language]
        const first = qualifiers[qualifierIndexes[0] % qualifiers.length]
        const second = qualifiers[(qualifierIndexes[0] + 1 + (qualifierIndexes[1] % (qualifiers.length - 1))) % qualifiers.length]
        const suffixes = TITLE_SUFFIXES[language]
        titles[locale] = `${brand} ${family.noun[language]} ${first} ${second} ${suffixes[suffixIndex % suffixes.length]}`.slice(0, 200)
        const templates = DESCRIPTION_TEMPLATES[language]
        descriptions[locale] = templates[suffixIndex % templates.length]
          .replaceAll('{noun}', family.noun[language])
          .replaceAll('{brand}', brand)
          .replaceAll('{qualifier}', first)
      }
      const publicId = market.publicId()
      const option = family.options[0]
      const variantCount = option ? 1 + Math.floor(rand() * Math.min(3, option.values.en.length)) : 1
      const start = option ? Math.floor(rand() * option.values.en.length) : 0
      const variants = Array.from({ length: variantCount }, (_, index) =>
        option
          ? Object.fromEntries(
              [[option.name[vocabularyLanguage(market.defaultLocale)], option.values[vocabularyLanguage(market.defaultLocale)][(start + index) % option.values.en.length]]]
            )
          : {}
      )
      const taxCategory = family.taxCategory in market.tax.categories ? family.taxCategory : market.tax.defaultCategory
      const sold = Math.floor(rand() ** 3 * 5000)
      products.push({
        public_id: publicId,
        shop_id: pick(shops),
        category_id: leaf.category.id,
        status: 'active',
        titles: JSON.stringify(titles),
        descriptions: JSON.stringify(descriptions),
        brand,
        attributes: JSON.stringify({ demo: 'true' }),
        images: JSON.stringify([`https://img.pasar.test/${market.code.toLowerCase()}/${offset + i}.jpg`]),
        min_price: 0,
        max_price: 0,
        in_stock: false,
        sold_count: sold,
        published_at: new Date(now - Math.floor(rand() * 180 * 86_400_000)),
        created_at: new Date(now),
        updated_at: new Date(now),
      })
      plans.push({ publicId, family, variants, taxCategory })
    }

    await market.transaction(async (market) => {
      await insertMany(market, 'products', products)
      const ids = new Map(
        (await market.table('products').whereIn('public_id', plans.map((plan) => plan.publicId)).select('id', 'public_id')).map((row) => [row.public_id, Number(row.id)])
      )
      const skus: Record<string, unknown>[] = []
      for (const plan of plans) {
        const base = this.price(plan.family, rand)
        plan.variants.forEach((options, index) => {
          skus.push({
            public_id: market.publicId(),
            product_id: ids.get(plan.publicId),
            seller_sku: `DEMO-${ids.get(plan.publicId)}-${index + 1}`,
            options: JSON.stringify(options),
            price_amount: base + index * (DemoCatalogSeeder.SHELF[market.currency]?.[0] ?? 100) * 10,
            currency: market.currency,
            weight_grams: Math.round(plan.family.weightGrams[0] + (plan.family.weightGrams[1] - plan.family.weightGrams[0]) * rand()),
            tax_category: plan.taxCategory,
            created_at: new Date(now),
            updated_at: new Date(now),
          })
        })
      }
      await insertMany(market, 'skus', skus)
      const skuRows = await market.table('skus').whereIn('public_id', skus.map((sku) => sku.public_id as string)).select('id')
      const stock = skuRows.map((row) => ({ sku_id: row.id, available: rand() < 0.08 ? 0 : 5 + Math.floor(rand() * 200) }))
      await insertMany(
        market,
        'stock_levels',
        stock.map((level) => ({ sku_id: level.sku_id, available: level.available, reserved: 0, updated_at: new Date(now) }))
      )
      await insertMany(
        market,
        'stock_adjustments',
        stock
          .filter((level) => level.available > 0)
          .map((level) => ({
            sku_id: level.sku_id,
            delta: level.available,
            reason: 'initial',
            note: 'demo seed',
            actor_type: 'system',
            actor_id: null,
            available_after: level.available,
            created_at: new Date(now),
          }))
      )
      const productIds = [...ids.values()]
      await market.db.rawQuery(
        `UPDATE products p SET
           min_price = (SELECT MIN(price_amount) FROM skus WHERE product_id = p.id),
           max_price = (SELECT MAX(price_amount) FROM skus WHERE product_id = p.id),
           in_stock = EXISTS (SELECT 1 FROM skus s JOIN stock_levels l ON l.sku_id = s.id WHERE s.product_id = p.id AND l.available > 0)
         WHERE p.id IN (${productIds.map(() => '?').join(',')})`,
        productIds
      )
    })
    const documents = await new ProductDocuments().forProducts(this.market, [...(await this.idsOf(plans.map((plan) => plan.publicId)))])
    await searchDriver().index(this.market, documents.index)
  }

  private async idsOf(publicIds: string[]) {
    const rows = await this.market.table('products').whereIn('public_id', publicIds).select('id')
    return rows.map((row) => Number(row.id))
  }
}

async function insertMany(market: MarketContext, table: string, rows: Record<string, unknown>[]) {
  for (let start = 0; start < rows.length; start += 1000) await market.insert(table, rows.slice(start, start + 1000))
}

import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Catalog of the shard's markets: a category tree, products with localized
 * content, their SKUs (price in integer minor units of the market currency),
 * the stock of each SKU and the record of every stock change.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('categories', (table) => {
      table.bigIncrements('id')
      table.string('market_code', 2).notNullable()
      table.bigInteger('parent_id').unsigned().nullable().references('id').inTable('categories')
      table.string('slug', 80).notNullable()
      // Materialized path of ids, '/3/17/42/': descendants are a prefix query.
      table.string('path', 255).notNullable()
      table.json('names').notNullable()
      table.integer('position').notNullable().defaultTo(0)
      table.datetime('created_at').notNullable()
      table.datetime('updated_at').notNullable()
      table.unique(['market_code', 'slug'])
      table.index(['market_code', 'path'])
    })

    this.schema.createTable('products', (table) => {
      table.bigIncrements('id')
      table.string('public_id', 32).notNullable().unique()
      table.string('market_code', 2).notNullable()
      table.bigInteger('shop_id').unsigned().notNullable().references('id').inTable('shops')
      table.bigInteger('category_id').unsigned().notNullable().references('id').inTable('categories')
      table.enum('status', ['draft', 'active', 'banned']).notNullable().defaultTo('draft')
      table.json('titles').notNullable()
      table.json('descriptions').notNullable()
      table.string('brand', 80).nullable()
      table.json('attributes').notNullable()
      table.json('images').notNullable()
      // Denormalized from the SKUs for listing filters and sorts.
      table.bigInteger('min_price').notNullable().defaultTo(0)
      table.bigInteger('max_price').notNullable().defaultTo(0)
      table.boolean('in_stock').notNullable().defaultTo(false)
      table.integer('sold_count').unsigned().notNullable().defaultTo(0)
      table.string('ban_reason', 500).nullable()
      table.datetime('published_at').nullable()
      table.datetime('deleted_at').nullable()
      table.datetime('created_at').notNullable()
      table.datetime('updated_at').notNullable()
      table.index(['market_code', 'status', 'published_at'], 'products_newest')
      table.index(['market_code', 'status', 'min_price'], 'products_price')
      table.index(['market_code', 'status', 'sold_count'], 'products_best_selling')
      table.index(['market_code', 'category_id', 'status'], 'products_category')
      table.index(['shop_id', 'status'])
    })

    this.schema.createTable('skus', (table) => {
      table.bigIncrements('id')
      table.string('public_id', 32).notNullable().unique()
      table.bigInteger('product_id').unsigned().notNullable().references('id').inTable('products').onDelete('CASCADE')
      table.string('market_code', 2).notNullable()
      table.string('seller_sku', 64).notNullable()
      table.json('options').notNullable()
      table.bigInteger('price_amount').notNullable()
      table.string('currency', 3).notNullable()
      table.integer('weight_grams').unsigned().notNullable()
      table.string('tax_category', 40).notNullable()
      table.datetime('created_at').notNullable()
      table.datetime('updated_at').notNullable()
      table.unique(['product_id', 'seller_sku'])
    })

    // Stock of a SKU. Written only by the inventory service, always with a
    // conditional UPDATE: `available` never goes below zero.
    this.schema.createTable('stock_levels', (table) => {
      table.bigInteger('sku_id').unsigned().primary().references('id').inTable('skus').onDelete('CASCADE')
      table.string('market_code', 2).notNullable()
      table.integer('available').unsigned().notNullable().defaultTo(0)
      table.integer('reserved').unsigned().notNullable().defaultTo(0)
      table.datetime('updated_at').notNullable()
    })

    this.schema.createTable('stock_adjustments', (table) => {
      table.bigIncrements('id')
      table.bigInteger('sku_id').unsigned().notNullable().references('id').inTable('skus').onDelete('CASCADE')
      table.string('market_code', 2).notNullable()
      table.integer('delta').notNullable()
      table.enum('reason', ['restock', 'correction', 'damaged', 'returned', 'initial']).notNullable()
      table.string('note', 500).nullable()
      table.string('actor_type', 20).notNullable()
      table.string('actor_id', 32).nullable()
      table.integer('available_after').unsigned().notNullable()
      table.datetime('created_at').notNullable()
      table.index(['sku_id', 'created_at'])
    })

    // Owned by the search domain: what the embedded MySQL driver searches.
    // `grams` holds character bigrams of Thai and Chinese text, encoded as
    // ASCII words so InnoDB FULLTEXT (which splits on spaces) can index them.
    this.schema.createTable('search_documents', (table) => {
      table.bigInteger('product_id').unsigned().primary()
      table.string('public_id', 32).notNullable()
      table.string('market_code', 2).notNullable()
      table.json('titles').notNullable()
      table.string('brand', 80).nullable()
      table.string('image', 500).nullable()
      table.bigInteger('category_id').unsigned().notNullable()
      table.string('category_path', 255).notNullable()
      table.bigInteger('shop_id').unsigned().notNullable()
      table.bigInteger('min_price').notNullable()
      table.bigInteger('max_price').notNullable()
      table.boolean('in_stock').notNullable()
      table.integer('sold_count').unsigned().notNullable()
      table.datetime('published_at').nullable()
      table.text('words', 'mediumtext').notNullable()
      table.text('grams', 'mediumtext').notNullable()
      table.index(['market_code', 'category_path'])
    })
    this.schema.raw('ALTER TABLE search_documents ADD FULLTEXT INDEX search_documents_fulltext (words, grams)')
  }

  async down() {
    this.schema.dropTable('search_documents')
    this.schema.dropTable('stock_adjustments')
    this.schema.dropTable('stock_levels')
    this.schema.dropTable('skus')
    this.schema.dropTable('products')
    this.schema.dropTable('categories')
  }
}

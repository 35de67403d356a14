import { DateTime } from 'luxon'
import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import Sku from '#catalog/models/sku'
import { jsonColumn } from '#catalog/models/json_column'

export type ProductStatus = 'draft' | 'active' | 'banned'

/** A seller's listing in one market; title and description per market locale. */
export default class Product extends BaseModel {
  static table = 'products'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare publicId: string

  @column()
  declare marketCode: string

  @column()
  declare shopId: number

  @column()
  declare categoryId: number

  @column()
  declare status: ProductStatus

  @column(jsonColumn)
  declare titles: Record<string, string>

  @column(jsonColumn)
  declare descriptions: Record<string, string>

  @column()
  declare brand: string | null

  @column(jsonColumn)
  declare attributes: Record<string, string>

  @column(jsonColumn)
  declare images: string[]

  @column()
  declare minPrice: number

  @column()
  declare maxPrice: number

  @column({ consume: (value: unknown) => Boolean(value) })
  declare inStock: boolean

  @column()
  declare soldCount: number

  @column()
  declare banReason: string | null

  @column.dateTime()
  declare publishedAt: DateTime | null

  @column.dateTime()
  declare deletedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @hasMany(() => Sku)
  declare skus: HasMany<typeof Sku>
}

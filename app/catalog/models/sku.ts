import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { jsonColumn } from '#catalog/models/json_column'

/** A sellable variant: its price is integer minor units of the market currency. */
export default class Sku extends BaseModel {
  static table = 'skus'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare publicId: string

  @column()
  declare productId: number

  @column()
  declare marketCode: string

  @column()
  declare sellerSku: string

  @column(jsonColumn)
  declare options: Record<string, string>

  @column()
  declare priceAmount: number

  @column()
  declare currency: string

  @column()
  declare weightGrams: number

  @column()
  declare taxCategory: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}

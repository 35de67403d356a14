import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { jsonColumn } from '#catalog/models/json_column'

/** A node of a market's category tree; `names` has one entry per market locale. */
export default class Category extends BaseModel {
  static table = 'categories'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare marketCode: string

  @column()
  declare parentId: number | null

  @column()
  declare slug: string

  @column()
  declare path: string

  @column(jsonColumn)
  declare names: Record<string, string>

  @column()
  declare position: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}

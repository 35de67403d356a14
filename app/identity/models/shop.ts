import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export interface PickupAddress {
  line1: string
  line2?: string | null
  city: string
  state?: string | null
  postalCode: string
  /** ISO 3166-1 alpha-2: always the shop's market. */
  country: string
  contactName: string
  contactPhone: string
}

/** A seller's shop profile, one per seller account, in the market's shard. */
export default class Shop extends BaseModel {
  static table = 'shops'

  @column({ isPrimary: true, serializeAs: null })
  declare id: number

  @column()
  declare publicId: string

  @column({ serializeAs: null })
  declare userId: number

  @column()
  declare marketCode: string

  @column()
  declare name: string

  @column()
  declare slug: string

  @column({
    prepare: (value: PickupAddress) => JSON.stringify(value),
    consume: (value: string | PickupAddress) => (typeof value === 'string' ? JSON.parse(value) : value),
  })
  declare pickupAddress: PickupAddress

  @column()
  declare taxId: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}

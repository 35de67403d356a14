import { DateTime } from 'luxon'
import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import type { AccessToken } from '@adonisjs/auth/access_tokens'
import StaffRole from '#identity/models/staff_role'

/** A member of the platform's staff, in the control database. */
export default class Staff extends BaseModel {
  static connection = 'control'
  static table = 'staff'

  @column({ isPrimary: true, serializeAs: null })
  declare id: number

  @column()
  declare publicId: string

  @column()
  declare email: string

  @column()
  declare fullName: string

  @column({ serializeAs: null })
  declare password: string

  @column({ serializeAs: null })
  declare totpSecret: string | null

  @column.dateTime()
  declare totpConfirmedAt: DateTime | null

  @column({ serializeAs: null })
  declare totpLastStep: number | null

  @column()
  declare status: 'active' | 'disabled'

  @column.dateTime()
  declare lastLoginAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @hasMany(() => StaffRole)
  declare roles: HasMany<typeof StaffRole>

  currentAccessToken?: AccessToken
}

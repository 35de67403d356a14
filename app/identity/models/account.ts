import { DateTime } from 'luxon'
import { BaseModel, afterSave, column, hasOne } from '@adonisjs/lucid/orm'
import type { HasOne } from '@adonisjs/lucid/types/relations'
import type { AccessToken } from '@adonisjs/auth/access_tokens'
import Shop from '#identity/models/shop'
import { SessionCache } from '#identity/auth/session_cache'

export type AccountRole = 'buyer' | 'seller'

/**
 * A buyer or seller of one market, stored in that market's shard (table
 * `users`). Always queried with the market context's client.
 */
export default class Account extends BaseModel {
  static table = 'users'

  @column({ isPrimary: true, serializeAs: null })
  declare id: number

  @column()
  declare publicId: string

  @column()
  declare marketCode: string

  @column()
  declare role: AccountRole

  @column()
  declare email: string

  @column()
  declare fullName: string

  @column()
  declare phone: string | null

  @column({ serializeAs: null })
  declare password: string

  @column()
  declare status: 'active' | 'suspended'

  @column.dateTime()
  declare lastLoginAt: DateTime | null

  @column.dateTime()
  declare passwordChangedAt: DateTime | null

  /** Null until the account proves its e-mail address (the link mailed at sign-up). */
  @column.dateTime()
  declare emailVerifiedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @hasOne(() => Shop, { foreignKey: 'userId' })
  declare shop: HasOne<typeof Shop>

  /** Set by the guard for the request's token. */
  currentAccessToken?: AccessToken

  /** Cached sessions carry a snapshot of the account: any change drops them. */
  @afterSave()
  static async dropCachedSessions(account: Account) {
    await SessionCache.dropOwner(account.marketCode, account.id)
  }
}

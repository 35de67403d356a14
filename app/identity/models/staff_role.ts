import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type StaffRoleName = 'admin' | 'ops' | 'finance' | 'support'
export const STAFF_ROLES: StaffRoleName[] = ['admin', 'ops', 'finance', 'support']
/** Roles that can change money or configuration sign in with a second factor. */
export const ROLES_REQUIRING_TOTP: StaffRoleName[] = ['admin', 'ops']

const json = {
  prepare: (value: string[]) => JSON.stringify(value),
  consume: (value: string | string[]) => (typeof value === 'string' ? JSON.parse(value) : value),
}

/** One role of a staff member, scoped to markets and/or regions. */
export default class StaffRole extends BaseModel {
  static connection = 'control'
  static table = 'staff_roles'

  @column({ isPrimary: true })
  declare id: number

  @column({ serializeAs: null })
  declare staffId: number

  @column()
  declare role: StaffRoleName

  /** Market codes; `['*']` is every market. */
  @column(json)
  declare markets: string[]

  @column(json)
  declare regions: string[]

  @column({ serializeAs: null })
  declare grantedBy: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}

import { DateTime } from 'luxon'
import type { MarketContext } from '#markets/market_context'
import { randomBytes, randomInt } from 'node:crypto'
import type { ApiClient } from '@japa/api-client'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { AccountService, type ShopInput } from '#identity/services/account_service'
import { StaffAdminService } from '#identity/services/staff_admin_service'
import type { StaffRoleName } from '#identity/models/staff_role'
import { Totp } from '#identity/services/totp'
import Staff from '#identity/models/staff'

export const PASSWORD = 'correct horse battery staple'
export const STAFF_HOST = 'admin.pasar.localhost'

export function hostOf(code: string) {
  return `${code.toLowerCase()}.pasar.localhost`
}

/** A fresh address each call: tests never collide, across runs either. */
export function uniqueEmail(tag = 'user') {
  return `${tag}.${Date.now().toString(36)}${randomBytes(3).toString('hex')}@example.com`
}

/** A fresh client IP each call, so per-IP limits of one test never hit another. */
export function uniqueIp() {
  return `10.${randomInt(0, 255)}.${randomInt(0, 255)}.${randomInt(1, 254)}`
}

export async function marketContext(code: string, locale?: string) {
  const markets = await app.container.make('markets')
  return markets.context(code, locale)
}

export const SHOP: ShopInput = {
  name: 'Toko Test',
  pickupAddress: {
    line1: '1 Test Street',
    city: 'Test City',
    postalCode: '12345',
    contactName: 'Tess Ter',
    contactPhone: '+6591234567',
  },
}

/** An account made through the real service, with a token. */
/**
 * Marks an account's e-mail as proven, as following the mailed link does,
 * and withdraws the verification mail not sent yet (a test about orders
 * does not wait for hundreds of welcome mails; the verification flow has
 * its own tests).
 */
export async function verifiedAccount(market: MarketContext, publicId: string) {
  await market.table('users').where('public_id', publicId).update({ email_verified_at: new Date() })
  await market
    .table('outbox')
    .where('routing_key', `${market.code.toLowerCase()}.identity.verification_requested`)
    .whereNull('published_at')
    .whereRaw("JSON_UNQUOTE(JSON_EXTRACT(payload, '$.data.user')) = ?", [publicId])
    .delete()
}

export async function accountFactory(code: string, role: 'buyer' | 'seller' = 'buyer', email = uniqueEmail(role), options: { verified?: boolean } = {}) {
  const market = await marketContext(code)
  const result = await new AccountService().register(
    market,
    {
      role,
      email,
      password: PASSWORD,
      fullName: `${role} of ${code}`,
      shop: role === 'seller' ? { ...SHOP, name: `Shop ${randomBytes(4).toString('hex')}` } : undefined,
    },
    uniqueIp()
  )
  // Most tests are about what a verified account does (the verification flow has its own tests).
  if (options.verified !== false) {
    await verifiedAccount(market, result.account.publicId)
    result.account.emailVerifiedAt = DateTime.utc()
  }
  return { ...result, email, token: result.token.value!.release(), market }
}

/** A staff member with the given roles, made through the real service. */
export async function staffFactory(grants: { role: StaffRoleName; markets?: string[]; regions?: string[] }[]) {
  const service = new StaffAdminService(await app.container.make('markets'))
  const origin = { ip: null, requestId: 'test' }
  const email = uniqueEmail('staff')
  const staff = await service.create({ type: 'system' }, { email, fullName: 'Staff Member', password: PASSWORD }, origin)
  for (const grant of grants) await service.grant({ type: 'system' }, staff.publicId, grant, origin)
  return { staff, email }
}

/**
 * Signs a staff member in through the API, enrolling TOTP when their role
 * requires it. Returns the full staff token and the TOTP secret.
 */
export async function staffSession(client: ApiClient, email: string) {
  const login = await client
    .post('/api/v1/staff/login')
    .header('Host', STAFF_HOST)
    .header('X-Forwarded-For', uniqueIp())
    .json({ email, password: PASSWORD })
  const data = login.body().data
  if (data.status === 'signed_in') return { token: data.token.value as string, secret: null }

  const challenge = data.challengeToken.value as string
  const enrolment = await client
    .post('/api/v1/staff/totp/enroll')
    .header('Host', STAFF_HOST)
    .bearerToken(challenge)
  const secret = enrolment.body().data.secret as string
  const verified = await client
    .post('/api/v1/staff/totp/verify')
    .header('Host', STAFF_HOST)
    .bearerToken(challenge)
    .json({ code: Totp.codeAt(secret, email) })
  if (verified.status() !== 200) throw new Error(`staff sign-in of ${email}: TOTP verify answered ${verified.status()} ${JSON.stringify(verified.body())}`)
  return { token: verified.body().data.token.value as string, secret }
}

export async function staffWithSession(
  client: ApiClient,
  grants: { role: StaffRoleName; markets?: string[]; regions?: string[] }[]
) {
  const { staff, email } = await staffFactory(grants)
  const session = await staffSession(client, email)
  return { staff: (await Staff.findOrFail(staff.id)) as Staff, email, ...session }
}

export const SHARDS = ['sea-1', 'sea-2', 'sea-3', 'ea-1', 'latam-1']

/** Where an email lives: the shards holding a `users` row with it. */
export async function shardsHoldingEmail(email: string) {
  const found: { shard: string; market: string }[] = []
  for (const shard of SHARDS) {
    const rows = await db.connection(shard).from('users').where('email', email).select('market_code')
    for (const row of rows) found.push({ shard, market: row.market_code })
  }
  return found
}

/**
 * A fingerprint of every business table of every database: equal before and
 * after a refused request means the request changed nothing.
 */
export async function stateFingerprint() {
  const parts: string[] = []
  for (const connection of [...SHARDS, 'control']) {
    const tables =
      connection === 'control'
        ? ['staff', 'staff_roles', 'audit_logs']
        : ['users', 'shops', 'products', 'skus', 'stock_levels', 'stock_adjustments', 'carts', 'cart_lines', 'payments', 'payment_events', 'ledger_transfers', 'shipments', 'payouts', 'orders', 'order_history', 'outbox', 'flash_sales']
    const [rows] = await db.connection(connection).rawQuery(`CHECKSUM TABLE ${tables.join(', ')}`)
    for (const row of rows) parts.push(`${connection}.${row.Table}=${row.Checksum}`)
    const [counts] = await db
      .connection(connection)
      .rawQuery(`SELECT COUNT(*) AS n, COALESCE(MAX(updated_at), '') AS u FROM ${connection === 'control' ? 'staff' : 'users'}`)
    parts.push(`${connection}:${counts[0].n}:${counts[0].u}`)
  }
  return parts.join('|')
}

import type { HttpContext } from '@adonisjs/core/http'
import type { Secret } from '@adonisjs/core/helpers'
import { symbols } from '@adonisjs/auth'
import type { AccessToken } from '@adonisjs/auth/access_tokens'
import type {
  AccessTokensGuardUser,
  AccessTokensUserProviderContract,
} from '@adonisjs/auth/types/access_tokens'
import db from '@adonisjs/lucid/services/db'
import Account from '#identity/models/account'
import Staff from '#identity/models/staff'
import { TokenStore } from '#identity/auth/token_store'
import { SessionCache, fromPlainRow, toPlainRow, type CachedSession } from '#identity/auth/session_cache'
import { UnknownMarketError } from '#markets/exceptions'
import type { MarketContext } from '#markets/market_context'
import identityConfig from '#config/identity'

export const STOREFRONT_TOKEN_PREFIX = 'pst_'
export const STAFF_TOKEN_PREFIX = 'pss_'

/**
 * The storefront token store of a market: its shard (or the context's
 * transaction), tokens bound to its market code.
 */
export function storefrontTokens(market: MarketContext) {
  const tokens = { query: () => market.table('access_tokens'), insert: (row: Record<string, unknown>) => market.insert('access_tokens', row) }
  return new TokenStore(tokens, {
    table: 'access_tokens',
    prefix: STOREFRONT_TOKEN_PREFIX,
    type: 'storefront',
    marketCode: market.code,
    defaultExpiresIn: identityConfig.tokens.storefront,
  })
}

export function staffTokens() {
  const control = () => db.connection('control')
  const tokens = {
    query: () => control().from('staff_access_tokens'),
    insert: async (row: Record<string, unknown>) => Number((await control().table('staff_access_tokens').insert(row))[0]),
  }
  return new TokenStore(tokens, {
    table: 'staff_access_tokens',
    prefix: STAFF_TOKEN_PREFIX,
    type: 'staff',
    marketCode: null,
    defaultExpiresIn: identityConfig.tokens.staff,
  })
}

/**
 * @adonisjs/auth's Lucid provider reads one fixed connection (adonisjs/auth
 * issue 248). This one reads the shard of the request's market, so an
 * account and its tokens are looked up only where that market's data lives.
 */
export class MarketAccountProvider implements AccessTokensUserProviderContract<Account> {
  declare [symbols.PROVIDER_REAL_USER]: Account

  /** The owner's row that came with the verified token (from the session cache). */
  #owner: Record<string, unknown> | null = null

  constructor(private ctx: HttpContext) {}

  private get tokens() {
    if (!this.ctx.market) throw new UnknownMarketError(this.ctx.request.header('host') ?? '')
    return storefrontTokens(this.ctx.market)
  }

  async createUserForGuard(user: Account): Promise<AccessTokensGuardUser<Account>> {
    return { getId: () => user.id, getOriginal: () => user }
  }

  createToken(user: Account, abilities?: string[], options?: { name?: string; expiresIn?: string | number }) {
    return this.tokens.create(user.id, abilities, options)
  }

  invalidateToken(tokenValue: Secret<string>) {
    return this.tokens.invalidate(tokenValue)
  }

  /**
   * Verifies the token against the session cache (token row + account
   * snapshot; on a miss, two primary-key reads of the shard). A cached row whose hash does not
   * match the secret is re-read from the shard before the token is refused.
   */
  async verifyToken(tokenValue: Secret<string>): Promise<AccessToken | null> {
    const tokens = this.tokens
    const decoded = tokens.decode(tokenValue)
    if (!decoded) return null
    const market = this.ctx.market
    const load = () => loadSession(market, decoded.identifier)
    let session = await SessionCache.get(market.code, decoded.identifier, load)
    if (!session) return null
    let row = fromPlainRow(session.token)
    if (!tokens.toToken(row).verify(decoded.secret)) {
      session = await load()
      if (!session) return null
      row = fromPlainRow(session.token)
      if (!tokens.toToken(row).verify(decoded.secret)) return null
      await SessionCache.put(market.code, decoded.identifier, session)
    }
    const token = tokens.toToken(row)
    if (token.isExpired()) return null
    this.#owner = session.account
    await tokens.touch(row)
    return token
  }

  async findById(identifier: string | number | BigInt) {
    const owner = this.#owner
    if (owner && String(owner.id) === String(identifier)) {
      if (owner.status !== 'active') return null
      const account = Account.$createFromAdapterResult(fromPlainRow(owner), {}, { connection: this.ctx.market.connectionName })
      return account ? this.createUserForGuard(account) : null
    }
    const account = await this.ctx.market.query(Account).where('id', String(identifier)).where('status', 'active').first()
    return account ? this.createUserForGuard(account) : null
  }
}

/** A storefront token and its owner (without the password hash). */
async function loadSession(market: MarketContext, tokenId: string): Promise<CachedSession | null> {
  const token = await storefrontTokens(market).findRow(tokenId)
  if (!token) return null
  const account = await market.table('users').where('id', token.tokenable_id).first()
  if (!account) return null
  return { token: toPlainRow(token), account: toPlainRow(account, ['password']) }
}

export class StaffProvider implements AccessTokensUserProviderContract<Staff> {
  declare [symbols.PROVIDER_REAL_USER]: Staff
  #tokens = staffTokens()

  async createUserForGuard(user: Staff): Promise<AccessTokensGuardUser<Staff>> {
    return { getId: () => user.id, getOriginal: () => user }
  }

  createToken(user: Staff, abilities?: string[], options?: { name?: string; expiresIn?: string | number }) {
    return this.#tokens.create(user.id, abilities, options)
  }

  invalidateToken(tokenValue: Secret<string>) {
    return this.#tokens.invalidate(tokenValue)
  }

  verifyToken(tokenValue: Secret<string>) {
    return this.#tokens.verify(tokenValue)
  }

  async findById(identifier: string | number | BigInt) {
    const staff = await Staff.query().where('id', String(identifier)).where('status', 'active').preload('roles').first()
    return staff ? this.createUserForGuard(staff) : null
  }
}

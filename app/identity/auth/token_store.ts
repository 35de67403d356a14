import { DateTime } from 'luxon'
import string from '@adonisjs/core/helpers/string'
import type { Secret } from '@adonisjs/core/helpers'
import { AccessToken } from '@adonisjs/auth/access_tokens'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import { SessionCache } from '#identity/auth/session_cache'

const touched = new Map<string, number>()
const base64url = (text: string) => Buffer.from(text).toString('base64url')

function validDate(value: unknown) {
  const date = new Date(value as string | number | Date)
  if (Number.isNaN(date.getTime())) throw new Error(`invalid token date: ${String(value)}`)
  return date
}

/**
 * Where a store's tokens live: a query on their table (already limited to
 * the store's market, for storefront tokens) and an insert into it.
 */
export interface TokenTable {
  query(): DatabaseQueryBuilderContract
  insert(row: Record<string, unknown>): Promise<number>
}

export interface TokenStoreOptions {
  /** Names the store in the last-used throttle. */
  table: string
  /** Token value prefix: `pst_` storefront, `pss_` staff. */
  prefix: string
  type: string
  /** Tokens of this store answer only for this market (null: staff). */
  marketCode: string | null
  defaultExpiresIn: string
}

/**
 * Opaque access tokens, hashed at rest (only the SHA-256 of the secret is
 * stored), with expiry and abilities, in the table of one database. The
 * storefront store is bound to a market: a token issued by SG is not found
 * on MY even though both live in sea-1.
 */
export class TokenStore {
  constructor(
    private tokens: TokenTable,
    private options: TokenStoreOptions
  ) {}

  async create(
    ownerId: number,
    abilities: string[] = ['*'],
    options: { name?: string; expiresIn?: string | number } = {}
  ): Promise<AccessToken> {
    const transient = AccessToken.createTransientToken(
      ownerId,
      40,
      options.expiresIn ?? this.options.defaultExpiresIn
    )
    const now = DateTime.utc()
    const row = {
      tokenable_id: ownerId,
      type: this.options.type,
      name: options.name ?? null,
      hash: transient.hash,
      abilities: JSON.stringify(abilities),
      created_at: now.toJSDate(),
      updated_at: now.toJSDate(),
      last_used_at: null,
      expires_at: transient.expiresAt ?? null,
    }
    const id = await this.tokens.insert(row)
    return new AccessToken({
      identifier: id,
      tokenableId: ownerId,
      secret: transient.secret,
      prefix: this.options.prefix,
      type: row.type,
      name: row.name,
      hash: row.hash,
      abilities,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      lastUsedAt: null,
      expiresAt: row.expires_at,
    })
  }

  async verify(value: Secret<string>): Promise<AccessToken | null> {
    const decoded = this.decode(value)
    if (!decoded) return null
    const row = await this.findRow(decoded.identifier)
    if (!row) return null
    const token = this.toToken(row)
    if (!token.verify(decoded.secret) || token.isExpired()) return null
    await this.touch(row)
    return token
  }

  /** The token's id and secret, or null when the value is not one of ours. */
  decode(value: Secret<string>) {
    const raw = value.release()
    const decoded = AccessToken.decode(this.options.prefix, raw)
    // One spelling per token: no leading zeros in the id (`0007` must not
    // be a second name, and a second cache entry, for token 7), and the
    // base64url alphabet only, exactly as issued (`+/` or padding is another
    // spelling of the same bytes).
    if (!decoded || !/^[1-9]\d{0,18}$/.test(decoded.identifier)) return null
    const canonical = `${this.options.prefix}${base64url(decoded.identifier)}.${base64url(decoded.secret.release())}`
    if (canonical !== raw) return null
    return decoded
  }

  async findRow(id: string): Promise<Record<string, any> | null> {
    return (await this.tokens.query().where('id', id).where('type', this.options.type).first()) ?? null
  }

  toToken(row: Record<string, any>) {
    return new AccessToken({
      identifier: row.id,
      tokenableId: row.tokenable_id,
      type: row.type,
      name: row.name,
      hash: row.hash,
      abilities: typeof row.abilities === 'string' ? JSON.parse(row.abilities) : row.abilities,
      createdAt: new Date(row.created_at),
      updatedAt: new Date(row.updated_at),
      lastUsedAt: row.last_used_at ? new Date(row.last_used_at) : null,
      expiresAt: row.expires_at ? validDate(row.expires_at) : null,
    })
  }

  /** Records use coarsely: at most one write a minute per token and process. */
  async touch(row: Record<string, any>) {
    const key = `${this.options.table}:${this.options.marketCode ?? ''}:${row.id}`
    const last = Math.max(touched.get(key) ?? 0, row.last_used_at ? new Date(row.last_used_at).getTime() : 0)
    if (Date.now() - last <= 60_000) return
    if (touched.size > 100_000) touched.clear()
    touched.set(key, Date.now())
    await this.tokens.query().where('id', row.id).update({ last_used_at: new Date() })
  }

  async invalidate(value: Secret<string>): Promise<boolean> {
    const decoded = this.decode(value)
    if (!decoded) return false
    const deleted = await this.tokens.query().where('id', decoded.identifier).delete()
    await this.dropCachedSession(decoded.identifier)
    return Number(deleted) > 0
  }

  async deleteById(id: number | string | BigInt) {
    await this.tokens.query().where('id', String(id)).delete()
    await this.dropCachedSession(String(id))
  }

  /** Signs an owner out everywhere but, optionally, one token. */
  async revokeAllOf(ownerId: number, keepTokenId?: number | string | BigInt) {
    const query = this.tokens.query().where('tokenable_id', ownerId)
    if (keepTokenId !== undefined) query.whereNot('id', String(keepTokenId))
    await query.delete()
    if (this.options.marketCode) await SessionCache.dropOwner(this.options.marketCode, ownerId)
  }

  private async dropCachedSession(tokenId: string) {
    if (this.options.marketCode) await SessionCache.dropToken(this.options.marketCode, tokenId)
  }
}

/** Milliseconds of a duration like '30 days' (for documentation of defaults). */
export const milliseconds = (duration: string) => string.milliseconds.parse(duration)

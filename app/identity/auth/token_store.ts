import { DateTime } from 'luxon'
import string from '@adonisjs/core/helpers/string'
import type { Secret } from '@adonisjs/core/helpers'
import { AccessToken } from '@adonisjs/auth/access_tokens'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'

export interface TokenStoreOptions {
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
    private client: () => QueryClientContract,
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
      ...(this.options.marketCode ? { market_code: this.options.marketCode } : {}),
    }
    const [id] = await this.client().table(this.options.table).insert(row)
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
    const decoded = AccessToken.decode(this.options.prefix, value.release())
    if (!decoded || !/^\d{1,19}$/.test(decoded.identifier)) return null

    const query = this.client()
      .from(this.options.table)
      .where('id', decoded.identifier)
      .where('type', this.options.type)
    if (this.options.marketCode) query.where('market_code', this.options.marketCode)
    const row = await query.first()
    if (!row) return null

    const token = new AccessToken({
      identifier: row.id,
      tokenableId: row.tokenable_id,
      type: row.type,
      name: row.name,
      hash: row.hash,
      abilities: JSON.parse(row.abilities),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      lastUsedAt: row.last_used_at,
      expiresAt: row.expires_at,
    })
    if (!token.verify(decoded.secret) || token.isExpired()) return null

    // Coarse: at most one write a minute per token.
    if (!row.last_used_at || Date.now() - new Date(row.last_used_at).getTime() > 60_000) {
      await this.client()
        .from(this.options.table)
        .where('id', row.id)
        .update({ last_used_at: new Date() })
    }
    return token
  }

  async invalidate(value: Secret<string>): Promise<boolean> {
    const decoded = AccessToken.decode(this.options.prefix, value.release())
    if (!decoded) return false
    const query = this.client().from(this.options.table).where('id', decoded.identifier)
    if (this.options.marketCode) query.where('market_code', this.options.marketCode)
    const deleted = await query.delete()
    return Number(deleted) > 0
  }

  async deleteById(id: number | string | BigInt) {
    await this.client().from(this.options.table).where('id', String(id)).delete()
  }

  /** Signs an owner out everywhere but, optionally, one token. */
  async revokeAllOf(ownerId: number, keepTokenId?: number | string | BigInt) {
    const query = this.client().from(this.options.table).where('tokenable_id', ownerId)
    if (this.options.marketCode) query.where('market_code', this.options.marketCode)
    if (keepTokenId !== undefined) query.whereNot('id', String(keepTokenId))
    await query.delete()
  }
}

/** Milliseconds of a duration like '30 days' (for documentation of defaults). */
export const milliseconds = (duration: string) => string.milliseconds.parse(duration)

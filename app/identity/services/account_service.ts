import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import string from '@adonisjs/core/helpers/string'
import type { AccessToken } from '@adonisjs/auth/access_tokens'
import Account, { type AccountRole } from '#identity/models/account'
import Shop, { type PickupAddress } from '#identity/models/shop'
import type { MarketContext } from '#markets/market_context'
import { fieldError } from '#exceptions/field_error'
import { InvalidCredentialsError } from '#identity/exceptions'
import { LoginThrottle } from '#identity/services/login_throttle'
import { storefrontTokens } from '#identity/auth/user_providers'
import { STOREFRONT_ABILITY } from '#identity/access_matrix'
import { AuditLog, type AuditOrigin } from '#audit/services/audit_log'
import { AccountRecovery } from '#identity/services/account_recovery'

export interface ShopInput {
  name: string
  slug?: string
  pickupAddress: Omit<PickupAddress, 'country'>
  taxId?: string | null
}

export interface RegistrationInput {
  role: AccountRole
  email: string
  password: string
  fullName: string
  phone?: string
  shop?: ShopInput
}

/** A hash to verify against when the email is unknown: same cost, no timing oracle. */
let decoyHash: Promise<string> | undefined

function isDuplicate(error: unknown, index: string) {
  const err = error as { code?: string; sqlMessage?: string }
  return err?.code === 'ER_DUP_ENTRY' && (err.sqlMessage ?? '').includes(index)
}

/**
 * Buyer and seller accounts of one market. The uniqueness of an email (per
 * market) and of a shop slug (per market) is the database's unique index,
 * so two parallel registrations cannot both win.
 */
export class AccountService {
  async register(market: MarketContext, input: RegistrationInput, ip: string) {
    if (input.role === 'buyer' && input.shop) {
      throw fieldError('shop', 'prohibited', 'shop is only for seller accounts')
    }
    await new LoginThrottle(`storefront:${market.code}`).consumeIp(ip, 'register')

    const passwordHash = await hash.make(input.password)
    return market.transaction(async (market) => {
      let account: Account
      try {
        account = await market.create(Account, {
          publicId: market.publicId(),
          role: input.role,
          email: input.email,
          fullName: input.fullName,
          phone: input.phone ?? null,
          password: passwordHash,
          status: 'active',
          passwordChangedAt: DateTime.utc(),
        })
      } catch (error) {
        if (isDuplicate(error, 'market_code_email')) {
          throw fieldError('email', 'unique', 'email is already registered on this storefront')
        }
        throw error
      }

      const shop = input.shop ? await this.createShop(market, account, input.shop) : null
      // The verification link, mailed through notifications once this commits.
      await new AccountRecovery().issue(market, account, 'email_verification')
      const token = await this.issueToken(market, account)
      return { account, shop, token }
    })
  }

  async login(market: MarketContext, email: string, password: string, ip: string) {
    const throttle = new LoginThrottle(`storefront:${market.code}`)
    const account = await throttle.attempt(ip, email, async () => {
      const found = await market.query(Account).where('email', email).first()
      if (!found) {
        decoyHash ??= hash.make('decoy-password-for-unknown-accounts')
        await hash.verify(await decoyHash, password)
        throw new InvalidCredentialsError()
      }
      if (!(await hash.verify(found.password, password)) || found.status !== 'active') {
        throw new InvalidCredentialsError()
      }
      return found
    })

    account.lastLoginAt = DateTime.utc()
    await account.save()
    const token = await this.issueToken(market, account)
    return { account, token }
  }

  async logout(market: MarketContext, account: Account) {
    if (account.currentAccessToken) {
      await storefrontTokens(market).deleteById(account.currentAccessToken.identifier)
    }
  }

  /**
   * Changes the password and signs every other session out. A wrong
   * current password counts as a failed sign-in of the account (five lock
   * it, sign-in included); every attempt is audited.
   */
  async changePassword(market: MarketContext, account: Account, currentPassword: string, password: string, origin: AuditOrigin) {
    const audit = (action: 'identity.password_changed' | 'identity.password_change_failed' | 'identity.password_change_locked') =>
      AuditLog.record({ action, actor: { type: 'account', id: account.publicId, email: account.email }, target: { type: 'account', id: account.publicId }, marketCode: market.code }, origin)
    if (currentPassword === password) {
      throw fieldError('password', 'different', 'password must differ from the current one')
    }
    try {
      await new LoginThrottle(`storefront:${market.code}`).attemptAccount(account.email, async () => {
        // The account of a request comes from the session cache, which never
        // holds the password hash: read it from the shard.
        const stored = await market.table('users').where('id', account.id).select('password').first()
        if (!stored || !(await hash.verify(stored.password, currentPassword))) {
          throw fieldError('currentPassword', 'currentPassword', 'currentPassword is wrong')
        }
      })
    } catch (error) {
      await audit((error as { code?: string }).code === 'E_LOGIN_LOCKED' ? 'identity.password_change_locked' : 'identity.password_change_failed')
      throw error
    }
    account.password = await hash.make(password)
    account.passwordChangedAt = DateTime.utc()
    await account.save()
    await storefrontTokens(market).revokeAllOf(
      account.id,
      account.currentAccessToken?.identifier
    )
    await audit('identity.password_changed')
  }

  async findShop(market: MarketContext, account: Account) {
    return market.query(Shop).where('user_id', account.id).first()
  }

  async findShopBySlug(market: MarketContext, slug: string) {
    return market.query(Shop).where('slug', slug).first()
  }

  async shopsByIds(market: MarketContext, ids: number[]) {
    if (ids.length === 0) return new Map<number, Shop>()
    const shops = await market.query(Shop).whereIn('id', ids)
    return new Map(shops.map((shop) => [shop.id, shop]))
  }

  async updateShop(market: MarketContext, shop: Shop, changes: Partial<ShopInput>) {
    if (changes.name !== undefined) shop.name = changes.name
    if (changes.slug !== undefined) shop.slug = changes.slug
    if (changes.taxId !== undefined) shop.taxId = changes.taxId ?? null
    if (changes.pickupAddress) shop.pickupAddress = { ...changes.pickupAddress, country: market.code }
    try {
      await shop.save()
    } catch (error) {
      if (isDuplicate(error, 'market_code_slug')) {
        throw fieldError('slug', 'unique', 'slug is already used by another shop on this storefront')
      }
      throw error
    }
    return shop
  }

  private async createShop(market: MarketContext, account: Account, input: ShopInput) {
    const explicit = input.slug !== undefined
    const base = input.slug ?? (string.slug(input.name, { lower: true, strict: true }).slice(0, 50) || 'shop')
    for (let attempt = 0; attempt < 5; attempt++) {
      const slug = attempt === 0 ? base : `${base}-${string.random(6).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`
      try {
        // A savepoint, so a taken slug does not abort the registration's transaction.
        return await market.savepoint((market) =>
          market.create(Shop, {
            publicId: market.publicId(),
            userId: account.id,
            name: input.name,
            slug,
            pickupAddress: { ...input.pickupAddress, country: market.code },
            taxId: input.taxId ?? null,
          })
        )
      } catch (error) {
        if (!isDuplicate(error, 'market_code_slug')) throw error
        if (explicit) throw fieldError('shop.slug', 'unique', 'shop.slug is already used by another shop on this storefront')
      }
    }
    throw fieldError('shop.slug', 'unique', 'choose a slug for this shop')
  }

  private issueToken(market: MarketContext, account: Account): Promise<AccessToken> {
    return storefrontTokens(market).create(account.id, [STOREFRONT_ABILITY], { name: 'api' })
  }
}

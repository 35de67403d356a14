import { createHash, randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import encryption from '@adonisjs/core/services/encryption'
import Account from '#identity/models/account'
import type { MarketContext } from '#markets/market_context'
import identityConfig from '#config/identity'
import { LoginThrottle } from '#identity/services/login_throttle'
import { storefrontTokens } from '#identity/auth/user_providers'
import { Outbox } from '#messaging/services/outbox'
import { AuditLog, type AuditOrigin } from '#audit/services/audit_log'
import { fieldError } from '#exceptions/field_error'
import { DomainError } from '#exceptions/domain_error'

export type TokenPurpose = 'password_reset' | 'email_verification'

export class EmailUnverifiedError extends DomainError {
  static status = 403
  static code = 'E_EMAIL_UNVERIFIED'
  constructor() {
    super('Verify your e-mail address first (POST /api/v1/me/email/verification sends the link again)', {}, { details: { resend: '/api/v1/me/email/verification' } })
  }
}

/** Placing an order, publishing a product, asking for a payout: only with a proven e-mail address. */
export function assertVerified(account: Pick<Account, 'emailVerifiedAt'>) {
  if (!account.emailVerifiedAt) throw new EmailUnverifiedError()
}

const digest = (token: string) => createHash('sha256').update(token).digest('hex')

/** The event that mails the link; the token travels encrypted with APP_KEY (never in clear in the outbox). */
export const RECOVERY_EVENTS = { password_reset: 'password_reset_requested', email_verification: 'verification_requested' } as const

/** The raw token of a recovery event (the notifications consumer puts it in the link it mails). */
export function tokenOfEvent(data: Record<string, unknown>): string | null {
  return typeof data.token === 'string' ? encryption.decrypt<string>(data.token) : null
}

/**
 * What an account does without its password: a reset link mailed to it
 * (single use, 30 minutes, this market only), and the proof of its e-mail
 * address. Tokens are random (32 bytes), stored only as a SHA-256 and
 * used by a conditional UPDATE, so one works once however many requests
 * carry it. The mail goes out through notifications (a consumer of the
 * event recorded here), in the account's market language.
 */
export class AccountRecovery {
  /** Always the same answer, in at least the same time: whether the e-mail has an account here is not told. */
  async forgot(market: MarketContext, email: string, ip: string) {
    const started = Date.now()
    const throttle = new LoginThrottle(`storefront:${market.code}`)
    await throttle.consumeRecovery('ip', ip)
    await throttle.consumeRecovery('email', email)
    const account = await market.query(Account).where('email', email).first()
    if (account && account.status === 'active') await this.issue(market, account, 'password_reset')
    const left = identityConfig.recovery.answerFloorMs - (Date.now() - started)
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left))
  }

  /**
   * A new password with a reset token: the token used once (20 parallel
   * requests: one changes the password, the others are 422), every other
   * reset token of the account used up, every session signed out, audited.
   */
  async reset(market: MarketContext, token: string, password: string, origin: AuditOrigin) {
    const passwordHash = await hash.make(password)
    const account = await market.transaction(async (market) => {
      const userId = await this.consume(market, token, 'password_reset')
      await market.table('account_tokens').where('user_id', userId).where('purpose', 'password_reset').whereNull('used_at').update({ used_at: new Date() })
      const found = await market.query(Account).where('id', userId).firstOrFail()
      // A suspended account does not come back through a reset.
      if (found.status !== 'active') throw fieldError('token', 'invalidToken', 'token is not valid: unknown, used or expired')
      found.password = passwordHash
      found.passwordChangedAt = DateTime.utc()
      // The mail reached the address: it is proven as well.
      found.emailVerifiedAt ??= DateTime.utc()
      await found.save()
      return found
    })
    await storefrontTokens(market).revokeAllOf(account.id)
    await AuditLog.record({ action: 'identity.password_reset', actor: { type: 'account', id: account.publicId, email: account.email }, target: { type: 'account', id: account.publicId }, marketCode: market.code }, origin)
  }

  /** Mails a (new) verification link; the budget per address and per client keeps it from being a mail cannon. */
  async resendVerification(market: MarketContext, account: Account, ip: string) {
    if (account.emailVerifiedAt) return false
    const throttle = new LoginThrottle(`storefront:${market.code}`)
    await throttle.consumeRecovery('ip', ip)
    await throttle.consumeRecovery('email', account.email)
    await this.issue(market, account, 'email_verification')
    return true
  }

  async verify(market: MarketContext, token: string) {
    return market.transaction(async (market) => {
      const userId = await this.consume(market, token, 'email_verification')
      const account = await market.query(Account).where('id', userId).firstOrFail()
      account.emailVerifiedAt ??= DateTime.utc()
      await account.save()
      return account
    })
  }

  /** A token for the account, stored hashed, and the event that mails it (in the caller's transaction). */
  async issue(market: MarketContext, account: Pick<Account, 'id' | 'publicId'>, purpose: TokenPurpose) {
    const token = randomBytes(32).toString('base64url')
    const lifetime = purpose === 'password_reset' ? { minutes: identityConfig.recovery.resetTokenLifetimeMinutes } : { days: identityConfig.recovery.verificationTokenLifetimeDays }
    await market.transaction(async (market) => {
      await market.insert('account_tokens', { user_id: account.id, purpose, token_hash: digest(token), expires_at: DateTime.utc().plus(lifetime).toJSDate(), created_at: new Date() })
      await Outbox.record(market, { domain: 'identity', name: RECOVERY_EVENTS[purpose], data: { user: account.publicId, token: encryption.encrypt(token) } })
    })
    return token
  }

  /** Uses a token once: its account, or 422 naming `token` (unknown, used, expired, or for something else). */
  private async consume(market: MarketContext, token: string, purpose: TokenPurpose) {
    const row = await market.table('account_tokens').where('token_hash', digest(token)).where('purpose', purpose).first()
    const used = row
      ? await market.table('account_tokens').where('id', row.id).whereNull('used_at').where('expires_at', '>', new Date()).update({ used_at: new Date() })
      : 0
    if (Number(used) !== 1) throw fieldError('token', 'invalidToken', 'token is not valid: unknown, used or expired')
    return Number(row.user_id)
  }
}

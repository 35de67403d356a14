import * as OTPAuth from 'otpauth'
import encryption from '@adonisjs/core/services/encryption'
import identityConfig from '#config/identity'

/**
 * RFC 6238 time-based codes (the otpauth library). Secrets are stored
 * encrypted with APP_KEY; a code's time step is returned so callers can
 * refuse a code that was already used.
 */
export class Totp {
  static newSecret(): string {
    return new OTPAuth.Secret({ size: 20 }).base32
  }

  static seal(secret: string): string {
    return encryption.encrypt(secret)
  }

  static open(sealed: string): string | null {
    return encryption.decrypt<string>(sealed)
  }

  static forAccount(secret: string, label: string) {
    const { issuer, digits, period } = identityConfig.totp
    return new OTPAuth.TOTP({
      issuer,
      label,
      secret: OTPAuth.Secret.fromBase32(secret),
      algorithm: 'SHA1',
      digits,
      period,
    })
  }

  static uri(secret: string, label: string): string {
    return Totp.forAccount(secret, label).toString()
  }

  /** The time step the code belongs to, or null when it is wrong. */
  static check(secret: string, label: string, code: string, now = Date.now()): number | null {
    const totp = Totp.forAccount(secret, label)
    const delta = totp.validate({ token: code, timestamp: now, window: identityConfig.totp.window })
    if (delta === null) return null
    return totp.counter({ timestamp: now }) + delta
  }

  /** For tests and the enrolment check: the code of a time. */
  static codeAt(secret: string, label: string, timestamp = Date.now()): string {
    return Totp.forAccount(secret, label).generate({ timestamp })
  }
}

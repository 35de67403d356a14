/**
 * Sign-in protection and token lifetimes. Per-IP limits slow down
 * credential stuffing; the per-account lock-out stops guessing one account's
 * password from many IPs.
 */
const identityConfig = {
  login: {
    perIp: { requests: 30, duration: '1 min' },
    /** Failed attempts before the account is locked, and for how long. */
    perAccount: { failures: 5, window: '15 min', lockout: '15 min' },
  },
  register: {
    perIp: { requests: 10, duration: '10 min' },
  },
  /** Password reset and verification mails: per client address and per e-mail address. */
  recovery: {
    perIp: { requests: 10, duration: '15 min' },
    perEmail: { requests: 3, duration: '15 min' },
    resetTokenLifetimeMinutes: 30,
    verificationTokenLifetimeDays: 7,
    /** Every forgot-password answer takes at least this long, found or not. */
    answerFloorMs: 250,
  },
  tokens: {
    storefront: '30 days',
    staff: '12 hours',
    /** Between password and TOTP code. */
    staffChallenge: '5 min',
  },
  password: { minLength: 10, maxLength: 128 },
  totp: { issuer: 'Pasar', period: 30, digits: 6, window: 1 },
}

export default identityConfig
export type IdentityConfig = typeof identityConfig

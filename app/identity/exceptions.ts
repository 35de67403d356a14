import { DomainError } from '#exceptions/domain_error'

export class InvalidCredentialsError extends DomainError {
  static status = 401
  static code = 'E_INVALID_CREDENTIALS'
  constructor() {
    super('The email or password is wrong')
  }
}

export class UnauthorizedError extends DomainError {
  static status = 401
  static code = 'E_UNAUTHORIZED'
  constructor() {
    super('Sign in to continue')
  }
}

export class ForbiddenError extends DomainError {
  static status = 403
  static code = 'E_FORBIDDEN'
  constructor(reason = 'You are not allowed to do this') {
    super(reason)
  }
}

/** 429 with Retry-After: too many attempts from one IP, one account or one token. */
export class RateLimitedError extends DomainError {
  static status = 429
  static code = 'E_RATE_LIMITED'
  constructor(seconds: number, code?: string) {
    super(`Too many requests, retry in ${seconds} s`, { seconds }, {
      headers: { 'Retry-After': String(Math.max(1, Math.ceil(seconds))) },
    })
    if (code) this.code = code
  }
}

export class LoginLockedError extends RateLimitedError {
  static code = 'E_LOGIN_LOCKED'
  constructor(seconds: number) {
    super(seconds, 'E_LOGIN_LOCKED')
  }
}

export class TotpRequiredError extends DomainError {
  static status = 401
  static code = 'E_TOTP_REQUIRED'
  constructor() {
    super('A second factor (TOTP code) is required')
  }
}

export class InvalidTotpError extends DomainError {
  static status = 422
  static code = 'E_INVALID_TOTP'
  constructor() {
    super('The code is wrong or was already used', {}, {
      fields: [{ field: 'code', rule: 'totp', message: 'The code is wrong or was already used' }],
    })
  }
}

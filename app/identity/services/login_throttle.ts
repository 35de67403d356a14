import limiter from '@adonisjs/limiter/services/main'
import { errors as limiterErrors } from '@adonisjs/limiter'
import identityConfig from '#config/identity'
import { LoginLockedError, RateLimitedError } from '#identity/exceptions'

function isThrottle(error: unknown): error is { response: { availableIn: number } } {
  return error instanceof limiterErrors.E_TOO_MANY_REQUESTS
}

/**
 * Sign-in throttling. Every attempt consumes one point of the IP's budget
 * and one of the account's *before* the password is checked (atomic INCR in
 * Redis), so parallel guesses cannot slip past the lock-out. A successful
 * sign-in clears the account's failures.
 */
export class LoginThrottle {
  constructor(private scope: string) {}

  private ipLimiter(config: { requests: number; duration: string }) {
    return limiter.use('redis', { requests: config.requests, duration: config.duration })
  }

  private accountLimiter() {
    const { failures, window, lockout } = identityConfig.login.perAccount
    return limiter.use('redis', { requests: failures, duration: window, blockDuration: lockout })
  }

  accountKey(account: string) {
    return `login:${this.scope}:account:${account}`
  }

  async consumeIp(ip: string, kind: 'login' | 'register') {
    const config = kind === 'login' ? identityConfig.login.perIp : identityConfig.register.perIp
    try {
      await this.ipLimiter(config).consume(`${kind}:${this.scope}:ip:${ip}`)
    } catch (error) {
      if (isThrottle(error)) throw new RateLimitedError(error.response.availableIn)
      throw error
    }
  }

  /** Runs a credential check under the IP and account budgets. */
  async attempt<T>(ip: string, account: string, check: () => Promise<T>): Promise<T> {
    await this.consumeIp(ip, 'login')
    const accountLimiter = this.accountLimiter()
    const key = this.accountKey(account)
    try {
      await accountLimiter.consume(key)
    } catch (error) {
      if (isThrottle(error)) throw new LoginLockedError(error.response.availableIn)
      throw error
    }
    const result = await check()
    await accountLimiter.delete(key)
    return result
  }

  /**
   * A check of the account's password outside sign-in (a password change
   * proves the current one): it draws on the same failure budget, so a
   * stolen token cannot guess the password faster than sign-in allows.
   */
  async attemptAccount<T>(account: string, check: () => Promise<T>): Promise<T> {
    const accountLimiter = this.accountLimiter()
    const key = this.accountKey(account)
    try {
      await accountLimiter.consume(key)
    } catch (error) {
      if (isThrottle(error)) throw new LoginLockedError(error.response.availableIn)
      throw error
    }
    const result = await check()
    await accountLimiter.delete(key)
    return result
  }

  /** A failed second factor counts as a failed sign-in of the account. */
  async recordFailure(account: string) {
    try {
      await this.accountLimiter().consume(this.accountKey(account))
    } catch (error) {
      if (isThrottle(error)) throw new LoginLockedError(error.response.availableIn)
      throw error
    }
  }

  async isLocked(account: string): Promise<number> {
    const response = await this.accountLimiter().get(this.accountKey(account))
    return response && response.remaining <= 0 ? response.availableIn : 0
  }
}

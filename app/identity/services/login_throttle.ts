import limiter from '@adonisjs/limiter/services/main'
import { errors as limiterErrors } from '@adonisjs/limiter'
import identityConfig from '#config/identity'
import { LoginLockedError, RateLimitedError } from '#identity/exceptions'
import { DependencyUnavailableError } from '#exceptions/dependency_unavailable_error'

function isThrottle(error: unknown): error is { response: { availableIn: number } } {
  return error instanceof limiterErrors.E_TOO_MANY_REQUESTS
}

/**
 * Runs a limiter call. The budgets live in Redis; without Redis they cannot
 * be counted, and sign-in without its lock-out is what password guessing
 * waits for: so this fails closed, 503 naming Redis, never open.
 */
async function counted<T>(call: () => Promise<T>, refused: (seconds: number) => Error): Promise<T> {
  try {
    return await call()
  } catch (error) {
    if (isThrottle(error)) throw refused(error.response.availableIn)
    throw new DependencyUnavailableError('Redis', error)
  }
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
    await counted(() => this.ipLimiter(config).consume(`${kind}:${this.scope}:ip:${ip}`), (seconds) => new RateLimitedError(seconds))
  }

  /** A budget of mails asked for (password reset, verification), per key: 429 beyond it. */
  async consumeRecovery(kind: 'ip' | 'email', key: string) {
    const config = kind === 'ip' ? identityConfig.recovery.perIp : identityConfig.recovery.perEmail
    await counted(() => this.ipLimiter(config).consume(`recovery:${this.scope}:${kind}:${key}`), (seconds) => new RateLimitedError(seconds))
  }

  /** Runs a credential check under the IP and account budgets. */
  async attempt<T>(ip: string, account: string, check: () => Promise<T>): Promise<T> {
    await this.consumeIp(ip, 'login')
    return this.attemptAccount(account, check)
  }

  /**
   * A check of the account's password (sign-in, or a password change that
   * proves the current one): both draw on the same failure budget, so a
   * stolen token cannot guess the password faster than sign-in allows.
   */
  async attemptAccount<T>(account: string, check: () => Promise<T>): Promise<T> {
    const accountLimiter = this.accountLimiter()
    const key = this.accountKey(account)
    await counted(() => accountLimiter.consume(key), (seconds) => new LoginLockedError(seconds))
    const result = await check()
    await counted(() => accountLimiter.delete(key), (seconds) => new LoginLockedError(seconds))
    return result
  }

  /** A failed second factor counts as a failed sign-in of the account. */
  async recordFailure(account: string) {
    await counted(() => this.accountLimiter().consume(this.accountKey(account)), (seconds) => new LoginLockedError(seconds))
  }

  async isLocked(account: string): Promise<number> {
    const response = await counted(() => this.accountLimiter().get(this.accountKey(account)), (seconds) => new LoginLockedError(seconds))
    return response && response.remaining <= 0 ? response.availableIn : 0
  }
}

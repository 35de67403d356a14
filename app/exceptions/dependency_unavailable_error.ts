import { DomainError } from '#exceptions/domain_error'

/**
 * 503 `E_DEPENDENCY_UNAVAILABLE`: what the request needs cannot be done
 * safely while a service Pasar depends on is down (sign-in throttling and
 * the flash-sale gate without Redis). Named, translated, with Retry-After;
 * never a 500 and never a hang.
 */
export class DependencyUnavailableError extends DomainError {
  static status = 503
  static code = 'E_DEPENDENCY_UNAVAILABLE'

  constructor(
    readonly dependency: 'Redis' | 'RabbitMQ' | 'MySQL',
    cause?: unknown
  ) {
    super(`${dependency} is unavailable`, { dependency }, { details: { dependency }, headers: { 'Retry-After': '5' }, cause })
  }
}

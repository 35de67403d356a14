import { DomainError } from '#exceptions/domain_error'

export class UnknownMarketError extends DomainError {
  static status = 404
  static code = 'E_UNKNOWN_MARKET'

  constructor(host: string) {
    super(`No storefront is configured for the host "${host}"`, { host })
  }
}

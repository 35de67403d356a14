import { DomainError } from '#exceptions/domain_error'

/** 503 that names every failing dependency and carries the whole report. */
export class DependencyUnavailableError extends DomainError {
  static status = 503
  static code = 'E_SERVICE_UNAVAILABLE'

  constructor(failing: string[], checks: unknown[]) {
    super(`Unavailable: ${failing.join(', ')}`, { dependency: failing.join(', ') }, {
      details: { failing, checks },
    })
  }
}

/** 503 for the public: not ready, without naming what failed. */
export class NotReadyError extends DomainError {
  static status = 503
  static code = 'E_SERVICE_UNAVAILABLE'

  constructor() {
    super('Unavailable', { dependency: '-' })
  }
}

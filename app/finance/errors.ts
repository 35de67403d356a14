import { DomainError } from '#exceptions/domain_error'

/** A month is closed once: its report is stored and never changes again. */
export class PeriodClosedError extends DomainError {
  static status = 409
  static code = 'E_PERIOD_CLOSED'
  constructor(month: string) {
    super(`The period ${month} is already closed`, { month }, { details: { month } })
  }
}

/** Orders of the month still wait for their payment: their tax point is not known yet. */
export class PeriodNotReadyError extends DomainError {
  static status = 409
  static code = 'E_PERIOD_NOT_READY'
  constructor(month: string, pending: number) {
    super(`The period ${month} has ${pending} orders waiting for payment`, { month, pending }, { details: { month, pendingOrders: pending } })
  }
}

/** A download link that expired or was not issued by Pasar. */
export class ExportLinkError extends DomainError {
  static status = 403
  static code = 'E_EXPORT_LINK'
  constructor() {
    super('This download link has expired or is not valid: ask for the export again')
  }
}

/** The export is not ready to download yet (queued or running), or failed. */
export class ExportNotReadyError extends DomainError {
  static status = 409
  static code = 'E_EXPORT_NOT_READY'
  constructor(status: string) {
    super(`The export is ${status}`, { status }, { details: { status } })
  }
}

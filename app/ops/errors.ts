import { DomainError } from '#exceptions/domain_error'

/** The author saw another revision than the one served now: nothing is written, they read and try again. */
export class ConfigRevisionConflictError extends DomainError {
  static status = 409
  static code = 'E_CONFIG_REVISION_CONFLICT'
  constructor(market: string, expected: number, current: number) {
    super(`The config of ${market} is at revision ${current}, not ${expected}`, { market, expected, current }, { details: { currentRevision: current } })
  }
}

/** Approving or restoring a revision that is not in the state it takes (already applied, superseded, never served). */
export class RevisionNotPendingError extends DomainError {
  static status = 409
  static code = 'E_REVISION_STATE'
  constructor(revision: number, status: string, action: 'approve' | 'rollback') {
    super(`Revision ${revision} is ${status}: it cannot be ${action === 'approve' ? 'approved' : 'restored'}`, { revision, status }, { details: { revision, status } })
  }
}

/** Two people for tax, commission and fees: the author cannot be the approver. */
export class OwnRevisionError extends DomainError {
  static status = 403
  static code = 'E_OWN_REVISION'
  constructor(revision: number) {
    super(`Revision ${revision} needs another ops member's approval than its author's`, { revision }, { details: { revision } })
  }
}

/** The config moved on after the revision was proposed: it was made on a config that is no longer served. */
export class RevisionSupersededError extends DomainError {
  static status = 409
  static code = 'E_REVISION_SUPERSEDED'
  constructor(revision: number, current: number) {
    super(`Revision ${revision} was made on an older config (now at revision ${current}): propose it again`, { revision, current }, { details: { revision, currentRevision: current } })
  }
}

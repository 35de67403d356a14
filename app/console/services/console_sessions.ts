import type { Session } from '@adonisjs/session'
import string from '@adonisjs/core/helpers/string'
import env from '#start/env'
import Staff from '#identity/models/staff'
import { StaffAuthService, type SignInFactor } from '#identity/services/staff_auth_service'
import { RecoveryCodes } from '#identity/services/recovery_codes'
import { Totp } from '#identity/services/totp'
import type { AuditOrigin } from '#audit/services/audit_log'
import { AuditLog } from '#audit/services/audit_log'
import identityConfig from '#config/identity'

/** Between the password and the second factor: who, since when. */
interface Pending {
  staffId: number
  at: number
}

interface SignedIn {
  staffId: number
  at: number
}

const maxAgeMs = () => env.get('CONSOLE_MAX_HOURS', 12) * 3_600_000

/**
 * Console sign-in on a session, with the same steps, throttles and audit
 * entries as the API's (StaffAuthService): password, then (admin and ops)
 * a TOTP code or a recovery code, enrolling the factor on first sign-in.
 * The session id changes at each step that raises what the session may do
 * (no session fixation); signing out, or an admin resetting the factor,
 * ends the session.
 */
export class ConsoleSessions {
  #auth = new StaffAuthService()

  /** The signed-in staff member with their roles, or null (none, expired, disabled). */
  async signedIn(session: Session): Promise<Staff | null> {
    const entry = session.get('staff') as SignedIn | undefined
    if (!entry) return null
    if (Date.now() - entry.at > maxAgeMs()) {
      session.forget('staff')
      return null
    }
    const staff = await Staff.query().where('id', entry.staffId).where('status', 'active').preload('roles').first()
    if (!staff || (this.#auth.needsTotp(staff) && !staff.totpConfirmedAt)) {
      session.forget('staff')
      return null
    }
    return staff
  }

  /** The password step: signed in, or a second factor to give (or to enrol). */
  async password(session: Session, email: string, password: string, origin: AuditOrigin): Promise<'signed_in' | 'second_factor'> {
    const staff = await this.#auth.checkPassword(email, password, origin)
    session.forget('staff')
    if (!this.#auth.needsTotp(staff)) {
      await this.complete(session, staff, 'password', origin)
      return 'signed_in'
    }
    session.regenerate()
    session.put('pending', { staffId: staff.id, at: Date.now() } satisfies Pending)
    return 'second_factor'
  }

  /** The staff member between password and second factor, within the challenge's lifetime. */
  async pending(session: Session): Promise<Staff | null> {
    const entry = session.get('pending') as Pending | undefined
    if (!entry || Date.now() - entry.at > string.milliseconds.parse(identityConfig.tokens.staffChallenge)) {
      session.forget('pending')
      return null
    }
    return Staff.query().where('id', entry.staffId).where('status', 'active').preload('roles').first()
  }

  /** For enrolment: the secret (kept while the enrolment lasts) and its otpauth:// URI. */
  async enrolment(session: Session, staff: Staff) {
    const sealed = session.get('enrolment') as string | undefined
    const secret = sealed ? Totp.open(sealed) : null
    if (secret && staff.totpSecret && Totp.open(staff.totpSecret) === secret) return { secret, otpauthUri: Totp.uri(secret, staff.email) }
    const fresh = await this.#auth.enroll(staff)
    session.put('enrolment', Totp.seal(fresh.secret))
    return fresh
  }

  /** The second factor; the recovery codes when this completed an enrolment (shown once). */
  async secondFactor(session: Session, staff: Staff, input: { code?: string; recoveryCode?: string }, origin: AuditOrigin): Promise<{ recoveryCodes: string[] | null }> {
    if (input.code) {
      const { enrolled } = await this.#auth.confirmCode(staff, input.code, origin)
      await this.complete(session, staff, 'totp', origin)
      return { recoveryCodes: enrolled ? await RecoveryCodes.replace(staff) : null }
    }
    await this.#auth.confirmRecoveryCode(staff, input.recoveryCode ?? '', origin)
    await this.complete(session, staff, 'recovery_code', origin)
    return { recoveryCodes: null }
  }

  async signOut(session: Session, staff: Staff, origin: AuditOrigin) {
    session.clear()
    session.regenerate()
    await AuditLog.record({ action: 'staff.logout', actor: AuditLog.actorOf(staff), details: { via: 'console' } }, origin)
  }

  /** Signed in: a new session id, the pending state gone. */
  private async complete(session: Session, staff: Staff, factor: SignInFactor, origin: AuditOrigin) {
    await this.#auth.recordSignIn(staff, origin, factor, 'console')
    const locale = session.get('locale')
    session.clear()
    session.regenerate()
    if (locale) session.put('locale', locale)
    session.put('staff', { staffId: staff.id, at: Date.now() } satisfies SignedIn)
  }
}

import type { Session } from '@adonisjs/session'
import string from '@adonisjs/core/helpers/string'
import env from '#start/env'
import redis from '@adonisjs/redis/services/main'
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
  /** The factors of this sign-in: a role that needs TOTP, granted later, signs a password-only session out. */
  factors: SignInFactor[]
  /** When the second factor in use was enrolled: after a reset and a new enrolment, older sessions are over. */
  enrolledAt: number | null
}

/** An enrolment's instant in whole seconds (what the database keeps of it). */
const enrolment = (staff: Staff) => (staff.totpConfirmedAt ? Math.floor(staff.totpConfirmedAt.toSeconds()) : null)

/** Sign-outs by staff id: a request in flight at sign-out that writes its session back finds it over. */
const signedOutKey = (staffId: number) => `console:signed-out:${staffId}`
/** A page to go back to after sign-in: a console page of this host only. */
const CONSOLE_PAGE = /^\/console(\/[\w./?=&%-]*)?$/

const maxAgeMs = () => env.get('CONSOLE_MAX_HOURS', 12) * 3_600_000

/**
 * Console sign-in on a session, with the same steps, throttles and audit
 * entries as the API's (StaffAuthService): password, then (admin and ops)
 * a TOTP code or a recovery code, enrolling the factor on first sign-in.
 * The session id changes at each step that raises what the session may do
 * (no session fixation). Signing out ends every console session of the
 * person (a request in flight cannot write one back); a reset and newly
 * enrolled second factor, a disabled account, or a role needing TOTP on a
 * password-only session end it too.
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
    const secondFactor = (entry.factors ?? []).some((factor) => factor !== 'password')
    const over =
      !staff ||
      (this.#auth.needsTotp(staff) && (!staff.totpConfirmedAt || !secondFactor)) ||
      (secondFactor && enrolment(staff) !== entry.enrolledAt) ||
      Number((await redis.get(signedOutKey(entry.staffId))) ?? 0) >= entry.at
    if (over) {
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
    await redis.set(signedOutKey(staff.id), String(Date.now()), 'EX', Math.ceil(maxAgeMs() / 1000))
    session.clear()
    session.regenerate()
    await AuditLog.record({ action: 'staff.logout', actor: AuditLog.actorOf(staff), details: { via: 'console' } }, origin)
  }

  /** Signed in: a new session id, the pending state gone. */
  private async complete(session: Session, staff: Staff, factor: SignInFactor, origin: AuditOrigin) {
    await this.#auth.recordSignIn(staff, origin, factor, 'console')
    const locale = session.get('locale')
    const intended = session.getIntendedUrl()
    session.clear()
    session.regenerate()
    if (locale) session.put('locale', locale)
    if (intended && CONSOLE_PAGE.test(intended)) session.setIntendedUrl(intended)
    // One millisecond after any sign-out of the same instant.
    session.put('staff', { staffId: staff.id, at: Date.now() + 1, factors: [factor], enrolledAt: factor === 'password' ? null : enrolment(staff) } satisfies SignedIn)
  }
}

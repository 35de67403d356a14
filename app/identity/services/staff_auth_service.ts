import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import db from '@adonisjs/lucid/services/db'
import Staff from '#identity/models/staff'
import { ROLES_REQUIRING_TOTP } from '#identity/models/staff_role'
import { StaffScope } from '#identity/services/staff_scope'
import { LoginThrottle } from '#identity/services/login_throttle'
import { Totp } from '#identity/services/totp'
import { RecoveryCodes } from '#identity/services/recovery_codes'
import { staffTokens } from '#identity/auth/user_providers'
import { STAFF_ABILITY, STAFF_CHALLENGE_ABILITY } from '#identity/access_matrix'
import { InvalidCredentialsError, InvalidTotpError } from '#identity/exceptions'
import { AuditLog, type AuditOrigin } from '#audit/services/audit_log'
import { DomainError } from '#exceptions/domain_error'
import identityConfig from '#config/identity'

export class TotpAlreadyEnrolledError extends DomainError {
  static status = 409
  static code = 'E_TOTP_ALREADY_ENROLLED'
}

export class TotpNotEnrolledError extends DomainError {
  static status = 409
  static code = 'E_CONFLICT'
  constructor() {
    super('Recovery codes belong to a second factor: enrol one first')
  }
}

let decoyHash: Promise<string> | undefined

export type SignInFactor = 'password' | 'totp' | 'recovery_code'

export type StaffLoginResult =
  /** `recoveryCodes`: shown once, when the enrolment of the second factor completes. */
  | { status: 'signed_in'; staff: Staff; token: string; expiresAt: Date | null; recoveryCodes?: string[] }
  | { status: 'totp_required' | 'totp_enrollment_required'; staff: Staff; challengeToken: string; expiresAt: Date | null }

/**
 * Staff sign-in on the staff host. Admin and ops roles need a second factor:
 * the password gives a short-lived challenge token that only the TOTP routes
 * accept; a valid code (never the same one twice) gives the real token.
 * Every outcome is written to the audit log.
 */
export class StaffAuthService {
  #throttle = new LoginThrottle('staff')

  needsTotp(staff: Staff): boolean {
    return new StaffScope(staff.roles).hasAnyRole(ROLES_REQUIRING_TOTP)
  }

  /**
   * The password step of every sign-in (API and console): throttled per IP
   * and e-mail, a decoy hash for unknown e-mails, failures audited.
   */
  async checkPassword(email: string, password: string, origin: AuditOrigin): Promise<Staff> {
    try {
      return await this.#throttle.attempt(origin.ip ?? 'unknown', email, async () => {
        const found = await Staff.query().where('email', email).preload('roles').first()
        if (!found) {
          decoyHash ??= hash.make('decoy-password-for-unknown-staff')
          await hash.verify(await decoyHash, password)
          throw new InvalidCredentialsError()
        }
        if (!(await hash.verify(found.password, password)) || found.status !== 'active') {
          throw new InvalidCredentialsError()
        }
        return found
      })
    } catch (error) {
      const action = error instanceof InvalidCredentialsError ? 'staff.login_failed' : 'staff.login_locked'
      if (error instanceof InvalidCredentialsError || (error as DomainError).code === 'E_LOGIN_LOCKED') {
        await AuditLog.record({ action, actor: { type: 'staff', email }, details: { email } }, origin)
      }
      throw error
    }
  }

  async login(email: string, password: string, origin: AuditOrigin): Promise<StaffLoginResult> {
    const staff = await this.checkPassword(email, password, origin)
    if (!this.needsTotp(staff)) return this.signIn(staff, origin, 'password')

    const challenge = await staffTokens().create(staff.id, [STAFF_CHALLENGE_ABILITY], {
      name: 'totp-challenge',
      expiresIn: identityConfig.tokens.staffChallenge,
    })
    return {
      status: staff.totpConfirmedAt ? 'totp_required' : 'totp_enrollment_required',
      staff,
      challengeToken: challenge.value!.release(),
      expiresAt: challenge.expiresAt,
    }
  }

  /** A new secret (replacing an unconfirmed one) and its otpauth:// URI. */
  async enroll(staff: Staff) {
    if (staff.totpConfirmedAt) throw new TotpAlreadyEnrolledError('A second factor is already enrolled')
    const secret = Totp.newSecret()
    staff.totpSecret = Totp.seal(secret)
    staff.totpLastStep = null
    await staff.save()
    return { secret, otpauthUri: Totp.uri(secret, staff.email) }
  }

  /**
   * The second-factor step of every sign-in: a right code of a time step
   * after the last one used (one conditional UPDATE, so of two requests
   * with the same code one wins). The first right code completes the
   * enrolment (`enrolled`). A wrong code is audited and counts as a failed
   * sign-in.
   */
  async confirmCode(staff: Staff, code: string, origin: AuditOrigin): Promise<{ enrolled: boolean }> {
    const secret = staff.totpSecret ? Totp.open(staff.totpSecret) : null
    const step = secret ? Totp.check(secret, staff.email, code) : null
    if (step === null) return this.rejectCode(staff, origin)

    const claimed = await db
      .connection('control')
      .from('staff')
      .where('id', staff.id)
      .where((query) => query.whereNull('totp_last_step').orWhere('totp_last_step', '<', step))
      .update({ totp_last_step: step, updated_at: new Date() })
    if (Number(claimed) !== 1) return this.rejectCode(staff, origin)

    if (staff.totpConfirmedAt) return { enrolled: false }
    staff.totpConfirmedAt = DateTime.utc()
    await staff.save()
    await AuditLog.record(
      { action: 'staff.totp_enrolled', actor: { type: 'staff', id: staff.publicId, email: staff.email } },
      origin
    )
    return { enrolled: true }
  }

  async verify(staff: Staff, code: string, origin: AuditOrigin): Promise<StaffLoginResult> {
    const { enrolled } = await this.confirmCode(staff, code, origin)
    if (staff.currentAccessToken) await staffTokens().deleteById(staff.currentAccessToken.identifier)
    const signedIn = await this.signIn(staff, origin, 'totp')
    // The enrolment is done: ten recovery codes, shown this once.
    return enrolled && signedIn.status === 'signed_in' ? { ...signedIn, recoveryCodes: await RecoveryCodes.replace(staff) } : signedIn
  }

  /** A recovery code in place of a TOTP code: once each, only for an enrolled second factor; audited. */
  async confirmRecoveryCode(staff: Staff, code: string, origin: AuditOrigin): Promise<void> {
    if (!staff.totpConfirmedAt || !(await RecoveryCodes.use(staff, code))) return this.rejectCode(staff, origin)
    await AuditLog.record({ action: 'staff.recovery_code_used', actor: { type: 'staff', id: staff.publicId, email: staff.email }, details: { left: await RecoveryCodes.left(staff) } }, origin)
  }

  /** A wrong recovery code counts as a failed sign-in, as a wrong TOTP code does. */
  async verifyRecoveryCode(staff: Staff, code: string, origin: AuditOrigin): Promise<StaffLoginResult> {
    await this.confirmRecoveryCode(staff, code, origin)
    if (staff.currentAccessToken) await staffTokens().deleteById(staff.currentAccessToken.identifier)
    return this.signIn(staff, origin, 'recovery_code')
  }

  /** A new set of recovery codes (the old set stops working); audited. */
  async regenerateRecoveryCodes(staff: Staff, origin: AuditOrigin) {
    if (!staff.totpConfirmedAt) throw new TotpNotEnrolledError()
    const codes = await RecoveryCodes.replace(staff)
    await AuditLog.record({ action: 'staff.recovery_codes_regenerated', actor: { type: 'staff', id: staff.publicId, email: staff.email } }, origin)
    return codes
  }

  async logout(staff: Staff, origin: AuditOrigin) {
    if (staff.currentAccessToken) await staffTokens().deleteById(staff.currentAccessToken.identifier)
    await AuditLog.record(
      { action: 'staff.logout', actor: { type: 'staff', id: staff.publicId, email: staff.email } },
      origin
    )
  }

  private async rejectCode(staff: Staff, origin: AuditOrigin): Promise<never> {
    await AuditLog.record(
      { action: 'staff.totp_failed', actor: { type: 'staff', id: staff.publicId, email: staff.email } },
      origin
    )
    await this.#throttle.recordFailure(staff.email)
    throw new InvalidTotpError()
  }

  /** A completed sign-in: the time and the factors used, audited; `via` the console when it is one. */
  async recordSignIn(staff: Staff, origin: AuditOrigin, factor: SignInFactor, via: 'api' | 'console' = 'api') {
    staff.lastLoginAt = DateTime.utc()
    await staff.save()
    await AuditLog.record(
      {
        action: 'staff.login',
        actor: { type: 'staff', id: staff.publicId, email: staff.email },
        details: { factors: factor === 'password' ? ['password'] : ['password', factor], ...(via === 'console' && { via }) },
      },
      origin
    )
  }

  private async signIn(staff: Staff, origin: AuditOrigin, factor: SignInFactor): Promise<StaffLoginResult> {
    await this.recordSignIn(staff, origin, factor)
    const token = await staffTokens().create(staff.id, [STAFF_ABILITY], { name: 'console' })
    return { status: 'signed_in', staff, token: token.value!.release(), expiresAt: token.expiresAt }
  }
}

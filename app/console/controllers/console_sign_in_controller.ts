import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import QRCode from 'qrcode'
import { ConsoleSessions } from '#console/services/console_sessions'
import { consoleLanguages } from '#console/services/console_languages'
import { formOf, refusal } from '#console/forms'
import { staffLoginValidator, totpCodeValidator } from '#identity/validators/staff'
import { originOf } from '#audit/services/audit_log'

const languageValidator = vine.create(vine.object({ locale: vine.string().trim().maxLength(20), back: vine.string().trim().maxLength(500).optional() }))
/** Where the language form sends back: a console page of this host, never elsewhere. */
const CONSOLE_PATH = /^\/console(\/[\w./?=&%-]*)?$/

/** Sign-in (password, then TOTP for admin and ops, enrolling it the first time), sign-out and language. */
export default class ConsoleSignInController {
  #sessions = new ConsoleSessions()

  async show(ctx: HttpContext) {
    if (await this.#sessions.signedIn(ctx.session)) return ctx.response.redirect().toPath('/console')
    return ctx.view.render('console/sign_in', { email: '', fields: {}, message: null })
  }

  async password(ctx: HttpContext) {
    const form = formOf(ctx)
    try {
      const { email, password } = await staffLoginValidator.validate(form)
      const step = await this.#sessions.password(ctx.session, email, password, originOf(ctx))
      return ctx.response.redirect().toPath(step === 'signed_in' ? (ctx.session.pullIntendedUrl() ?? '/console') : '/console/second-factor')
    } catch (error) {
      const { message, fields } = refusal(ctx, error)
      ctx.response.status(error instanceof Error && 'status' in error && Number(error.status) === 429 ? 429 : 422)
      return ctx.view.render('console/sign_in', { email: typeof form.email === 'string' ? form.email : '', fields, message })
    }
  }

  async secondFactor(ctx: HttpContext) {
    const staff = await this.#sessions.pending(ctx.session)
    if (!staff) return ctx.response.redirect().toPath('/console/sign-in')
    return ctx.view.render('console/second_factor', { ...(await this.enrolmentOf(ctx, staff)), fields: {}, message: null })
  }

  async verify(ctx: HttpContext) {
    const staff = await this.#sessions.pending(ctx.session)
    if (!staff) return ctx.response.redirect().toPath('/console/sign-in')
    try {
      const input = await totpCodeValidator.validate(formOf(ctx))
      const { recoveryCodes } = await this.#sessions.secondFactor(ctx.session, staff, input, originOf(ctx))
      // Shown on a page of the new session (its own CSRF secret), once.
      if (recoveryCodes) {
        ctx.session.flash('recoveryCodes', recoveryCodes)
        return ctx.response.redirect().toPath('/console/recovery-codes')
      }
      return ctx.response.redirect().toPath(ctx.session.pullIntendedUrl() ?? '/console')
    } catch (error) {
      const { message, fields } = refusal(ctx, error)
      ctx.response.status(422)
      return ctx.view.render('console/second_factor', { ...(await this.enrolmentOf(ctx, staff)), fields, message })
    }
  }

  /** The recovery codes of an enrolment that just completed: on the first page after it only. */
  async recoveryCodes(ctx: HttpContext) {
    const recoveryCodes = ctx.session.flashMessages.get('recoveryCodes')
    if (!Array.isArray(recoveryCodes)) return ctx.response.redirect().toPath('/console')
    return ctx.view.render('console/recovery_codes', { recoveryCodes, next: ctx.session.pullIntendedUrl() ?? '/console' })
  }

  async signOut(ctx: HttpContext) {
    await this.#sessions.signOut(ctx.session, ctx.staff, originOf(ctx))
    return ctx.response.redirect().toPath('/console/sign-in')
  }

  /** The language of every page from now on: one of the markets' locales (or English). */
  async language(ctx: HttpContext) {
    const { locale, back } = await languageValidator.validate(formOf(ctx))
    if (consoleLanguages().some((language) => language.locale === locale)) ctx.session.put('locale', locale)
    return ctx.response.redirect().toPath(back && CONSOLE_PATH.test(back) ? back : '/console')
  }

  /** What the enrolment step shows: the QR code (drawn here, never by a third party) and the secret to type in. */
  private async enrolmentOf(ctx: HttpContext, staff: Awaited<ReturnType<ConsoleSessions['pending']>> & {}) {
    if (staff.totpConfirmedAt) return { enrolling: false, qr: null, secret: null }
    const { secret, otpauthUri } = await this.#sessions.enrolment(ctx.session, staff)
    return { enrolling: true, qr: await QRCode.toDataURL(otpauthUri, { margin: 1, width: 220 }), secret }
  }
}

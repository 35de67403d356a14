import { type HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import { errors as vineErrors } from '@vinejs/vine'
import translations from '#i18n/services/main'
import markets from '#markets/services/main'
import { FALLBACK_LANGUAGE, filled, negotiateLocale } from '#i18n/services/i18n'
import { DomainError } from '#exceptions/domain_error'

interface FieldError {
  field: string
  rule: string
  message: string
}

interface Problem {
  status: number
  code: string
  params: Record<string, unknown>
  fallback: string
  fields?: FieldError[]
  headers?: Record<string, string>
  details?: Record<string, unknown>
}

/** Refusals of who is asking, never of what was asked: shown as an error page, not as a form message. */
const AUTHORIZATION_CODES = new Set(['E_UNAUTHORIZED', 'E_FORBIDDEN', 'E_TOTP_REQUIRED', 'E_BAD_CSRF_TOKEN', 'E_NOT_FOUND', 'E_ROUTE_NOT_FOUND'])

/** A request of the staff console (HTML pages on the staff host), once the console has set up its view. */
function isConsolePage(ctx: HttpContext) {
  return ctx.request.url().startsWith('/console') && Boolean(ctx.session) && Boolean(ctx.view)
}

/** Status → code for framework errors that carry no code of ours. */
const CODE_BY_STATUS: Record<number, string> = {
  400: 'E_BAD_REQUEST',
  401: 'E_UNAUTHORIZED',
  403: 'E_FORBIDDEN',
  404: 'E_NOT_FOUND',
  409: 'E_CONFLICT',
  413: 'E_PAYLOAD_TOO_LARGE',
  415: 'E_UNSUPPORTED_MEDIA_TYPE',
  422: 'E_BAD_REQUEST',
  429: 'E_RATE_LIMITED',
  503: 'E_SERVICE_UNAVAILABLE',
}

/**
 * Error messages by locale, code and parameters: the same refusal (sold
 * out, rate limited) is answered thousands of times a second in a flash
 * sale, and i18next resolving it each time is a good part of the cost.
 */
const messages = new Map<string, string>()
function translated(locale: string, problem: Problem, translate: () => string) {
  // A 500 names its request id: one of a kind, not worth keeping.
  if (problem.status >= 500) return translate()
  const key = `${locale}\u0000${problem.code}\u0000${problem.fallback}\u0000${JSON.stringify(problem.params)}`
  let message = messages.get(key)
  if (message === undefined) {
    message = translate()
    if (messages.size >= 10_000) messages.clear()
    messages.set(key, message)
  }
  return message
}


/**
 * One JSON error format for every failure:
 * `{ error: { code, message, fields? } }`, the message in the request's
 * locale. Unexpected errors become a 500 that names only the request id;
 * their details go to the log.
 */
export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = false

  async handle(error: unknown, ctx: HttpContext) {
    const problem = this.toProblem(error, ctx)
    const locale = ctx.locale ?? this.localeOf(ctx)
    const t = ctx.t ?? translations.forLocale(locale)

    const body: { code: string; message: string; fields?: FieldError[] } = {
      ...problem.details,
      code: problem.code,
      message: translated(locale, problem, () => t(`errors:${problem.code}`, { ...problem.params, defaultValue: problem.fallback })),
    }
    if (problem.fields) {
      body.fields = problem.fields.map((field) => ({
        field: field.field,
        rule: field.rule,
        message: filled(
          t(`validation:${field.rule}`, { field: field.field, ...((field as any).meta ?? {}), defaultValue: field.message }),
          field.message
        ),
      }))
    }

    for (const [name, value] of Object.entries(problem.headers ?? {})) {
      ctx.response.header(name, value)
    }
    if (isConsolePage(ctx)) return this.renderConsolePage(error, ctx, problem.status, body)
    ctx.response.status(problem.status).json({ error: body })
  }

  /**
   * The staff console answers in HTML. A refused form (a rule of the
   * domain, a bad field the page did not show itself) goes back to the form
   * with the message; a page the staff member may not see, a forged form
   * (CSRF) or a missing record is an error page with its status. Not
   * signed in (or signed out by idle time): to the sign-in page.
   */
  private async renderConsolePage(error: unknown, ctx: HttpContext, status: number, body: { code: string; message: string; fields?: FieldError[] }) {
    const method = ctx.request.method()
    if (status === 401 && method === 'GET' && !ctx.request.header('hx-request')) {
      return ctx.response.redirect().withIntendedUrl().toPath('/console/sign-in')
    }
    const refusedForm = method === 'POST' && status < 500 && !AUTHORIZATION_CODES.has(body.code) && (error instanceof DomainError || error instanceof vineErrors.E_VALIDATION_ERROR)
    if (refusedForm && ctx.session) {
      ctx.session.flash('notice', { kind: 'error', message: body.message, fields: (body.fields ?? []).map((field) => `${field.field}: ${field.message}`) })
      return ctx.response.redirect().withQs().back()
    }
    ctx.response.status(status).header('Cache-Control', 'no-store')
    // Refused before the console shared its page state (a forged form fails in shield): what the layout needs.
    const locale = ctx.locale ?? FALLBACK_LANGUAGE
    const t = translations.forLocale(locale)
    const page = { t: (key: string, params?: Record<string, unknown>) => t(`console:${key}`, params), locale, lang: new Intl.Locale(locale).language, currentPath: '/console' }
    ctx.view.share(page)
    return ctx.response.send(await ctx.view.render('console/error', { status, code: body.code, message: body.message, signedOut: status === 401 }))
  }

  /**
   * Locale for errors raised before the market middleware ran (unknown
   * route, unknown host): the Host's market locales when it has a market,
   * else any language we have translations for.
   */
  private localeOf(ctx: HttpContext): string {
    const accept = ctx.request.header('accept-language')
    const market = markets.findByHost(ctx.request.header('host'))
    if (market) return negotiateLocale(accept, market.locales)
    return negotiateLocale(accept, [
      FALLBACK_LANGUAGE,
      ...translations.languages.filter((language) => language !== FALLBACK_LANGUAGE),
    ])
  }

  async report(error: unknown, ctx: HttpContext) {
    const status = this.toProblem(error, ctx).status
    if (status < 500) return
    if (error instanceof DomainError) {
      // Expected outages (a dependency down): one line, no stack.
      ctx.logger.warn({ code: error.code, params: error.params }, error.message)
    } else {
      ctx.logger.error({ err: error }, 'request failed')
    }
  }

  private toProblem(error: unknown, ctx: HttpContext): Problem {
    if (error instanceof vineErrors.E_VALIDATION_ERROR) {
      const fields = (error.messages as (FieldError & { meta?: unknown })[]).map((message) => ({
        field: message.field,
        rule: message.rule,
        message: message.message,
        meta: message.meta,
      }))
      return {
        status: 422,
        code: 'E_VALIDATION_ERROR',
        params: { fields: [...new Set(fields.map((field) => field.field))].join(', ') },
        fallback: 'The request has invalid fields',
        fields,
      }
    }

    if (error instanceof DomainError) {
      const type = error.constructor as typeof DomainError
      return {
        status: error.status ?? type.status,
        code: error.code ?? type.code,
        params: error.params,
        fallback: error.message,
        fields: error.fields,
        headers: error.headers,
        details: error.details,
      }
    }

    const candidate = error as { status?: number; code?: string; message?: string }

    // Two writers met in the database and one was rolled back, after the
    // market context's own retries: the request did nothing, try again.
    if (candidate?.code === 'ER_LOCK_DEADLOCK' || candidate?.code === 'ER_LOCK_WAIT_TIMEOUT') {
      return { status: 409, code: 'E_CONCURRENT_UPDATE', params: {}, fallback: 'Another request changed the same data at the same time; retry', headers: { 'Retry-After': '1' } }
    }
    // A compressed body that does not decompress (Content-Encoding: gzip, deflate, br).
    // zlib reports Z_DATA_ERROR and the like, Brotli ERR__ERROR_FORMAT_... and ERR_BROTLI_...
    if (typeof candidate?.code === 'string' && /^(Z_[A-Z_]+|ERR_BROTLI_[A-Z0-9_]+|ERR__ERROR_[A-Z0-9_]+)$/.test(candidate.code)) {
      return { status: 400, code: 'E_BAD_REQUEST', params: {}, fallback: 'The request body could not be decompressed' }
    }
    const status =
      typeof candidate?.status === 'number' && candidate.status >= 400 && candidate.status < 600
        ? candidate.status
        : 500

    if (candidate?.code === 'E_ROUTE_NOT_FOUND') {
      return {
        status: 404,
        code: 'E_ROUTE_NOT_FOUND',
        params: { method: ctx.request.method(), url: ctx.request.url() },
        fallback: `There is no ${ctx.request.method()} ${ctx.request.url()} route`,
      }
    }

    if (status >= 500) {
      return {
        status: status === 503 ? 503 : 500,
        code: status === 503 ? 'E_SERVICE_UNAVAILABLE' : 'E_INTERNAL_ERROR',
        params: { requestId: ctx.request.id() ?? '-', dependency: '-' },
        fallback: 'Internal server error',
      }
    }

    // Framework 4xx errors (malformed JSON, body too large...): keep the
    // status class, answer with our own codes so every message is translated.
    const code = CODE_BY_STATUS[status] ?? 'E_BAD_REQUEST'
    return {
      status: code === 'E_BAD_REQUEST' ? 400 : status,
      code,
      params: {},
      fallback: candidate?.message ?? 'Bad request',
    }
  }
}

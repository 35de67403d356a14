import { Exception } from '@adonisjs/core/exceptions'

/**
 * Base of every error Pasar raises on purpose. `code` is the stable
 * machine-readable name (`E_...`) and the i18n key of its message in
 * resources/locales/<lng>/errors.json; `params` fill that message.
 * `fields` lists offending input fields where there are some.
 */
export class DomainError extends Exception {
  static status = 400
  static code = 'E_BAD_REQUEST'

  readonly params: Record<string, unknown>
  readonly fields?: { field: string; rule: string; message: string }[]
  readonly headers?: Record<string, string>
  /** Extra machine-readable members of the error body. */
  readonly details?: Record<string, unknown>

  constructor(
    message: string,
    params: Record<string, unknown> = {},
    options: {
      fields?: { field: string; rule: string; message: string }[]
      headers?: Record<string, string>
      details?: Record<string, unknown>
      cause?: unknown
    } = {}
  ) {
    // A 4xx is an expected outcome, not a bug: no stack trace. Capturing
    // one (twice, Error and Exception both do) was the costliest part of
    // refusing a request, and a flash sale refuses most of its requests.
    const limit = Error.stackTraceLimit
    if ((new.target as typeof DomainError).status < 500) Error.stackTraceLimit = 0
    try {
      super(message, { cause: options.cause })
    } finally {
      Error.stackTraceLimit = limit
    }
    this.params = params
    this.fields = options.fields
    this.headers = options.headers
    this.details = options.details
  }
}

import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { DomainError } from '#exceptions/domain_error'

export class UnsupportedMediaTypeError extends DomainError {
  static status = 415
  static code = 'E_UNSUPPORTED_MEDIA_TYPE'
  constructor(contentType: string) {
    super(`Request bodies are JSON (application/json), not ${contentType || 'untyped'}`, { contentType: contentType || '-' })
  }
}

const JSON_TYPE = /^application\/(?:[a-z0-9.+-]+\+)?json\s*(?:;|$)/i

/**
 * The API takes JSON only: a write that carries a body of any other type
 * (a form, multipart, text) is a 415 before anything reads it, rather than
 * a body the framework would parse into fields. Writes without a body
 * (a cancel, a sign-out) need no type.
 */
export default class JsonOnlyMiddleware {
  handle(ctx: HttpContext, next: NextFn) {
    const headers = ctx.request.request.headers
    const hasBody = Number(headers['content-length'] ?? 0) > 0 || headers['transfer-encoding'] !== undefined
    if (hasBody && ctx.request.url().startsWith('/api/')) {
      const type = String(headers['content-type'] ?? '')
      if (!JSON_TYPE.test(type)) throw new UnsupportedMediaTypeError(type.split(';')[0].trim())
    }
    return next()
  }
}

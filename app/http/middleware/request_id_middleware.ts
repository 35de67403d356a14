import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * Returns our request id on every response (errors included) so a client
 * can quote it; `ctx.logger` writes it on every log line, with the id of a
 * trusted proxy in front beside it. No answer is to be content-sniffed.
 */
export default class RequestIdMiddleware {
  handle(ctx: HttpContext, next: NextFn) {
    const id = ctx.request.id()
    if (id) ctx.response.header('X-Request-Id', id)
    const upstream = ctx.request.upstreamRequestId()
    if (upstream) ctx.logger = ctx.logger.child({ upstream_request_id: upstream })
    ctx.response.header('X-Content-Type-Options', 'nosniff')
    return next()
  }
}

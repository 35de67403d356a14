import { HttpRequest } from '@adonisjs/core/http'
import { isTrustedProxy } from '#http/trusted_proxies'

const UPSTREAM = Symbol('pasar.upstreamRequestId')

declare module '@adonisjs/core/http' {
  interface HttpRequest {
    /** The X-Request-Id a trusted proxy in front sent, kept apart from ours (`id()`). */
    upstreamRequestId(): string | null
  }
}

/**
 * Request ids are ours: the framework would take a client's X-Request-Id as
 * the request's id (echoed, logged, written to the immutable audit log), so
 * any peer could choose or forge it. The incoming header is removed before
 * the first `id()`, which then generates one; a trusted proxy's id (the
 * peer is loopback, or in TRUSTED_PROXIES) is kept as the upstream id.
 */
export function installRequestIds() {
  const prototype = HttpRequest.prototype as unknown as {
    id(): string | undefined
    request: { headers: Record<string, string | string[] | undefined>; socket: { remoteAddress?: string } }
    __pasarRequestIds?: boolean
    [UPSTREAM]?: string | null
  }
  if (prototype.__pasarRequestIds) return
  const original = prototype.id
  prototype.id = function (this: typeof prototype) {
    if (this[UPSTREAM] === undefined) {
      const incoming = this.request.headers['x-request-id']
      delete this.request.headers['x-request-id']
      const peer = this.request.socket.remoteAddress ?? ''
      const value = Array.isArray(incoming) ? incoming[0] : incoming
      this[UPSTREAM] = value && isTrustedProxy(peer) && /^[\x21-\x7E]{1,128}$/.test(value) ? value : null
    }
    return original.call(this)
  }
  ;(HttpRequest.prototype as unknown as { upstreamRequestId(): string | null }).upstreamRequestId = function (this: typeof prototype) {
    this.id()
    return this[UPSTREAM] ?? null
  }
  prototype.__pasarRequestIds = true
}

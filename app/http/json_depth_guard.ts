import { HttpRequest } from '@adonisjs/core/http'
import { Exception } from '@adonisjs/core/exceptions'

/** No API payload of Pasar is nested deeper than this. */
export const MAX_BODY_DEPTH = 32

/** Depth of a parsed body, measured without recursion. */
export function depthOf(value: unknown, limit: number): number {
  let deepest = 0
  const stack: [unknown, number][] = [[value, 1]]
  while (stack.length) {
    const [current, depth] = stack.pop()!
    if (current === null || typeof current !== 'object') continue
    if (depth > deepest) deepest = depth
    if (deepest > limit) return deepest
    for (const child of Object.values(current)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1])
    }
  }
  return deepest
}

/**
 * The framework deep-clones a request body recursively when it is set: a
 * few kilobytes of `[[[[...]]]]` would overflow the stack and answer 500.
 * Bodies deeper than MAX_BODY_DEPTH are refused with a 400 before that.
 */
export function installBodyDepthGuard() {
  const prototype = HttpRequest.prototype as unknown as {
    setInitialBody(body: unknown): void
    __pasarDepthGuard?: boolean
  }
  if (prototype.__pasarDepthGuard) return
  const original = prototype.setInitialBody
  prototype.setInitialBody = function (this: unknown, body: unknown) {
    // Every Pasar endpoint takes an object; a top-level array would be
    // merged into the input as keys "0", "1"...
    if (Array.isArray(body)) {
      throw new Exception('Request body must be a JSON object', { status: 400, code: 'E_BAD_REQUEST' })
    }
    if (depthOf(body, MAX_BODY_DEPTH) > MAX_BODY_DEPTH) {
      throw new Exception(`Request body is nested deeper than ${MAX_BODY_DEPTH} levels`, {
        status: 400,
        code: 'E_BAD_REQUEST',
      })
    }
    return original.call(this, body)
  }
  prototype.__pasarDepthGuard = true
}

import { createHash } from 'node:crypto'
import vine from '@vinejs/vine'

/** Idempotency-Key: 1-255 printable ASCII characters (a UUID is typical). */
export const idempotencyKeyValidator = vine.create(vine.object({ 'idempotency-key': vine.string().regex(/^[\x21-\x7E]{1,255}$/) }))

/** Canonical JSON: the same body with keys in another order is the same request. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`
  }
  return JSON.stringify(value ?? null)
}

/** What an Idempotency-Key is bound to: a hash of the canonical request. */
export function requestHash(request: unknown) {
  return createHash('sha256').update(canonical(request)).digest('hex')
}

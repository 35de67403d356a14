import { fieldError } from '#exceptions/field_error'

/** Opaque cursors of the API's lists: JSON, base64url-encoded. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

/** The value of a cursor this list made, or a 422 naming `cursor`. */
export function decodeCursor<T>(cursor: string, check: (value: unknown) => value is T): T {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString())
    if (check(value)) return value
  } catch {}
  throw fieldError('cursor', 'cursor', 'cursor is not a cursor of this list')
}

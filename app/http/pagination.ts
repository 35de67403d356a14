import vine from '@vinejs/vine'
import { cursor } from '#validation/rules'
import { decodeCursor, encodeCursor } from '#http/cursor'

/** `?limit=` (1-100) and an opaque `?cursor=`, the API's paging convention. */
export const pageQueryValidator = vine.create(
  vine.object({
    limit: vine.number().withoutDecimals().range([1, 100]).optional(),
    cursor: cursor(100).optional(),
  })
)

const isIdCursor = (value: unknown): value is { id: number } =>
  typeof value === 'object' && value !== null && Number.isSafeInteger((value as { id: number }).id)

/** The row id a cursor points past (id-ordered lists). */
export function idFromCursor(cursor: string | undefined): number | undefined {
  return cursor ? decodeCursor(cursor, isIdCursor).id : undefined
}

/** The next page's cursor, when there is one more row than the page. */
export function nextIdCursor(rows: { id: number }[], limit: number): string | null {
  return rows.length > limit ? encodeCursor({ id: rows[limit - 1].id }) : null
}

import vine from '@vinejs/vine'
import { cursor } from '#validation/rules'
import { decodeCursor, encodeCursor } from '#http/cursor'

/** Where a page of the inbox ends: the last message's time and id (newest first, ties by id). */
export interface InboxPosition {
  at: string
  id: number
}

const isInboxPosition = (value: unknown): value is InboxPosition =>
  typeof value === 'object' &&
  value !== null &&
  Number.isSafeInteger((value as InboxPosition).id) &&
  typeof (value as InboxPosition).at === 'string' &&
  !Number.isNaN(Date.parse((value as InboxPosition).at))

/** A cursor this list made: checked with the other fields, so one 422 names every bad one. */
const inboxCursor = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  try {
    decodeCursor(value, isInboxPosition)
  } catch {
    field.report('{{ field }} is not a valid cursor', 'cursor', field)
  }
})

/** `GET /me/notifications`: `?limit=` (1-100) and `?cursor=`, nothing else. */
export const inboxQueryValidator = vine.create(
  vine.object({
    limit: vine.number().withoutDecimals().range([1, 100]).optional(),
    cursor: cursor(100).use(inboxCursor()).optional(),
  })
)

/** The position a (validated) cursor points past. */
export function inboxPositionOf(value: string | undefined): InboxPosition | undefined {
  return value === undefined ? undefined : decodeCursor(value, isInboxPosition)
}

/** The next page's cursor, when there is one more row than the page. */
export function nextInboxCursor(rows: { id: number; occurred_at: Date | string }[], limit: number): string | null {
  if (rows.length <= limit) return null
  const last = rows[limit - 1]
  return encodeCursor({ at: new Date(last.occurred_at).toISOString(), id: Number(last.id) })
}

import db from '@adonisjs/lucid/services/db'
import { fieldError } from '#exceptions/field_error'

export interface AuditPage {
  entries: Record<string, unknown>[]
  nextCursor: string | null
}

/** The audit log is in the control database, of every market: filtered by its column, not through a market context. */
const MARKET_COLUMN = 'market_code'

/** Reads the audit log newest first, with an opaque id cursor. */
export class AuditQuery {
  async page(options: { limit: number; cursor?: string; action?: string; actor?: string; market?: string; from?: Date; to?: Date }): Promise<AuditPage> {
    const query = db
      .connection('control')
      .from('audit_logs')
      .orderBy('id', 'desc')
      .limit(options.limit + 1)
    if (options.cursor) {
      const before = Number(Buffer.from(options.cursor, 'base64url').toString())
      if (!Number.isSafeInteger(before)) throw fieldError('cursor', 'cursor', 'cursor is not a cursor of this list')
      query.where('id', '<', before)
    }
    if (options.action) query.where('action', options.action)
    if (options.actor) query.where('actor_email', options.actor)
    if (options.market) query.where(MARKET_COLUMN, options.market)
    if (options.from) query.where('occurred_at', '>=', options.from)
    if (options.to) query.where('occurred_at', '<', options.to)
    const rows = await query
    const page = rows.slice(0, options.limit)
    const last = page.at(-1)
    return {
      entries: page.map((row) => ({
        occurredAt: new Date(row.occurred_at).toISOString(),
        action: row.action,
        actor: { type: row.actor_type, id: row.actor_id, email: row.actor_email },
        target: row.target_type ? { type: row.target_type, id: row.target_id } : null,
        market: row.market_code,
        ip: row.ip,
        requestId: row.request_id,
        upstreamRequestId: row.upstream_request_id,
        details: typeof row.details === 'string' ? JSON.parse(row.details) : row.details,
      })),
      nextCursor: rows.length > options.limit && last ? Buffer.from(String(last.id)).toString('base64url') : null,
    }
  }
}

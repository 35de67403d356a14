import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

export type AuditAction =
  | 'staff.login'
  | 'staff.login_failed'
  | 'staff.login_locked'
  | 'staff.totp_enrolled'
  | 'staff.totp_failed'
  | 'staff.logout'
  | 'staff.created'
  | 'staff.role_granted'
  | 'staff.role_revoked'
  | 'catalog.product_banned'
  | 'catalog.product_unbanned'
  | 'orders.flash_sale_scheduled'
  | 'identity.password_changed'
  | 'identity.password_change_failed'
  | 'identity.password_change_locked'
  | 'returns.opened_for_buyer'
  | 'returns.decided'
  | 'promotions.voucher_created'
  | 'identity.password_reset'
  | 'staff.recovery_code_used'
  | 'staff.recovery_codes_regenerated'
  | 'staff.second_factor_reset'
  | 'ops.config_changed'
  | 'ops.config_proposed'
  | 'ops.config_approved'
  | 'finance.tax_report_read'
  | 'finance.export_requested'
  | 'finance.export_downloaded'
  | 'finance.period_closed'

export interface AuditEntry {
  action: AuditAction
  /** `account`: a buyer or seller of `marketCode`. */
  actor: { type: 'staff' | 'account' | 'system'; id?: string | null; email?: string | null }
  target?: { type: string; id: string }
  marketCode?: string | null
  details?: Record<string, unknown>
}

/** Who did it from where: taken from the request when there is one. */
export interface AuditOrigin {
  ip: string | null
  /** Pasar's own request id. */
  requestId: string | null
  /** The id a trusted proxy in front gave the request, if any. */
  upstreamRequestId?: string | null
}

export function originOf(ctx: HttpContext): AuditOrigin {
  return { ip: ctx.request.ip() ?? null, requestId: ctx.request.id() ?? null, upstreamRequestId: ctx.request.upstreamRequestId() }
}

/**
 * The append-only audit log of the control database (triggers refuse
 * UPDATE and DELETE). Written in the same transaction as the change it
 * records when there is one, so a change and its entry exist together.
 */
export class AuditLog {
  /** The signed-in staff member of a staff-host request, as an audit actor. */
  static staffOf(ctx: HttpContext): { type: 'staff'; id: string; email: string } {
    return AuditLog.actorOf(ctx.auth.use('staff').getUserOrFail())
  }

  static actorOf(staff: { publicId: string; email: string }): { type: 'staff'; id: string; email: string } {
    return { type: 'staff', id: staff.publicId, email: staff.email }
  }

  static async record(entry: AuditEntry, origin: AuditOrigin, trx?: TransactionClientContract) {
    const client = trx ?? db.connection('control')
    await client.table('audit_logs').insert({
      occurred_at: new Date(),
      actor_type: entry.actor.type,
      actor_id: entry.actor.id ?? null,
      actor_email: entry.actor.email ?? null,
      action: entry.action,
      target_type: entry.target?.type ?? null,
      target_id: entry.target?.id ?? null,
      // eslint-disable-next-line no-restricted-syntax -- the control database's audit log names the market it concerns
      market_code: entry.marketCode ?? null,
      ip: origin.ip,
      request_id: origin.requestId,
      upstream_request_id: origin.upstreamRequestId ?? null,
      details: entry.details ? JSON.stringify(entry.details) : null,
    })
  }
}

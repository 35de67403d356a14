import type { MarketContext } from '#markets/market_context'
import { Outbox, type MessageEnvelope } from '#messaging/services/outbox'
import type { PlannedNotification } from '#notifications/services/notification_planner'
import { recipientLocale, renderMessage } from '#notifications/services/message_renderer'
import { SECRET_KINDS } from '#notifications/kinds'

/** Announces a stored message to its channel's sender (`<m>.notifications.email_queued`). */
export const EMAIL_QUEUED = { domain: 'notifications', name: 'email_queued' } as const

/**
 * The messages of a market: written once per event, recipient and kind,
 * in the transaction that handles the event; listed to their recipient.
 */
export class NotificationService {
  /**
   * Stores the messages an event calls for, rendered in each recipient's
   * language, and queues each one's e-mail (an outbox event per message,
   * in the same transaction): what is stored is always sent, and a
   * message already stored for this event (a redelivery) is neither
   * stored nor queued again. Answers the new messages' public ids.
   */
  async compose(market: MarketContext, event: MessageEnvelope, planned: PlannedNotification[]): Promise<string[]> {
    if (planned.length === 0) return []
    return market.transaction(async (market) => {
      const stored = await market.table('notifications').where('event_id', event.id).select('user_id', 'kind')
      const known = new Set(stored.map((row) => `${row.user_id}:${row.kind}`))
      const fresh = planned.filter((item, index) => {
        const key = `${item.recipient.userId}:${item.kind}`
        // An event names each recipient and kind once; the same pair twice in one plan is one message.
        const first = planned.findIndex((other) => `${other.recipient.userId}:${other.kind}` === key) === index
        return first && !known.has(key)
      })
      if (fresh.length === 0) return []
      const now = new Date()
      const rows = fresh.map((item) => {
        const rendered = renderMessage(market, recipientLocale(market), item.kind, item.recipient.name, item.params)
        return {
          public_id: market.publicId(),
          user_id: item.recipient.userId,
          event_id: event.id,
          event_type: event.type,
          kind: item.kind,
          locale: rendered.locale,
          email: item.recipient.email,
          subject: rendered.subject,
          body: rendered.body,
          order_number: item.orderNumber,
          reference: item.reference,
          status: 'pending',
          attempts: 0,
          occurred_at: new Date(event.occurredAt),
          created_at: now,
        }
      })
      await market.insert('notifications', rows)
      await Outbox.recordMany(
        market,
        rows.map((row) => ({ ...EMAIL_QUEUED, correlationId: event.correlationId, data: { notification: row.public_id } }))
      )
      return rows.map((row) => row.public_id)
    })
  }

  /**
   * An account's messages, newest first by when what they tell happened
   * (ties by id), after `after` (one more than `limit` when there is a
   * next page).
   */
  async listFor(market: MarketContext, userId: number, options: { limit: number; after?: { at: string; id: number } }) {
    const query = market
      .table('notifications')
      .where('user_id', userId)
      // Mailed secrets (reset and verification links) live in the mail only, never in the inbox.
      .whereNotIn('kind', [...SECRET_KINDS])
      .orderBy('occurred_at', 'desc')
      .orderBy('id', 'desc')
      .limit(options.limit + 1)
      .select('id', 'public_id', 'kind', 'locale', 'subject', 'body', 'order_number', 'reference', 'status', 'occurred_at', 'created_at', 'sent_at')
    const after = options.after
    if (after) {
      const at = new Date(after.at)
      query.where((page) => page.where('occurred_at', '<', at).orWhere((tie) => tie.where('occurred_at', at).where('id', '<', after.id)))
    }
    return query
  }
}

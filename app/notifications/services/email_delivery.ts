import logger from '@adonisjs/core/services/logger'
import mail from '@adonisjs/mail/services/main'
import { activeMailer } from '#config/mail'
import type { MarketContext } from '#markets/market_context'
import { DomainError } from '#exceptions/domain_error'
import { SECRET_KINDS } from '#notifications/kinds'

/**
 * The relay did not take a message (down, timing out, refusing for now):
 * the send is tried again later. The message carries the relay's answer
 * (it is what a parked message's `x-error` shows).
 */
export class EmailNotSentError extends DomainError {
  static status = 503
  static code = 'E_DEPENDENCY_UNAVAILABLE'
  constructor(notification: string, answer: string) {
    super(`E-mail of notification ${notification} not sent: ${answer}`, { dependency: 'SMTP' })
  }
}

interface SmtpError {
  code?: string
  responseCode?: number
  command?: string
  message?: string
}

/** What the relay answered, for `last_error` and the logs (`EENVELOPE 550 ...`). */
function describe(error: unknown) {
  const { code, responseCode, message } = (error ?? {}) as SmtpError
  return [code, responseCode, message].filter(Boolean).join(' ').slice(0, 500) || 'failed'
}

/** A permanent refusal of the address (5xx to RCPT TO): sending again would be refused again. */
function addressRefused(error: unknown) {
  const { code, responseCode } = (error ?? {}) as SmtpError
  return code === 'EENVELOPE' && Number(responseCode) >= 500
}

/** The host part of the sender, for Message-IDs (`<SG-01J...@pasar.example>`). */
function senderDomain() {
  const from = mail.config.from
  const address = typeof from === 'string' ? from : from?.address
  return /@([A-Za-z0-9.-]+)/.exec(address ?? '')?.[1] ?? 'pasar.localhost'
}

/** A mailed secret lives in the mail only: once sent (or refused for good), the stored copy keeps the message, not the token. */
function scrub(row: Record<string, any>) {
  return SECRET_KINDS.includes(row.kind) ? { body: String(row.body).replace(/token=[A-Za-z0-9_-]+/g, 'token=(sent by e-mail)') } : {}
}

/**
 * Sends a stored message by e-mail, once. Its state (`status`, `attempts`,
 * `last_error`, `sent_at`) is written on the shard at once, outside the
 * consumer's transaction: the relay's answer is a fact whether or not the
 * consumer then commits, so a message the relay took is never sent again
 * by a redelivery, and a failed try is still counted when the consumer's
 * transaction rolls back to retry. (Only a crash between the relay's answer
 * and that write sends it twice; both copies carry the same Message-ID.)
 */
export class EmailDelivery {
  async deliver(market: MarketContext, publicId: string): Promise<'sent' | 'refused' | 'skipped'> {
    const shard = market.outside()
    const row = await shard.table('notifications').where('public_id', publicId).first()
    // Sent already (a redelivery), refused for good, or not of this shard.
    if (!row || row.status !== 'pending') return 'skipped'
    try {
      await mail.use(activeMailer()).send((message) => {
        message
          .to(row.email)
          .subject(row.subject)
          .text(row.body)
          .messageId(`<${row.public_id}@${senderDomain()}>`)
          .header('Auto-Submitted', 'auto-generated')
          .header('Content-Language', row.locale)
          .header('X-Pasar-Notification', row.public_id)
          .header('X-Pasar-Notification-Kind', row.kind)
      })
    } catch (error) {
      const refused = addressRefused(error)
      await shard
        .table('notifications')
        .where('id', row.id)
        .update({ attempts: shard.db.raw('attempts + 1'), last_error: describe(error), ...(refused && { status: 'failed', ...scrub(row) }) })
      if (!refused) throw new EmailNotSentError(publicId, describe(error))
      logger.warn({ market: market.code, notification: publicId, error: describe(error) }, 'the relay refused the address: notification e-mail not sent')
      return 'refused'
    }
    // A mailed secret lives in the mail only: the stored copy keeps the message, not the token.
    await shard.table('notifications').where('id', row.id).update({ status: 'sent', sent_at: new Date(), attempts: shard.db.raw('attempts + 1'), last_error: null, ...scrub(row) })
    return 'sent'
  }
}

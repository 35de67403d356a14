import logger from '@adonisjs/core/services/logger'
import { defineConfig } from '@adonisjs/mail'
import { SMTPTransport } from '@adonisjs/mail/transports/smtp'
import { JSONTransport } from '@adonisjs/mail/transports/json'
import type { InferMailers, MailTransportContract, SMTPConfig } from '@adonisjs/mail/types'
import env from '#start/env'

/**
 * The relay's settings as they are when a message is sent: read from the
 * environment at each send (start/env.ts validated the boot values), so a
 * relay moved by configuration, or a test's own SMTP server, is used
 * without restarting the worker. Null without SMTP_HOST.
 */
export function smtpSettings(): SMTPConfig | null {
  const host = process.env.SMTP_HOST
  if (!host) return null
  const port = Number(process.env.SMTP_PORT || 587)
  const user = process.env.SMTP_USER
  return {
    host,
    port,
    secure: port === 465,
    ...(user && { auth: { type: 'login' as const, user, pass: process.env.SMTP_PASSWORD ?? '' } }),
    // A relay that does not answer fails the send in seconds (it is retried), never holds a consumer for minutes.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    dnsTimeout: 10_000,
  }
}

/** The mailer that sends now: the SMTP relay once SMTP_HOST is set, else the log. */
export function activeMailer(): 'smtp' | 'log' {
  return smtpSettings() ? 'smtp' : 'log'
}

/**
 * Not `transports.smtp(settings)`, which fixes the settings when the mailer
 * is first used: a nodemailer transport per message, built from the
 * settings of the moment (without `pool` nodemailer opens one connection
 * per message anyway).
 */
const relay: MailTransportContract = {
  send(message) {
    const settings = smtpSettings()
    if (!settings) throw new Error('SMTP_HOST is not set: no relay to send e-mail through')
    return new SMTPTransport(settings).send(message)
  },
}

/** No relay configured: the message is composed exactly as it would be sent, and logged instead. */
const composer = new JSONTransport()
const logged: MailTransportContract = {
  async send(message) {
    const response = await composer.send(message)
    const to = (message.to ?? []).map((recipient) => (typeof recipient === 'string' ? recipient : recipient.address))
    logger.info({ to, subject: message.subject, messageId: response.messageId }, 'e-mail logged, not sent (no SMTP_HOST)')
    return response
  },
}

const mailConfig = defineConfig({
  default: activeMailer(),
  from: env.get('MAIL_FROM', 'Pasar <no-reply@pasar.localhost>'),
  mailers: {
    smtp: () => relay,
    log: () => logged,
  },
})

export default mailConfig

declare module '@adonisjs/mail/types' {
  export interface MailersList extends InferMailers<typeof mailConfig> {}
}

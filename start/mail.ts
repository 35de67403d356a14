/*
 * Says at boot when e-mail goes nowhere: without SMTP_HOST the `log`
 * mailer composes each message and logs it instead of sending it.
 */
import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import { activeMailer } from '#config/mail'

// The web process and the worker send mail; other ace commands (migrate, seed, list) do not need to hear it.
const sendsMail = app.getEnvironment() === 'web' || process.argv.includes('worker')
if (sendsMail && activeMailer() === 'log') logger.warn('SMTP_HOST is not set: e-mail is only logged, never sent (set SMTP_HOST and SMTP_PORT to send it)')

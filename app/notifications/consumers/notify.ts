import type { ConsumerDefinition } from '#messaging/consumer'
import { NotificationPlanner, NOTIFIED_EVENTS } from '#notifications/services/notification_planner'
import { EMAIL_QUEUED, NotificationService } from '#notifications/services/notification_service'
import { EmailDelivery } from '#notifications/services/email_delivery'

const planner = new NotificationPlanner()
const notifications = new NotificationService()
const email = new EmailDelivery()

/**
 * Order, payment, parcel, payout and return events: the messages each
 * calls for, stored (in the recipient's language) with their e-mails
 * queued, in the transaction that records the event as handled. No
 * e-mail is sent here: a relay that is down never holds up or fails this
 * step, and what it stored is sent by `sendNotificationEmails`.
 */
export const composeNotifications: ConsumerDefinition = {
  name: 'notifications.compose',
  bindings: NOTIFIED_EVENTS.map((type) => `*.${type}`),
  async handle(envelope, market) {
    await notifications.compose(market, envelope, await planner.plan(market, envelope))
  },
}

/**
 * One stored message to the SMTP relay. A relay that fails the send fails
 * the message: it is retried after `retryDelayMs`, and parked after
 * `maxAttempts` (the notification stays pending, with its tries and last
 * error, until the parked message is replayed). A message already sent is
 * not sent again.
 */
export const sendNotificationEmails: ConsumerDefinition = {
  name: 'notifications.email',
  bindings: [`*.${EMAIL_QUEUED.domain}.${EMAIL_QUEUED.name}`],
  maxAttempts: 5,
  retryDelayMs: 3000,
  // Each send holds a second shard connection (its state is written at once): few at a time.
  prefetch: 6,
  async handle(envelope, market) {
    await email.deliver(market, String(envelope.data.notification))
  },
}

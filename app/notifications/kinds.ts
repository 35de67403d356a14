/**
 * Every kind of message Pasar sends a buyer or a seller. Each has a
 * `<kind>.subject` and a `<kind>.text` in resources/locales/<lng>/notifications.json.
 */
export const NOTIFICATION_KINDS = [
  // to the buyer
  'order_placed',
  'order_paid',
  'order_confirmed_cod',
  'order_shipped',
  'delivery_failed',
  'order_delivered',
  'order_cancelled',
  'order_cancelled_refund',
  'order_refunded',
  'payment_failed',
  'payment_partly_refunded',
  'refund_issued',
  'return_accepted',
  'return_approved',
  'return_rejected',
  'return_refunded',
  // to the seller
  'new_order',
  'order_completed',
  'order_cancelled_seller',
  'order_refunded_seller',
  'payout_paid',
  'payout_failed',
  'return_requested',
  'return_approved_seller',
  'return_rejected_seller',
  // to both
  'return_under_review',
  // to the account (its mailed links: the stored copy keeps no token once sent)
  'password_reset',
  'verify_email',
] as const

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

/** Translated phrases a message can carry (`phrase.<key>`): why an order was cancelled or refunded. */
export const PHRASES = ['payment_expired', 'not_shipped', 'returned_to_sender', 'cancelled_by_buyer', 'other'] as const

export type Phrase = (typeof PHRASES)[number]

/** Where a message stands: pending until the relay took it (sent), failed when it refused the address for good. */
export type NotificationStatus = 'pending' | 'sent' | 'failed'

/** Messages whose e-mail carries a secret link: once sent, the stored copy loses the token. */
export const SECRET_KINDS: readonly NotificationKind[] = ['password_reset', 'verify_email']

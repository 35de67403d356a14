/** A message in its recipient's inbox, as it was sent, with where its e-mail stands. */
export function notificationResource(row: Record<string, any>) {
  return {
    id: row.public_id,
    kind: row.kind,
    locale: row.locale,
    subject: row.subject,
    text: row.body,
    order: row.order_number ?? null,
    reference: row.reference ?? null,
    email: { status: row.status, sentAt: row.sent_at ? new Date(row.sent_at).toISOString() : null },
    occurredAt: new Date(row.occurred_at).toISOString(),
    createdAt: new Date(row.created_at).toISOString(),
  }
}

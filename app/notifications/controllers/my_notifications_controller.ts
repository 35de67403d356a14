import type { HttpContext } from '@adonisjs/core/http'
import { NotificationService } from '#notifications/services/notification_service'
import { inboxPositionOf, inboxQueryValidator, nextInboxCursor } from '#notifications/validators/notifications'
import { notificationResource } from '#notifications/transformers/notification_resource'

/** The signed-in buyer's or seller's own messages. */
export default class MyNotificationsController {
  #notifications = new NotificationService()

  async index(ctx: HttpContext) {
    const account = ctx.auth.use('storefront').getUserOrFail()
    // Through validateUsing: an unknown query parameter is named too.
    const { limit = 20, cursor } = await ctx.request.validateUsing(inboxQueryValidator, { data: ctx.request.qs() })
    const rows = await this.#notifications.listFor(ctx.market, account.id, { limit, after: inboxPositionOf(cursor) })
    return { data: rows.slice(0, limit).map(notificationResource), meta: { nextCursor: nextInboxCursor(rows, limit) } }
  }
}

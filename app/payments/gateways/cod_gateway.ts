import type { Gateway } from '#payments/gateways/gateway'
import { WebhookRejectedError } from '#payments/gateways/gateway'

/**
 * Cash on delivery: nothing to pay now (the order goes to ready_to_ship
 * unpaid); the money arrives when the courier reports the delivery with
 * the cash collected.
 */
export class CodGateway implements Gateway {
  readonly provider = 'cod'

  async createPayment() {
    return { providerReference: null, action: { type: 'none' as const } }
  }

  async parseWebhook(): Promise<never> {
    throw new WebhookRejectedError('cash on delivery has no webhooks')
  }

  async refund() {
    // COD refunds go to the buyer's platform wallet, not through a gateway.
  }
}

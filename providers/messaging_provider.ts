import type { ApplicationService } from '@adonisjs/core/types'
import { Broker } from '#messaging/services/broker'
import type { MessagingConfig } from '#config/messaging'

export default class MessagingProvider {
  constructor(protected app: ApplicationService) {}

  register() {
    this.app.container.singleton(Broker, () => {
      return new Broker(this.app.config.get<MessagingConfig>('messaging'))
    })
  }

  async shutdown() {
    // Making the Broker is cheap: it only connects on first use.
    const broker = await this.app.container.make(Broker)
    await broker.close()
  }
}

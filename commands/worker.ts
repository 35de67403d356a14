import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import type { Consumer } from 'rabbitmq-client'
import { Broker } from '#messaging/services/broker'
import { EventPublisher } from '#messaging/services/event_publisher'
import { OutboxRelay } from '#messaging/services/outbox_relay'
import { declareSideQueues, startConsumer } from '#messaging/consumer'
import { registeredConsumers } from '#messaging/consumers'
import '#start/consumers'
import { oncePerPeriod } from '#messaging/services/lease'
import { OrderService } from '#orders/services/order_service'
import type { RegionsConfig } from '#shards/define_regions'

/**
 * The worker process: the outbox relay of every shard, every queue
 * consumer, and the schedulers (unpaid-order expiry). Stateless: run as many
 * as needed; SKIP LOCKED and per-message idempotency keep them apart.
 */
export default class Worker extends BaseCommand {
  static commandName = 'worker'
  static description = 'Run the outbox relay, the RabbitMQ consumers and the schedulers'
  static options: CommandOptions = { startApp: true, staysAlive: true }

  @flags.number({ description: 'Outbox poll interval (ms)', default: 250 })
  declare pollMs: number

  @flags.number({ description: 'Unpaid-order expiry interval (s)', default: 30 })
  declare expirySeconds: number

  #running = true
  #wakers = new Set<() => void>()

  /** A pause that ends early when the worker stops, so shutdown is prompt. */
  private pause(ms: number) {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms)
      const wakers = this.#wakers
      function done() {
        clearTimeout(timer)
        wakers.delete(done)
        resolve()
      }
      this.#wakers.add(done)
    })
  }

  async run() {
    const broker = await this.app.container.make(Broker)
    const markets = await this.app.container.make('markets')
    const publisher = new EventPublisher(broker.connection)
    const shards = Object.keys(this.app.config.get<RegionsConfig>('regions').shards)
    const relay = new OutboxRelay(publisher, shards)
    const consumers: Consumer[] = []
    for (const definition of registeredConsumers()) {
      await declareSideQueues(broker.connection, definition)
      consumers.push(startConsumer(broker.connection, publisher, markets, definition))
    }
    this.logger.info(`worker: relaying ${shards.length} shards, ${consumers.length} consumers`)

    const stop = async () => {
      this.#running = false
      for (const wake of [...this.#wakers]) wake()
      await Promise.all(consumers.map((consumer) => consumer.close()))
      await publisher.close()
    }
    this.app.terminating(stop)

    const relayLoop = async () => {
      while (this.#running) {
        const sent = await relay.relayOnce()
        if (sent === 0) await this.pause(this.pollMs)
      }
    }
    const expiryLoop = async () => {
      const orders = new OrderService()
      while (this.#running) {
        for (const market of markets.all()) {
          if (!this.#running) break
          // One worker per market and period scans; the others skip it
          // (cancelling an order twice would be refused anyway).
          const { result: cancelled } = await oncePerPeriod(markets.context(market.code).key('expiry'), this.expirySeconds * 1000, () =>
            orders.expireUnpaid(markets.context(market.code), new Date(), 100, () => this.#running)
          ).catch((error) => {
            this.logger.error(`expiry ${market.code}: ${(error as Error).message}`)
            return { result: 0 }
          })
          if (cancelled) this.logger.info(`${market.code}: ${cancelled} unpaid orders cancelled`)
        }
        await this.pause(this.expirySeconds * 1000)
      }
    }
    void relayLoop()
    void expiryLoop()
  }
}

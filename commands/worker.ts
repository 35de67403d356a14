import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import type { Consumer } from 'rabbitmq-client'
import { Broker } from '#messaging/services/broker'
import { EventPublisher } from '#messaging/services/event_publisher'
import { OutboxRelay } from '#messaging/services/outbox_relay'
import { declareSideQueues, startConsumer, type ConsumerDefinition } from '#messaging/consumer'
import { registeredConsumers } from '#messaging/consumers'
import '#start/consumers'
import { oncePerPeriod } from '#messaging/services/lease'
import { OrderService } from '#orders/services/order_service'
import { FulfilmentService } from '#orders/services/fulfilment_service'
import app from '@adonisjs/core/services/app'
import { ReturnService } from '#returns/services/return_service'
import { PaymentService } from '#payments/services/payment_service'
import { SandboxCourierRunner } from '#logistics/services/sandbox_courier_runner'
import type { MarketContext } from '#markets/market_context'
import type { RegionsConfig } from '#shards/define_regions'

/**
 * The worker process: the outbox relay of every shard, every queue
 * consumer, and the schedulers (unpaid-order expiry, escrow release after
 * the guarantee, cancellation of orders not shipped in time, the sandbox
 * courier's rounds). Stateless: run as many
 * as needed; SKIP LOCKED and per-message idempotency keep them apart.
 */
export default class Worker extends BaseCommand {
  static commandName = 'worker'
  static description = 'Run the outbox relay, the RabbitMQ consumers and the schedulers'
  static options: CommandOptions = { startApp: true, staysAlive: true }

  @flags.number({ description: 'Outbox poll interval (ms)', default: 250 })
  declare pollMs: number

  @flags.number({ description: 'Interval of the order schedulers: expiry, release, not shipped in time (s)', default: 30 })
  declare expirySeconds: number

  @flags.number({ description: 'Interval of the sandbox courier (s)', default: 1 })
  declare courierSeconds: number

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

  #declaring = false
  #topologyRetry?: () => void

  /**
   * The retry and parking queues of every consumer (and the dead-letter
   * exchange), tried until the broker takes them, with back-off and a log
   * line per try; run again on every reconnection, since a broker that
   * restarted empty has lost them.
   */
  private async declareTopology(broker: Broker, definitions: ConsumerDefinition[]) {
    // Already trying: the broker just answered, so try again now.
    if (this.#declaring) return this.#topologyRetry?.()
    this.#declaring = true
    try {
      for (let attempt = 1, delay = 500; this.#running; attempt++, delay = Math.min(delay * 2, 15_000)) {
        try {
          for (const definition of definitions) await declareSideQueues(broker.connection, definition)
          this.logger.info(`worker: RabbitMQ topology declared (${definitions.length} consumers)`)
          return
        } catch (error) {
          this.logger.warning(`worker: RabbitMQ not ready (${(error as Error).message}); declaring the topology again in ${delay / 1000} s (try ${attempt})`)
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, delay)
            this.#topologyRetry = () => (clearTimeout(timer), resolve())
            this.#wakers.add(this.#topologyRetry)
          })
          this.#wakers.delete(this.#topologyRetry!)
          this.#topologyRetry = undefined
        }
      }
    } finally {
      this.#declaring = false
    }
  }

  async run() {
    const broker = await this.app.container.make(Broker)
    const markets = await this.app.container.make('markets')
    // Run-time config revisions reach the worker as they reach web processes.
    const configSync = await this.app.container.make('markets.sync')
    configSync.start()
    const publisher = new EventPublisher(broker.connection)
    const shards = Object.keys(this.app.config.get<RegionsConfig>('regions').shards)
    const relay = new OutboxRelay(publisher, shards)
    const definitions = registeredConsumers()
    // Consumers wait for the broker themselves (and set their queues up
    // again after it restarts); the retry and parking queues are declared
    // here, now if the broker answers, else as soon as it does.
    const consumers: Consumer[] = definitions.map((definition) => startConsumer(broker.connection, publisher, markets, definition))
    this.logger.info(`worker: relaying ${shards.length} shards, ${consumers.length} consumers`)
    void this.declareTopology(broker, definitions)
    broker.connection.on('connection', () => void this.declareTopology(broker, definitions))

    const stop = async () => {
      this.#running = false
      for (const wake of [...this.#wakers]) wake()
      // Messages in hand finish; a broker that is down cannot hold the exit up.
      await within(10_000, Promise.all([...consumers.map((consumer) => consumer.close()), publisher.close()]))
    }
    this.app.terminating(stop)

    const relayLoop = async () => {
      let idle = this.pollMs
      while (this.#running) {
        const { sent, failed } = await relay.relayOnce()
        // A broker or shard that does not answer: back off, up to 5 s.
        idle = failed ? Math.min(idle * 2, 5000) : this.pollMs
        if (sent === 0 || failed) await this.pause(idle)
      }
    }
    const orders = new OrderService()
    const fulfilment = new FulfilmentService()
    const courier = new SandboxCourierRunner()
    const returns = new ReturnService()
    const payments = new PaymentService()
    const keepGoing = () => this.#running
    /*
     * Each schedule runs per market. Under a lease (`oncePerPeriod`): one
     * worker per market and period scans, the others skip it (the work is
     * idempotent anyway: an order is cancelled or released once). The
     * sandbox courier needs no lease: its parcels are taken SKIP LOCKED.
     */
    const schedules: { name: string; everyMs: number; leased: boolean; run: (market: MarketContext) => Promise<number>; done: string }[] = [
      { name: 'expiry', everyMs: this.expirySeconds * 1000, leased: true, run: (market) => orders.expireUnpaid(market, new Date(), 100, keepGoing), done: 'unpaid orders cancelled' },
      { name: 'release', everyMs: this.expirySeconds * 1000, leased: true, run: (market) => fulfilment.releaseDue(market), done: 'orders released to their sellers (guarantee over)' },
      { name: 'ship-by', everyMs: this.expirySeconds * 1000, leased: true, run: (market) => fulfilment.cancelUnshipped(market), done: 'orders not shipped in time cancelled' },
      { name: 'return-answers', everyMs: this.expirySeconds * 1000, leased: true, run: (market) => returns.acceptUnanswered(market), done: 'returns the seller did not answer in time accepted' },
      { name: 'refund-retries', everyMs: this.expirySeconds * 1000, leased: true, run: (market) => payments.retryRefunds(market), done: 'gateway refunds sent again' },
    ]
    // The sandbox courier delivers parcels nobody carried (and so releases escrow): never in production.
    if (!app.inProduction) schedules.push({ name: 'sandbox-courier', everyMs: this.courierSeconds * 1000, leased: false, run: (market) => courier.tick(market), done: 'sandbox parcels moved' })
    const scheduleLoop = async (schedule: (typeof schedules)[number]) => {
      while (this.#running) {
        for (const config of markets.all()) {
          if (!this.#running) break
          const market = markets.context(config.code)
          const work = schedule.leased ? oncePerPeriod(market.key(schedule.name), schedule.everyMs, () => schedule.run(market)) : schedule.run(market).then((result) => ({ result }))
          const { result } = await work.catch((error) => {
            this.logger.error(`${schedule.name} ${config.code}: ${(error as Error).message}`)
            return { result: 0 }
          })
          if (result && schedule.leased) this.logger.info(`${config.code}: ${result} ${schedule.done}`)
        }
        await this.pause(schedule.everyMs)
      }
    }
    void relayLoop()
    for (const schedule of schedules) void scheduleLoop(schedule)
  }
}

/** Waits for `work`, or gives up after `ms` (a shutdown must end). */
function within(ms: number, work: Promise<unknown>) {
  let timer: NodeJS.Timeout | undefined
  return Promise.race([work.catch(() => {}), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]).finally(() => clearTimeout(timer))
}

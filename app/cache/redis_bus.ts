import { Redis, type RedisOptions } from 'ioredis'

type Handler = (payload: any) => void

/**
 * The cache bus over Redis pub/sub, safe through a Redis outage. The stock
 * transport gives its publisher and subscriber one set of options, and an
 * outage then goes wrong one of two ways: with fail-fast options the
 * subscription made at boot is rejected and nothing catches it (the
 * process dies); with patient ones a publish waits, and with it the request
 * that invalidated a cache entry. Here the publisher fails fast (the bus
 * keeps the message in its retry queue and sends it on reconnect) and the
 * subscriber waits for Redis for as long as it takes.
 */
export class OutageSafeRedisTransport {
  #publisher: Redis
  #subscriber: Redis
  #handlers = new Map<string, Handler[]>()
  #id?: string

  constructor(options: RedisOptions) {
    this.#publisher = new Redis({ ...options, maxRetriesPerRequest: 0, commandTimeout: 500, lazyConnect: false })
    this.#subscriber = new Redis({ ...options, maxRetriesPerRequest: null, commandTimeout: undefined, enableOfflineQueue: true })
    // Reported through health and the cache's own fallbacks: not fatal.
    this.#publisher.on('error', () => {})
    this.#subscriber.on('error', () => {})
    this.#subscriber.on('message', this.#onMessage)
  }

  setId(id: string) {
    this.#id = id
    return this
  }

  async publish(channel: string, message: unknown) {
    await this.#publisher.publish(channel, JSON.stringify({ busId: this.#id, payload: message }))
  }

  async subscribe(channel: string, handler: Handler) {
    this.#handlers.set(channel, [...(this.#handlers.get(channel) ?? []), handler])
    await this.#subscriber.subscribe(channel)
  }

  async unsubscribe(channel: string) {
    this.#handlers.delete(channel)
    await this.#subscriber.unsubscribe(channel)
  }

  onReconnect(callback: () => void) {
    this.#subscriber.on('ready', callback)
  }

  async disconnect() {
    await Promise.allSettled([this.#publisher.quit(), this.#subscriber.quit()])
  }

  #onMessage = (channel: string, raw: string) => {
    let message: { busId?: string; payload?: unknown }
    try {
      message = JSON.parse(raw)
    } catch {
      return
    }
    // Our own messages come back to us: the local cache already knows.
    if (!message || message.busId === this.#id) return
    for (const handler of this.#handlers.get(channel) ?? []) handler(message.payload)
  }
}

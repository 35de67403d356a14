import { Connection } from 'rabbitmq-client'
import type { MessagingConfig } from '#config/messaging'

/**
 * The process's one connection to RabbitMQ. It connects lazily and keeps
 * reconnecting in the background, so a broker outage never stops the web
 * process: health reports it and the outbox holds events until it is back.
 */
export class Broker {
  #connection?: Connection

  constructor(private config: Pick<MessagingConfig, 'url' | 'connectionName'>) {}

  get connection(): Connection {
    if (!this.#connection) {
      this.#connection = new Connection({
        url: this.config.url,
        connectionName: this.config.connectionName,
        retryLow: 250,
        retryHigh: 5000,
        connectionTimeout: 2000,
        // A publish waits at most this long for a connection: an outage fails
        // the relay's batch quickly (rows stay unsent) instead of holding locks.
        acquireTimeout: 5000,
      })
      // Errors are reported through health and the relay; an unhandled
      // 'error' event would crash the process.
      this.#connection.on('error', () => {})
    }
    return this.#connection
  }

  get isConnected(): boolean {
    return this.#connection?.ready ?? false
  }

  /** Resolves once connected, or rejects after `timeoutMs`. */
  async ensureConnected(timeoutMs: number): Promise<void> {
    if (this.connection.ready) return
    await this.connection.onConnect(timeoutMs, true)
  }

  /** Closes the connection; one still trying to reach a broker that is down is given 5 s. */
  async close() {
    const connection = this.#connection
    this.#connection = undefined
    if (!connection) return
    let timer: NodeJS.Timeout | undefined
    await Promise.race([connection.close().catch(() => {}), new Promise<void>((resolve) => (timer = setTimeout(resolve, 5000)))])
    clearTimeout(timer)
  }
}

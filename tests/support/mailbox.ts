import type { AddressInfo } from 'node:net'
import { SMTPServer, type SMTPServerAddress } from 'smtp-server'
import { simpleParser, type ParsedMail } from 'mailparser'
import { until } from '#tests/support/outside'

/**
 * A real SMTP server on a random local port, standing in for the relay:
 * it keeps every message it accepts (parsed, as a mail client reads it),
 * counts every try, and can be broken on purpose: `unavailable` answers
 * every message 451 (a relay down for now), and an address in `refused`
 * is refused for good (550).
 */
export class Mailbox {
  readonly messages: ParsedMail[] = []
  /** MAIL FROM commands received: one per try to send a message. */
  tries = 0
  unavailable = false
  readonly refused = new Set<string>()
  #server?: SMTPServer
  port = 0

  async start() {
    this.#server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onMailFrom: (_address: SMTPServerAddress, _session, callback) => {
        this.tries++
        if (!this.unavailable) return callback()
        callback(Object.assign(new Error('Service temporarily unavailable, try again later'), { responseCode: 451 }))
      },
      onRcptTo: (address: SMTPServerAddress, _session, callback) => {
        if (!this.refused.has(address.address)) return callback()
        callback(Object.assign(new Error('No such mailbox here'), { responseCode: 550 }))
      },
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.messages.push(mail)
            callback()
          })
          .catch(callback)
      },
    })
    this.#server.on('error', () => {})
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve))
    this.port = (this.#server.server.address() as AddressInfo).port
    return this
  }

  async stop() {
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()))
    this.#server = undefined
  }

  /** What reached an address, oldest first. */
  to(address: string) {
    return this.messages.filter((mail) => [mail.to].flat().some((to) => to?.value.some((entry) => entry.address === address)))
  }

  /** The messages to an address of one kind (the `X-Pasar-Notification-Kind` header). */
  of(address: string, kind: string) {
    return this.to(address).filter((mail) => mail.headers.get('x-pasar-notification-kind') === kind)
  }

  async waitFor(address: string, kind: string, timeoutMs = 10_000) {
    await until(() => this.of(address, kind).length > 0, timeoutMs, `no ${kind} e-mail reached ${address}`)
    return this.of(address, kind)[0]
  }
}

import http from 'node:http'
import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'

/** A request a stand-in received, as the provider's servers would see it. */
export interface Recorded {
  method: string
  path: string
  headers: http.IncomingHttpHeaders
  body: any
}

/**
 * A local HTTP stand-in for a payment provider's API (Stripe, Xendit are
 * outside parties that cannot be reached from here): it records every
 * request and answers the way the provider's API reference documents,
 * including the provider's own idempotency (the same key answers the same
 * object).
 */
abstract class StandIn {
  readonly requests: Recorded[] = []
  #server?: http.Server
  #replies = new Map<string, { status: number; body: unknown }>()

  protected abstract answer(request: Recorded): { status: number; body: unknown }
  protected abstract parse(raw: string, contentType: string): any

  async start() {
    this.#server = http.createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (chunk) => chunks.push(chunk))
      req.on('end', () => {
        const recorded: Recorded = { method: req.method!, path: req.url!, headers: req.headers, body: this.parse(Buffer.concat(chunks).toString(), String(req.headers['content-type'] ?? '')) }
        this.requests.push(recorded)
        const key = String(req.headers['idempotency-key'] ?? '')
        const cached = key ? this.#replies.get(`${recorded.path}|${key}`) : undefined
        const reply = cached ?? this.answer(recorded)
        if (key) this.#replies.set(`${recorded.path}|${key}`, reply)
        res.writeHead(reply.status, { 'content-type': 'application/json' })
        res.end(JSON.stringify(reply.body))
      })
    })
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve))
    return `http://127.0.0.1:${(this.#server!.address() as AddressInfo).port}`
  }

  async stop() {
    await new Promise((resolve) => this.#server?.close(resolve))
  }
}

/** Stripe's form encoding (`metadata[pasar_payment]=...`) back into objects. */
function parseForm(raw: string) {
  const out: Record<string, any> = {}
  for (const [key, value] of new URLSearchParams(raw)) {
    const parts = key.replace(/\]/g, '').split('[')
    let target = out
    for (const part of parts.slice(0, -1)) target = target[part] ??= {}
    target[parts.at(-1)!] = value
  }
  return out
}

/** https://docs.stripe.com/api/payment_intents/create and /api/refunds/create */
export class StripeStandIn extends StandIn {
  protected parse(raw: string) {
    return parseForm(raw)
  }

  protected answer({ method, path, body }: Recorded) {
    if (method === 'POST' && path === '/v1/payment_intents') {
      const id = `pi_${randomBytes(12).toString('hex')}`
      return {
        status: 200,
        body: { id, object: 'payment_intent', amount: Number(body.amount), amount_received: 0, currency: body.currency, status: 'requires_payment_method', client_secret: `${id}_secret_${randomBytes(8).toString('hex')}`, metadata: body.metadata ?? {}, livemode: false },
      }
    }
    if (method === 'POST' && path === '/v1/refunds') {
      return { status: 200, body: { id: `re_${randomBytes(12).toString('hex')}`, object: 'refund', amount: Number(body.amount), payment_intent: body.payment_intent, status: 'succeeded' } }
    }
    return { status: 404, body: { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path})` } } }
  }
}

/** https://developers.xendit.co/api-reference/#create-payment-request and #create-refund */
export class XenditStandIn extends StandIn {
  protected parse(raw: string) {
    return raw ? JSON.parse(raw) : {}
  }

  protected answer({ method, path, body }: Recorded) {
    const now = new Date().toISOString()
    if (method === 'POST' && path === '/payment_requests') {
      const id = `pr-${randomBytes(12).toString('hex')}`
      const pm = body.payment_method
      const paymentMethod: Record<string, unknown> = { id: `pm-${randomBytes(8).toString('hex')}`, type: pm.type, reusability: pm.reusability, status: 'ACTIVE', created: now, updated: now }
      const actions: unknown[] = []
      if (pm.type === 'VIRTUAL_ACCOUNT') {
        paymentMethod.virtual_account = { channel_code: pm.virtual_account.channel_code, amount: body.amount, currency: body.currency, channel_properties: { ...pm.virtual_account.channel_properties, virtual_account_number: `3901${randomBytes(4).readUInt32BE() % 100_000_000}` } }
      } else if (pm.type === 'QR_CODE') {
        paymentMethod.qr_code = { channel_code: pm.qr_code.channel_code, amount: body.amount, currency: body.currency, channel_properties: { ...pm.qr_code.channel_properties, qr_string: `00020101021226660014ID.CO.QRIS.WWW${body.amount}` } }
      } else if (pm.type === 'EWALLET') {
        paymentMethod.ewallet = { channel_code: pm.ewallet.channel_code, channel_properties: pm.ewallet.channel_properties }
        actions.push({ action: 'AUTH', url_type: 'WEB', method: 'GET', url: `https://ewallet.example/authorize/${id}`, qr_code: null })
      }
      return {
        status: 201,
        body: { id, created: now, updated: now, reference_id: body.reference_id, business_id: 'biz-standin', amount: body.amount, currency: body.currency, country: body.currency === 'PHP' ? 'PH' : 'ID', payment_method: paymentMethod, description: body.description, status: pm.type === 'EWALLET' ? 'REQUIRES_ACTION' : 'PENDING', actions, metadata: body.metadata ?? {} },
      }
    }
    if (method === 'POST' && path === '/refunds') {
      return { status: 200, body: { id: `rfd-${randomBytes(12).toString('hex')}`, payment_request_id: body.payment_request_id, amount: body.amount, currency: body.currency, status: 'SUCCEEDED', reason: body.reason, reference_id: body.reference_id, created: now, updated: now } }
    }
    return { status: 404, body: { error_code: 'NOT_FOUND', message: `${method} ${path}` } }
  }
}

/** Sets env variables for the length of `work`, then puts them back as they were. */
export async function withEnv<T>(values: Record<string, string>, work: () => Promise<T>) {
  const before = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]))
  Object.assign(process.env, values)
  try {
    return await work()
  } finally {
    for (const [name, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
}

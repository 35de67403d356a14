import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import { randomUUID } from 'node:crypto'
import { PaymentService } from '#payments/services/payment_service'
import { paymentParam } from '#payments/validators/payments'
import { Outbox } from '#messaging/services/outbox'

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

function page(title: string, body: string, lang: string) {
  return `<!doctype html>
<html lang="${escape(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#1b1b1b}
.amount{font-size:2rem;font-weight:700}form{display:inline}button{font:inherit;padding:.6rem 1.2rem;margin:.5rem .5rem 0 0;border-radius:.4rem;border:1px solid #555;cursor:pointer}
.approve{background:#0b6e4f;color:#fff;border-color:#0b6e4f}.note{color:#555;font-size:.9rem}</style></head>
<body><main>${body}</main></body></html>`
}

/**
 * The sandbox gateway's "hosted page", served by Pasar on the storefront
 * host: what a tester sees instead of a real gateway. Works without
 * JavaScript. Approving or declining does not touch the payment: it asks
 * the sandbox (the worker) to send its signed webhook, as a real gateway
 * would, and only that webhook moves the payment.
 */
export default class SandboxPagesController {
  #payments = new PaymentService()

  private async payment(ctx: HttpContext) {
    const { paymentId } = await paymentParam.validate(ctx.params)
    // In production no payment is a sandbox one (gateways.ts); the page does not exist there either.
    if (app.inProduction) return null
    const payment = await this.#payments.findByPublicId(ctx.market, paymentId)
    return payment.provider === 'sandbox' ? payment : null
  }

  async show(ctx: HttpContext) {
    const payment = await this.payment(ctx)
    ctx.response.header('Cache-Control', 'no-store')
    if (!payment) return ctx.response.status(404).type('html').send(page('Sandbox', '<h1>No such sandbox payment</h1>', ctx.market.locale))
    const amount = ctx.market.moneyView(Number(payment.amount), payment.currency).formatted
    const open = payment.status === 'pending'
    const base = `/sandbox/pay/${payment.public_id}`
    const body = `<h1>Pasar sandbox gateway</h1>
<p>Merchant: <strong>Pasar ${escape(ctx.market.name)}</strong> · ${escape(payment.gateway)}</p>
<p class="amount" data-amount="${Number(payment.amount)}">${escape(amount)}</p>
<p>Payment <code>${escape(payment.public_id)}</code> · status <strong data-status>${escape(payment.status)}</strong></p>
${open ? `<form method="post" action="${base}/approve"><button class="approve" type="submit">Approve</button></form><form method="post" action="${base}/decline"><button type="submit">Decline</button></form>` : '<p>This payment is no longer open.</p>'}
<p class="note">No money moves: this page stands in for a payment provider. Its decision reaches Pasar as a signed webhook.</p>`
    return ctx.response.type('html').send(page(`Pay ${amount}`, body, ctx.market.locale))
  }

  approve(ctx: HttpContext) {
    return this.decide(ctx, 'approved')
  }

  decline(ctx: HttpContext) {
    return this.decide(ctx, 'declined')
  }

  private async decide(ctx: HttpContext, outcome: 'approved' | 'declined') {
    const payment = await this.payment(ctx)
    if (!payment || payment.status !== 'pending') {
      return ctx.response.status(409).type('html').send(page('Sandbox', '<h1>This payment is no longer open</h1>', ctx.market.locale))
    }
    await ctx.market.transaction((market) =>
      Outbox.record(market, { domain: 'payments', name: 'sandbox_decided', correlationId: payment.checkout_id, data: { payment: payment.public_id, outcome, eventId: `evt_${randomUUID()}` } })
    )
    const body = `<h1>Payment ${outcome}</h1><p>The sandbox is telling Pasar (a signed webhook, sent by the worker).</p><p><a href="/sandbox/pay/${escape(payment.public_id)}">Back to the payment</a></p>`
    return ctx.response.status(202).type('html').send(page(`Payment ${outcome}`, body, ctx.market.locale))
  }
}

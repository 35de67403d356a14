import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import { Connection } from 'rabbitmq-client'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import type { ParsedMail } from 'mailparser'
import translations from '#i18n/services/main'
import type { MessagingConfig } from '#config/messaging'
import type { MarketContext } from '#markets/market_context'
import { Outbox, type MessageEnvelope } from '#messaging/services/outbox'
import { NOTIFICATION_KINDS, PHRASES } from '#notifications/kinds'
import { recipientLocale } from '#notifications/services/message_renderer'
import { sendNotificationEmails } from '#notifications/consumers/notify'
import { activeMailer } from '#config/mail'
import { FulfilmentService } from '#orders/services/fulfilment_service'
import { OrderService } from '#orders/services/order_service'
import { PaymentService } from '#payments/services/payment_service'
import { PayoutService } from '#escrow/services/payout_service'
import { deliverEvents } from '#tests/support/events'
import { SHARDS, accountFactory, hostOf, marketContext, uniqueIp } from '#tests/support/identity'
import { categoryTree, productFactory } from '#tests/support/catalog'
import { PRICE, placedCheckout, sandboxWebhook, startPayment } from '#tests/support/payments'
import { Mailbox } from '#tests/support/mailbox'
import { until } from '#tests/support/outside'

const CONSUMERS = ['notifications.compose', 'notifications.email']

/**
 * What the worker does: the events become stored messages with their
 * e-mails queued, then the e-mails go to the relay. Resolves once every
 * queued e-mail of every shard was handled (sent, or refused for good):
 * the relay may publish the queued e-mails of a first pass while it
 * still runs, so they are awaited here rather than by `deliverEvents`.
 */
async function deliverNotifications() {
  await deliverEvents(CONSUMERS)
  await deliverEvents(CONSUMERS)
  await until(async () => (await unhandledEmails()).length === 0, 15_000, 'queued e-mails were not handled')
}

/** Queued e-mails the e-mail consumer has not handled yet (every shard). */
async function unhandledEmails() {
  const waiting: string[] = []
  for (const shard of SHARDS) {
    const rows = await db
      .connection(shard)
      .from('outbox as o')
      .leftJoin('processed_messages as p', (join) => join.on('p.message_id', 'o.message_id').andOnVal('p.consumer', sendNotificationEmails.name))
      .where('o.routing_key', 'like', '%.notifications.email_queued')
      .whereNull('p.message_id')
      .select('o.message_id')
    waiting.push(...rows.map((row) => row.message_id as string))
  }
  return waiting
}

type Checkout = Awaited<ReturnType<typeof placedCheckout>>

/** Pays a placed checkout as the gateway would: started by the buyer, captured by the signed webhook. */
async function pay(client: any, code: string, checkout: Checkout, gateway?: string) {
  const started = await startPayment(client, code, checkout.buyer.token, checkout.checkoutId, gateway ? { gateway } : {})
  started.assertStatus(201)
  const payment = started.body().data
  ;(await sandboxWebhook(client, code, { id: payment.id, amount: checkout.total, currency: checkout.market.currency }, 'payment.captured').send()).assertStatus(200)
  return payment
}

/** The seller of an order: the account that owns its shop. */
async function sellerOf(market: MarketContext, number: string) {
  const row = await market.table('orders as o').join('shops as s', 's.id', 'o.shop_id').join('users as u', 'u.id', 's.user_id').where('o.number', number).select('u.id', 'u.email').first()
  return { id: Number(row.id), email: row.email as string }
}

function inbox(client: any, code: string, token: string, query = '') {
  return client.get(`/api/v1/me/notifications${query}`).header('Host', hostOf(code)).header('X-Forwarded-For', uniqueIp()).bearerToken(token)
}

/** The notification an e-mail is (by its header), as stored. */
async function storedOf(market: MarketContext, mail: ParsedMail) {
  return market.table('notifications').where('public_id', String(mail.headers.get('x-pasar-notification'))).first()
}

/** A market's clock, as its people read it: the date and time of `at` in `locale`. */
function shownAt(locale: string, timeZone: string, at: Date) {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(at)
}

test.group('Notifications: messages in every language', () => {
  test('every language has every message and phrase, with the placeholders of the English one', ({ assert }) => {
    const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((match) => match[1]).sort()
    const english = translations.instance.getResourceBundle('en', 'notifications') as Record<string, string>
    const keys = ['greeting', 'signature', ...PHRASES.map((phrase) => `phrase.${phrase}`), ...NOTIFICATION_KINDS.flatMap((kind) => [`${kind}.subject`, `${kind}.text`])]
    assert.sameMembers(Object.keys(english), keys)
    assert.sameMembers(translations.languages, ['en', 'fil', 'id', 'ms', 'pt-BR', 'th', 'vi', 'zh', 'zh-TW'])
    for (const language of translations.languages) {
      const bundle = (translations.instance.getResourceBundle(language, 'notifications') ?? {}) as Record<string, string>
      assert.sameMembers(Object.keys(bundle), keys, `${language}/notifications`)
      for (const key of keys) assert.deepEqual(placeholders(bundle[key]), placeholders(english[key]), `${language}: ${key}`)
      if (language !== 'en') assert.notEqual(bundle['order_paid.text'], english['order_paid.text'], `${language} is translated`)
    }
  })

  test("a message is in the recipient's language when the market offers it, else in the market's default", async ({ assert }) => {
    const id = await marketContext('ID')
    assert.equal(recipientLocale(id), 'id-ID')
    assert.equal(recipientLocale(id, 'en-ID'), 'en-ID')
    assert.equal(recipientLocale(id, 'th-TH'), 'id-ID')
    assert.equal(recipientLocale(await marketContext('TH'), null), 'th-TH')
  })
})

test.group('Notifications: e-mail to buyers and sellers', (group) => {
  const mailbox = new Mailbox()
  const before = { host: process.env.SMTP_HOST, port: process.env.SMTP_PORT }
  group.setup(async () => {
    await mailbox.start()
    // Read at each send: the app's mailer now relays to this server.
    process.env.SMTP_HOST = '127.0.0.1'
    process.env.SMTP_PORT = String(mailbox.port)
  })
  group.teardown(async () => {
    for (const [name, value] of [['SMTP_HOST', before.host], ['SMTP_PORT', before.port]] as const) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
    await mailbox.stop()
  })
  group.each.setup(() => {
    mailbox.unavailable = false
    mailbox.refused.clear()
  })

  test('an ID buyer is told of the order and its payment in Indonesian with rupiah; the seller gets the order to ship', async ({ client, assert }) => {
    const checkout = await placedCheckout(client, 'ID')
    const { market, buyer } = checkout
    const order = checkout.orders[0]
    await pay(client, 'ID', checkout, 'gopay')
    await deliverNotifications()

    assert.equal((await market.table('orders').where('number', order.number).first()).status, 'paid')
    const rupiah = market.withLocale('id-ID').moneyView(order.total.amount).formatted
    assert.match(rupiah, /^Rp\s?\d{1,3}(\.\d{3})+$/)

    const [placed] = mailbox.of(buyer.email, 'order_placed')
    assert.equal(placed.subject?.startsWith(`Pesanan ${order.number} dibuat: mohon bayar sebelum `), true, placed.subject)
    const receipts = mailbox.of(buyer.email, 'order_paid')
    assert.lengthOf(receipts, 1)
    const receipt = receipts[0]
    assert.equal(receipt.subject, `Pembayaran diterima untuk pesanan ${order.number}`)
    assert.include(receipt.text, 'Halo buyer of ID,')
    assert.include(receipt.text, `Kami telah menerima ${rupiah} untuk pesanan ${order.number}`)
    assert.notInclude(receipt.text, `${rupiah},00`)
    assert.equal(receipt.headers.get('content-language'), 'id-ID')
    assert.equal(receipt.from?.value[0].address, 'no-reply@pasar.localhost')
    const stored = await storedOf(market, receipt)
    assert.equal(receipt.messageId, `<${stored.public_id}@pasar.localhost>`)
    assert.deepEqual([stored.status, stored.attempts, stored.locale, stored.order_number, stored.event_type], ['sent', 1, 'id-ID', order.number, 'orders.paid'])

    const seller = await sellerOf(market, order.number)
    const [toShip] = mailbox.of(seller.email, 'new_order')
    assert.equal(toShip.subject?.startsWith(`Pesanan baru ${order.number}: kirim sebelum `), true, toShip.subject)
    assert.include(toShip.text, `senilai ${rupiah}`)
    // The seller hears of the order to ship, never of the buyer's receipt.
    assert.lengthOf(mailbox.of(seller.email, 'order_paid'), 0)
  }).timeout(60_000)

  test("a TH buyer reads Thai, with baht and the payment deadline on Bangkok's clock", async ({ client, assert }) => {
    const { market, buyer, orders } = await placedCheckout(client, 'TH')
    const order = orders[0]
    await deliverNotifications()

    const due = new Date((await market.table('orders').where('number', order.number).first()).payment_due_at)
    const bangkok = shownAt('th-TH', 'Asia/Bangkok', due)
    const [placed] = mailbox.of(buyer.email, 'order_placed')
    assert.equal(placed.subject, `สั่งซื้อ ${order.number} แล้ว: กรุณาชำระเงินภายใน ${bangkok}`)
    const baht = market.withLocale('th-TH').moneyView(order.total.amount).formatted
    assert.equal(baht, `฿${(order.total.amount / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`)
    assert.include(placed.text, `ยอดรวม: ${baht}`)
    assert.include(placed.text, `สวัสดีคุณ buyer of TH`)
    // Bangkok is UTC+7: the UTC clock would read another time.
    assert.notInclude(placed.text, shownAt('th-TH', 'UTC', due))
    assert.equal(placed.headers.get('content-language'), 'th-TH')
  }).timeout(60_000)

  test('a BR seller reads Portuguese with reais: the order to ship by São Paulo time, its completion, its payout; the buyer gets the tracking number', async ({ client, assert }) => {
    const seller = await accountFactory('BR', 'seller')
    const { tshirts } = await categoryTree('BR')
    await productFactory('BR', { category: tshirts.slug, prices: [PRICE.BR], stock: 10, seller })
    const buyer = await accountFactory('BR', 'buyer')
    const market = seller.market
    const sku = (await market.table('skus as k').join('products as p', 'p.id', 'k.product_id').where('p.shop_id', seller.shop!.id).select('k.public_id').first()).public_id
    const placed = await client.post('/api/v1/orders').header('Host', hostOf('BR')).header('Idempotency-Key', randomUUID()).bearerToken(buyer.token).json({ lines: [{ sku, quantity: 1 }] })
    placed.assertStatus(201)
    const { checkoutId, orders } = placed.body().data
    const order = orders[0]
    await pay(client, 'BR', { market, buyer, checkoutId, orders, total: order.total.amount, skus: [sku] }, 'pix')

    // The seller ships it, the courier carries it, the buyer confirms: the money is the seller's, who asks for it.
    const fulfilment = new FulfilmentService()
    const shipment = await fulfilment.ship(market, seller.shop!, seller.account, order.number, null)
    await fulfilment.shipmentStatusChanged(market, order.number, 'picked_up', new Date())
    await fulfilment.shipmentStatusChanged(market, order.number, 'delivered', new Date())
    await fulfilment.confirmReceipt(market, buyer.account, order.number)
    const payouts = new PayoutService()
    const shop = { id: seller.shop!.id, publicId: seller.shop!.publicId, accountId: seller.account.id }
    const { available } = await payouts.wallet(market, shop)
    assert.isAbove(available, 0)
    const requested = await payouts.request(market, shop, available, randomUUID())
    await payouts.settle(market, requested.payout.public_id, shop.publicId, { ok: true, reference: 'bank-ref-1' })
    await deliverNotifications()

    const reais = (amount: number) => market.withLocale('pt-BR').moneyView(amount).formatted
    assert.match(reais(order.total.amount), /^R\$\s\d{1,3}(\.\d{3})*,\d{2}$/)
    const shipBy = new Date((await market.table('orders').where('number', order.number).first()).ship_by_at)
    const [toShip] = mailbox.of(seller.email, 'new_order')
    assert.equal(toShip.subject, `Novo pedido ${order.number}: envie até ${shownAt('pt-BR', 'America/Sao_Paulo', shipBy)}`)
    assert.include(toShip.text, `Você tem um novo pedido ${order.number} de ${reais(order.total.amount)}.`)
    assert.include(toShip.text, 'Olá, seller of BR,')
    const [completed] = mailbox.of(seller.email, 'order_completed')
    assert.equal(completed.subject, `Pedido ${order.number} concluído: o pagamento está na sua carteira`)
    const [paidOut] = mailbox.of(seller.email, 'payout_paid')
    assert.equal(paidOut.subject, `Saque de ${reais(available)} enviado`)
    assert.include(paidOut.text, `Seu saque ${requested.payout.public_id} de ${reais(available)} foi enviado para a sua conta bancária.`)
    assert.equal(paidOut.headers.get('content-language'), 'pt-BR')

    const [shipped] = mailbox.of(buyer.email, 'order_shipped')
    assert.include(shipped.text, `Código de rastreio: ${shipment.trackingNumber}.`)
    assert.lengthOf(mailbox.of(buyer.email, 'order_delivered'), 1)
    // What each party hears: the buyer nothing of payouts, the seller nothing of the parcel's steps.
    assert.sameMembers(
      mailbox.to(buyer.email).map((mail) => mail.headers.get('x-pasar-notification-kind')),
      ['order_placed', 'order_paid', 'order_shipped', 'order_delivered']
    )
    assert.sameMembers(
      mailbox.to(seller.email).map((mail) => mail.headers.get('x-pasar-notification-kind')),
      ['new_order', 'order_completed', 'payout_paid']
    )
  }).timeout(60_000)

  test("the inbox lists one's own messages, newest first, in pages, as they were sent; another account sees none of them", async ({ client, assert }) => {
    const checkout = await placedCheckout(client, 'SG')
    const order = checkout.orders[0]
    await pay(client, 'SG', checkout)
    await deliverNotifications()

    const first = await inbox(client, 'SG', checkout.buyer.token, '?limit=1')
    first.assertStatus(200)
    const [newest] = first.body().data
    assert.equal(newest.kind, 'order_paid')
    assert.isString(first.body().meta.nextCursor)
    const [receipt] = mailbox.of(checkout.buyer.email, 'order_paid')
    assert.deepEqual(
      { id: newest.id, subject: newest.subject, text: newest.text, order: newest.order, locale: newest.locale, email: newest.email.status },
      { id: receipt.headers.get('x-pasar-notification'), subject: receipt.subject, text: receipt.text, order: order.number, locale: 'en-SG', email: 'sent' }
    )
    assert.isNotNull(newest.email.sentAt)
    const second = await inbox(client, 'SG', checkout.buyer.token, `?limit=1&cursor=${first.body().meta.nextCursor}`)
    second.assertStatus(200)
    assert.deepEqual(second.body().data.map((item: any) => item.kind), ['order_placed'])
    assert.isNull(second.body().meta.nextCursor)
    const all = await inbox(client, 'SG', checkout.buyer.token)
    assert.deepEqual(all.body().data.map((item: any) => item.kind), ['order_paid', 'order_placed'])

    // The seller's inbox holds the seller's message only; a stranger's, nothing.
    const sellerToken = (await client.post('/api/v1/auth/login').header('Host', hostOf('SG')).header('X-Forwarded-For', uniqueIp()).json({ email: (await sellerOf(checkout.market, order.number)).email, password: 'correct horse battery staple' })).body().data.token.value
    assert.deepEqual((await inbox(client, 'SG', sellerToken)).body().data.map((item: any) => item.kind), ['new_order'])
    const stranger = await accountFactory('SG', 'buyer')
    const strangers = await inbox(client, 'SG', stranger.token)
    strangers.assertStatus(200)
    assert.deepEqual(strangers.body(), { data: [], meta: { nextCursor: null } })
    // MY shares SG's shard: an MY account never sees SG's messages either.
    const neighbour = await accountFactory('MY', 'buyer')
    assert.deepEqual((await inbox(client, 'MY', neighbour.token)).body().data, [])
  }).timeout(60_000)

  test('a redelivered event stores nothing twice and sends no second e-mail, even past the consumers\' memory of it', async ({ client, assert }) => {
    const checkout = await placedCheckout(client, 'SG')
    const { market, buyer } = checkout
    const order = checkout.orders[0]
    await pay(client, 'SG', checkout)
    await deliverNotifications()
    const seller = await sellerOf(market, order.number)
    const paidEvent = await market.table('outbox').where('routing_key', 'sg.orders.paid').whereRaw("JSON_UNQUOTE(JSON_EXTRACT(payload, '$.data.number')) = ?", [order.number]).first()
    const stored = () => market.table('notifications').where('event_id', paidEvent.message_id).orderBy('id')
    const queued = async () => {
      const ids = (await stored()).map((row) => row.public_id)
      return market.table('outbox').where('routing_key', 'sg.notifications.email_queued').whereIn(market.db.raw("JSON_UNQUOTE(JSON_EXTRACT(payload, '$.data.notification'))") as any, ids).count('* as n').first()
    }
    assert.deepEqual((await stored()).map((row) => row.kind), ['order_paid', 'new_order'])
    assert.equal(Number((await queued()).n), 2)

    const republish = (messageId: string) => market.table('outbox').where('message_id', messageId).update({ published_at: null })
    // The broker redelivers it: the consumer knows the message id.
    await republish(paidEvent.message_id)
    await deliverNotifications()
    // Redelivered to a consumer that has no record of it (a replay from the parking queue, a lost row).
    await market.db.from('processed_messages').where('consumer', 'notifications.compose').where('message_id', paidEvent.message_id).delete()
    await republish(paidEvent.message_id)
    await deliverNotifications()
    assert.isNotNull(await market.db.from('processed_messages').where('consumer', 'notifications.compose').where('message_id', paidEvent.message_id).first(), 'handled again')
    assert.lengthOf(await stored(), 2)
    assert.equal(Number((await queued()).n), 2)

    // The e-mail step redelivered past its memory: already sent, not sent again.
    const receipt = (await stored())[0]
    const emailEvent = await market.table('outbox').where('routing_key', 'sg.notifications.email_queued').whereRaw("JSON_UNQUOTE(JSON_EXTRACT(payload, '$.data.notification')) = ?", [receipt.public_id]).first()
    await market.db.from('processed_messages').where('consumer', 'notifications.email').where('message_id', emailEvent.message_id).delete()
    await republish(emailEvent.message_id)
    await deliverNotifications()
    assert.isNotNull(await market.db.from('processed_messages').where('consumer', 'notifications.email').where('message_id', emailEvent.message_id).first(), 'handled again')
    assert.lengthOf(mailbox.of(buyer.email, 'order_paid'), 1)
    assert.lengthOf(mailbox.of(seller.email, 'new_order'), 1)
    assert.deepEqual((await stored()).map((row) => [row.status, row.attempts]), [['sent', 1], ['sent', 1]])
  }).timeout(60_000)

  test('an order cancelled after payment: the buyer is told of the refund, then that it was issued; the seller not to ship it. A failed payment: try again before the deadline', async ({ client, assert }) => {
    const checkout = await placedCheckout(client, 'SG')
    const { market, buyer } = checkout
    const order = checkout.orders[0]
    await pay(client, 'SG', checkout)
    await new OrderService().cancel(market, order.number, { type: 'system', id: null }, 'not shipped in time')
    const refunded = await new PaymentService().refundOrder(market, order.number)
    assert.equal(refunded, order.total.amount)

    const other = await placedCheckout(client, 'SG')
    const started = (await startPayment(client, 'SG', other.buyer.token, other.checkoutId)).body().data
    ;(await sandboxWebhook(client, 'SG', { id: started.id, amount: other.total, currency: 'SGD' }, 'payment.failed').send()).assertStatus(200)
    await deliverNotifications()

    const sgd = market.moneyView(order.total.amount).formatted
    const [cancelled] = mailbox.of(buyer.email, 'order_cancelled_refund')
    assert.equal(cancelled.subject, `Order ${order.number} cancelled: ${sgd} will be refunded`)
    assert.include(cancelled.text, 'Reason: not shipped in time.')
    const [issued] = mailbox.of(buyer.email, 'refund_issued')
    assert.equal(issued.subject, `Refund of ${sgd} issued for order ${order.number}`)
    assert.include(issued.text, `to ${market.config.payments.gateways.find((gateway) => gateway.id === order.paymentGateway)!.name}.`)
    const seller = await sellerOf(market, order.number)
    assert.include(mailbox.of(seller.email, 'order_cancelled_seller')[0].text, `Order ${order.number} was cancelled. Reason: not shipped in time. Please do not ship it.`)

    const due = new Date((await market.table('orders').where('number', other.orders[0].number).first()).payment_due_at)
    const [failed] = mailbox.of(other.buyer.email, 'payment_failed')
    assert.equal(failed.subject, `Payment for checkout ${other.checkoutId} failed`)
    assert.include(failed.text, `until ${shownAt('en-SG', 'Asia/Singapore', due)}.`)
  }).timeout(60_000)

  test('return events: the seller hears of the request, both of the review and the decision, the buyer of the refund', async ({ client, assert }) => {
    const checkout = await placedCheckout(client, 'SG')
    const { market, buyer } = checkout
    const order = checkout.orders[0]
    const seller = await sellerOf(market, order.number)
    const caseId = market.publicId()
    await market.transaction((market) =>
      Outbox.recordMany(market, [
        { domain: 'returns', name: 'requested', data: { id: caseId, order: order.number, amount: 1500 } },
        { domain: 'returns', name: 'disputed', data: { id: caseId, order: order.number } },
        { domain: 'returns', name: 'decided', data: { id: caseId, order: order.number, decision: 'refund_partial', amount: 1000 } },
        { domain: 'returns', name: 'refunded', data: { id: caseId, order: order.number, amount: 1000 } },
      ])
    )
    await deliverNotifications()

    const sgd = (amount: number) => market.moneyView(amount).formatted
    const [requested] = mailbox.of(seller.email, 'return_requested')
    assert.equal(requested.subject, `Return requested for order ${order.number}`)
    assert.include(requested.text, `requested a return (${caseId}) of ${sgd(1500)}`)
    assert.lengthOf(mailbox.of(seller.email, 'return_under_review'), 1)
    assert.lengthOf(mailbox.of(buyer.email, 'return_under_review'), 1)
    assert.equal(mailbox.of(buyer.email, 'return_approved')[0].subject, `Return ${caseId}: refund of ${sgd(1000)} approved`)
    assert.equal(mailbox.of(seller.email, 'return_approved_seller')[0].subject, `Return ${caseId}: ${sgd(1000)} refunded to the buyer`)
    assert.include(mailbox.of(buyer.email, 'return_refunded')[0].text, `We refunded ${sgd(1000)} for your return ${caseId} (order ${order.number}).`)
    assert.deepEqual((await market.table('notifications').where('reference', caseId).whereNull('sent_at').count('* as n').first()).n, 0)
  }).timeout(60_000)

  test('an address the relay refuses for good is marked failed at once, not retried', async ({ client, assert }) => {
    const checkout = await placedCheckout(client, 'SG')
    mailbox.refused.add(checkout.buyer.email)
    await deliverNotifications()
    const row = await checkout.market.table('notifications').where('kind', 'order_placed').where('order_number', checkout.orders[0].number).first()
    assert.deepEqual([row.status, row.attempts, row.sent_at], ['failed', 1, null])
    assert.match(row.last_error, /EENVELOPE 550/)
    assert.lengthOf(mailbox.to(checkout.buyer.email), 0)
  }).timeout(60_000)

  test('a relay down: each e-mail is tried maxAttempts times and parked, the order is paid all the same; replayed once the relay is back, each is sent once', async ({ client, assert }) => {
    await deliverEvents(CONSUMERS)
    const connection = new Connection({ url: app.config.get<MessagingConfig>('messaging').url, connectionName: 'pasar-tests-parking' })
    const channel = await connection.acquire()
    const parking = 'pasar.notifications.email.parking'
    try {
      await channel.queuePurge(parking)
      mailbox.unavailable = true
      const checkout = await placedCheckout(client, 'SG')
      const { market, buyer } = checkout
      const order = checkout.orders[0]
      const payment = await pay(client, 'SG', checkout)
      // The order flow never waited for the relay.
      assert.equal((await market.table('orders').where('number', order.number).first()).status, 'paid')
      assert.equal((await market.table('payments').where('public_id', payment.id).first()).status, 'captured')

      await deliverEvents(['notifications.compose'])
      const rows = () => market.table('notifications').where('order_number', order.number).orderBy('id')
      const ids = (await rows()).map((row) => row.public_id)
      // One each; the compose consumer takes the placed and paid events in either order.
      assert.sameMembers((await rows()).map((row) => row.kind), ['order_placed', 'order_paid', 'new_order'])
      // Relays the queued e-mails (awaiting only the compose step, which has nothing left).
      await deliverEvents(['notifications.compose'])

      const parked: { envelope: MessageEnvelope; headers: Record<string, any> }[] = []
      await until(
        async () => {
          for (let message = await channel.basicGet(parking); message; message = await channel.basicGet(parking)) {
            parked.push({ envelope: message.body as MessageEnvelope, headers: message.headers ?? {} })
            await channel.basicAck({ deliveryTag: message.deliveryTag })
          }
          return parked.length >= ids.length
        },
        40_000,
        'the e-mails were not parked'
      )
      assert.sameMembers(parked.map((entry) => entry.envelope.data.notification), ids)
      const maxAttempts = sendNotificationEmails.maxAttempts!
      for (const entry of parked) {
        assert.equal(entry.headers['x-attempt'], maxAttempts)
        assert.match(entry.headers['x-error'], /451/)
      }
      for (const row of await rows()) {
        assert.deepEqual([row.status, row.attempts, row.sent_at], ['pending', maxAttempts, null])
        assert.match(row.last_error, /451/)
      }
      assert.equal(mailbox.tries >= ids.length * maxAttempts, true)
      assert.lengthOf(mailbox.to(buyer.email), 0)
      // Parked, not handled: the consumer holds no record of them, so a replay is applied.
      assert.lengthOf(await unhandledEmails(), ids.length)

      // The relay is back; an operator replays the parking queue.
      mailbox.unavailable = false
      for (const entry of parked) await channel.basicPublish({ routingKey: 'pasar.notifications.email', contentType: 'application/json', durable: true }, entry.envelope)
      await until(async () => (await rows()).every((row) => row.status === 'sent'), 20_000, 'the replayed e-mails were not sent')
      assert.deepEqual((await rows()).map((row) => row.attempts), [maxAttempts + 1, maxAttempts + 1, maxAttempts + 1])
      assert.lengthOf(mailbox.of(buyer.email, 'order_paid'), 1)
      assert.lengthOf(mailbox.of(buyer.email, 'order_placed'), 1)
    } finally {
      mailbox.unavailable = false
      await channel.close()
      await connection.close()
    }
  }).timeout(90_000)

  test('bad query parameters of the inbox are a 422 naming each of them; nobody signed in is a 401', async ({ client, assert }) => {
    ;(await client.get('/api/v1/me/notifications').header('Host', hostOf('SG')).header('X-Forwarded-For', uniqueIp())).assertStatus(401)
    const buyer = await accountFactory('SG', 'buyer')
    const names = async (query: string) => {
      const response = await inbox(client, 'SG', buyer.token, query)
      response.assertStatus(422)
      return response.body().error.fields.map((field: any) => field.field).sort()
    }
    assert.deepEqual(await names('?limit=0&cursor=not%20a%20cursor&page=2'), ['cursor', 'limit', 'page'])
    assert.deepEqual(await names(`?limit=101&cursor=${Buffer.from(JSON.stringify({ id: 'x' })).toString('base64url')}`), ['cursor', 'limit'])
    assert.deepEqual(await names('?limit=2.5'), ['limit'])
    assert.deepEqual(await names('?limit=ten'), ['limit'])
    const bad = await inbox(client, 'SG', buyer.token, '?cursor=e30')
    assert.deepEqual(bad.body().error.fields.map((field: any) => [field.field, field.rule]), [['cursor', 'cursor']])
  })
})

test.group('Notifications: without a relay', () => {
  test('without SMTP_HOST each e-mail goes to the log mailer: composed, logged, marked sent; the inbox has it', async ({ client, assert }) => {
    assert.isUndefined(process.env.SMTP_HOST)
    assert.equal(activeMailer(), 'log')
    const { market, buyer, orders } = await placedCheckout(client, 'VN')
    await deliverNotifications()
    const row = await market.table('notifications').where('order_number', orders[0].number).where('kind', 'order_placed').first()
    assert.deepEqual([row.status, row.attempts, row.locale], ['sent', 1, 'vi-VN'])
    assert.equal(row.subject.startsWith(`Đã đặt đơn hàng ${orders[0].number}: vui lòng thanh toán trước `), true, row.subject)
    assert.include(row.body, market.withLocale('vi-VN').moneyView(orders[0].total.amount).formatted)
    const listed = await inbox(client, 'VN', buyer.token)
    assert.deepEqual(listed.body().data.map((item: any) => [item.id, item.email.status]), [[row.public_id, 'sent']])
  }).timeout(60_000)
})

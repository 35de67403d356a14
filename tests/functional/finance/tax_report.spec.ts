import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import ExcelJS from 'exceljs'
import db from '@adonisjs/lucid/services/db'
import app from '@adonisjs/core/services/app'
import { MarketContext } from '#markets/market_context'
import type { Market } from '#markets/market'
import { STAFF_HOST, staffWithSession } from '#tests/support/identity'
import { clearJournal, generateTaxMonth, type GeneratedRefund } from '#tests/support/tax_month'
import { TaxReportService, type TaxReportRow } from '#finance/services/tax_report'
import { TaxJournal, isoDay } from '#tax/services/tax_journal'
import { placedCheckout, sandboxWebhook, startPayment } from '#tests/support/payments'
import { deliverEvents } from '#tests/support/events'
import { raw } from '#tests/support/http'
import { withEnv } from '#tests/support/provider_standins'
import { until } from '#tests/support/outside'
import { signedLink } from '#finance/services/finance_exports'
import { FulfilmentService } from '#orders/services/fulfilment_service'

const key = (row: { day: string; category: string; rate: string; taxableBase: string | null; adjusts: string | null }) => [row.day, row.category, row.rate, row.taxableBase ?? '-', row.adjusts ?? '-'].join('|')
const rateText = (value: unknown) => String(Number(value))
const monthOf = (day: string) => day.slice(0, 7)

/**
 * What the report must say, computed another way: straight from the
 * orders (their tax day and lines) and the refunds of the period, summed
 * in the test, with no query of the report's.
 */
async function expectedRows(market: MarketContext, from: string, to: string, refunds: GeneratedRefund[]) {
  const rows = new Map<string, TaxReportRow>()
  const row = (day: string, line: Record<string, any>, adjusts: string | null) => {
    const base = line.taxable_base_numerator ? `${line.taxable_base_numerator}/${line.taxable_base_denominator}` : null
    const entry = { day, category: line.tax_category, rate: rateText(line.tax_rate), taxableBase: base, adjusts }
    const id = key(entry)
    if (!rows.has(id)) rows.set(id, { ...entry, orders: 0, net: 0, tax: 0, gross: 0, refundedNet: 0, refundedTax: 0, refundedGross: 0, discountShop: 0, discountPlatform: 0 })
    return rows.get(id)!
  }
  const orders = await market.table('orders').whereNotNull('tax_day').select('id', 'tax_day')
  const dayOf = new Map(orders.map((order) => [Number(order.id), isoDay(order.tax_day)]))
  const lines = await market.table('order_lines').whereIn('order_id', [...dayOf.keys()])
  const counted = new Set<string>()
  for (const line of lines) {
    const day = dayOf.get(Number(line.order_id))!
    if (day < from || day > to) continue
    const target = row(day, line, null)
    const orderKey = `${key(target)}#${line.order_id}`
    if (!counted.has(orderKey)) {
      counted.add(orderKey)
      target.orders += 1
    }
    target.net += Number(line.net)
    target.tax += Number(line.tax)
    target.gross += Number(line.gross)
    target.discountShop += Number(line.discount_shop)
    target.discountPlatform += Number(line.discount_platform)
  }
  const lineById = new Map(lines.map((line) => [Number(line.id), line]))
  for (const refund of refunds) {
    const day = DateTime.fromJSDate(refund.at).setZone(market.timezone).toISODate()!
    if (day < from || day > to) continue
    const saleDay = dayOf.get(refund.orderId)!
    const target = row(day, lineById.get(refund.orderLineId)!, monthOf(saleDay) !== monthOf(day) ? monthOf(saleDay) : null)
    target.refundedNet += refund.net
    target.refundedTax += refund.tax
    target.refundedGross += refund.gross
  }
  return rows
}


/** A market as its file says, or with another tax rule (exclusive prices, invoice rounding) to cover every way of taxing. */
function variant(code: string, tax: Partial<Market['tax']> = {}) {
  return async () => {
    const markets = await app.container.make('markets')
    const config = markets.find(code)!
    return MarketContext.of({ ...config, tax: { ...config.tax, ...tax } } as Market)
  }
}

test.group('Tax report: exact to the minor unit', (group) => {
  group.each.setup(async () => {
    for (const code of ['SG', 'ID', 'VN', 'BR']) await clearJournal((await app.container.make('markets')).context(code))
  })

  const cases = [
    // SG: inclusive, per line; GST 8 % → 9 % on 2024-01-01 inside the period.
    { code: 'SG', from: '2023-12-16', to: '2024-01-15', context: variant('SG'), rates: ['8', '9'] },
    // ID: inclusive, per invoice; PPN 11 % → 12 % on a base of 11/12 on 2025-01-01.
    { code: 'ID', from: '2024-12-16', to: '2025-01-15', context: variant('ID'), rates: ['11', '12'] },
    // VN: inclusive, per line, 10 %, 8 % and 5 % categories.
    { code: 'VN', from: '2026-10-01', to: '2026-10-31', context: variant('VN'), rates: ['10', '8', '5'] },
    // BR with prices before tax, rounded per invoice: the exclusive side of the calculator.
    { code: 'BR', from: '2026-10-01', to: '2026-10-31', context: variant('BR', { pricesIncludeTax: false, roundingLevel: 'invoice' }), rates: ['18', '12', '7'] },
  ]

  for (const entry of cases) {
    test(`${entry.code}: every row and the totals equal the orders and refunds of the period, recomputed, to the minor unit`, async ({ assert }) => {
      const market = await entry.context()
      const { refunds } = await generateTaxMonth(market, { from: entry.from, days: 31, orders: 160, seed: entry.code.charCodeAt(0) * 31 + entry.code.charCodeAt(1), refundEvery: 6 })
      const report = await new TaxReportService().report(market, entry.from, entry.to)
      const expected = await expectedRows(market, entry.from, entry.to, refunds)
      assert.deepEqual(new Set(report.rows.map(key)), new Set(expected.keys()))
      for (const row of report.rows) assert.deepEqual(row, expected.get(key(row)), key(row))
      const sum = (field: keyof TaxReportRow) => [...expected.values()].reduce((total, row) => total + (row[field] as number), 0)
      for (const field of ['net', 'tax', 'gross', 'refundedNet', 'refundedTax', 'refundedGross', 'discountShop', 'discountPlatform'] as const) assert.equal(report.totals[field], sum(field), field)
      // Rows are split by rate where the rate changed inside the period.
      for (const rate of entry.rates) assert.isTrue(report.rows.some((row) => row.rate === rate), `a row at ${rate} %`)
      // Net plus tax is gross on every row (inclusive or not), and some refunds are adjustments of an earlier month.
      for (const row of report.rows) assert.equal(row.net + row.tax, row.gross, key(row))
      assert.equal(report.header.currency, market.currency)
      assert.equal(report.header.exponent, market.currencyExponent)
      assert.equal(report.header.registrationId, market.config.tax.registrationId)
    }).timeout(120_000)
  }

  test('SG: an order taxed at 23:59:40 local lands on that local day, one at 00:00:15 on the next, whatever the UTC date', async ({ assert }) => {
    const market = (await app.container.make('markets')).context('SG')
    await generateTaxMonth(market, { from: '2026-11-03', days: 1, orders: 12, seed: 7 })
    const entries = await market.table('tax_entries').select('tax_day', 'occurred_at')
    for (const entry of entries) {
      const local = DateTime.fromJSDate(new Date(entry.occurred_at)).setZone('Asia/Singapore')
      assert.equal(isoDay(entry.tax_day), local.toISODate())
    }
    // The 23:59:40 order (local) is on 2026-11-02 15:59:40 UTC, the 2026-11-03 local day.
    const late = entries.find((entry) => DateTime.fromJSDate(new Date(entry.occurred_at)).setZone('Asia/Singapore').toFormat('HH:mm') === '23:59')
    assert.exists(late)
    assert.equal(isoDay(late!.tax_day), '2026-11-03')
    assert.equal(new Date(late!.occurred_at).toISOString().slice(0, 10), '2026-11-03')
    const report = await new TaxReportService().report(market, '2026-11-03', '2026-11-03')
    assert.equal(report.totals.orders, 12, 'orders are counted once, whatever their categories')
    assert.deepEqual(await new TaxReportService().report(market, '2026-11-02', '2026-11-02').then((other) => other.rows), [])
  }).timeout(60_000)
})

test.group('Tax report: the real order flow feeds the journal', (group) => {
  group.each.setup(async () => {
    await clearJournal((await app.container.make('markets')).context('SG'))
  })

  test('a captured payment enters the order at its capture day; a cancellation after payment refunds every line', async ({ client, assert }) => {
    const { market, buyer, checkoutId, orders } = await placedCheckout(client, 'SG', { quantity: 2 })
    const payment = await startPayment(client, 'SG', buyer.token, checkoutId)
    payment.assertStatus(201)
    const started = payment.body().data
    const hook = await sandboxWebhook(client, 'SG', { id: started.id, amount: started.amount.amount, currency: started.amount.currency }, 'payment.captured').send()
    hook.assertStatus(200)
    assert.equal(hook.body().data.outcome, 'captured')
    const today = TaxJournal.dayOf(market, new Date())
    const order = await market.table('orders').where('number', orders[0].number).firstOrFail()
    assert.equal(isoDay(order.tax_day), today)
    const report = await new TaxReportService().report(market, today, today)
    assert.equal(report.totals.orders, 1)
    assert.equal(report.totals.gross, Number(order.goods_gross))
    assert.equal(report.totals.tax, Number(order.goods_tax))

    const cancelled = await client.post(`/api/v1/orders/${order.number}/cancel`).header('Host', 'sg.pasar.localhost').bearerToken(buyer.token)
    cancelled.assertStatus(200)
    await deliverEvents(['payments.refund-cancelled-orders'])
    const after = await new TaxReportService().report(market, today, today)
    assert.equal(after.totals.refundedGross, Number(order.goods_gross))
    assert.equal(after.totals.refundedTax, Number(order.goods_tax))
    assert.equal(after.totals.gross, Number(order.goods_gross), 'the sale stays; the refund is its own figure')
  }).timeout(60_000)

  test('cash on delivery: nothing is taxed when the order goes to the seller, everything on the local day the courier delivers', async ({ client, assert }) => {
    const { market, buyer, checkoutId, orders } = await placedCheckout(client, 'ID', { courier: 'jne' })
    await clearJournal(market)
    ;(await startPayment(client, 'ID', buyer.token, checkoutId, { gateway: 'cod' })).assertStatus(201)
    const number = orders[0].number
    assert.equal(Number((await market.table('tax_entries').where('order_number', number).count('* as n'))[0].n), 0)
    // Delivered at 23:30 in Jakarta: that local day, though UTC is still in the afternoon.
    const at = DateTime.now().setZone('Asia/Jakarta').startOf('day').plus({ hours: 23, minutes: 30 }).minus({ days: 1 })
    await new FulfilmentService().shipmentStatusChanged(market, number, 'delivered', at.toJSDate())
    const order = await market.table('orders').where('number', number).firstOrFail()
    assert.equal(order.status, 'delivered')
    assert.equal(isoDay(order.tax_day), at.toISODate())
    const report = await new TaxReportService().report(market, at.toISODate()!, at.toISODate()!)
    assert.equal(report.totals.orders, 1)
    assert.equal(report.totals.tax, Number(order.goods_tax))
    assert.isTrue(report.rows.every((row) => row.taxableBase === '11/12'))
  }).timeout(60_000)
})

test.group('Tax report: HTTP, formats, periods, access', (group) => {
  group.each.setup(async () => {
    await clearJournal((await app.container.make('markets')).context('SG'))
  })

  test('JSON, CSV and XLSX say the same totals; bad input is 422 naming each field; every read is audited', async ({ client, assert }) => {
    const market = (await app.container.make('markets')).context('SG')
    await generateTaxMonth(market, { from: '2026-10-01', days: 31, orders: 40, seed: 3, refundEvery: 4 })
    const finance = await staffWithSession(client, [{ role: 'finance', markets: ['SG'] }])
    const get = (query: string) => client.get(`/api/v1/finance/markets/SG/tax-report?${query}`).header('Host', STAFF_HOST).bearerToken(finance.token)
    const json = await get('from=2026-10-01&to=2026-10-31')
    json.assertStatus(200)
    const totals = json.body().data.totals
    assert.equal(json.body().data.header.taxLabel, 'GST')
    assert.match(json.body().data.header.taxPoint, /capture/)

    const csv = await get('from=2026-10-01&to=2026-10-31&format=csv')
    csv.assertStatus(200)
    assert.match(csv.header('content-type') ?? '', /text\/csv/)
    const total = csv.text().trim().split('\n').at(-1)!.split(',')
    const major = (amount: number) => `${Math.trunc(amount / 100)}.${String(Math.abs(amount) % 100).padStart(2, '0')}`
    assert.equal(total[0], 'TOTAL')
    assert.equal(total[6], major(totals.net))
    assert.equal(total[7], major(totals.tax))
    assert.equal(total[8], major(totals.gross))
    assert.equal(total[10], major(totals.refundedTax))

    const xlsx = await raw({ method: 'GET', path: '/api/v1/finance/markets/SG/tax-report?from=2026-10-01&to=2026-10-31&format=xlsx', host: STAFF_HOST, headers: { authorization: `Bearer ${finance.token}` } })
    assert.equal(xlsx.status, 200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(xlsx.bytes as any)
    const sheet = workbook.worksheets[0]
    const last = sheet.getRow(sheet.rowCount)
    assert.equal(last.getCell(1).value, 'TOTAL')
    assert.equal(last.getCell(9).value, Number(major(totals.gross)))
    assert.equal(last.getCell(9).numFmt, '#,##0.00 "SGD"')

    const lines = await get('from=2026-10-01&to=2026-10-31&detail=lines')
    lines.assertStatus(200)
    const entries = await market.table('tax_entries').whereBetween('tax_day', ['2026-10-01', '2026-10-31']).count('* as n')
    assert.equal(lines.text().trim().split('\n').length - 1, Number(entries[0].n))

    const bad = await get('from=2026-10-31&to=2026-10-01&format=pdf')
    bad.assertStatus(422)
    assert.sameMembers(bad.body().error.fields.map((field: any) => field.field), ['to', 'format'])
    const long = await get('from=2025-01-01&to=2026-12-31')
    assert.deepEqual(long.body().error.fields.map((field: any) => field.field), ['to'])
    const broken = await get('from=yesterday')
    assert.sameMembers(broken.body().error.fields.map((field: any) => field.field), ['from', 'to'])

    const audits = await db.connection('control').from('audit_logs').where('action', 'finance.tax_report_read').where('actor_id', finance.staff.publicId).count('* as n')
    assert.equal(Number(audits[0].n), 4)
  }).timeout(60_000)

  test('closing a month stores its report and hash; a refund after the close is an adjustment of it in the open month; no second close; pending orders block a close', async ({ client, assert }) => {
    const market = (await app.container.make('markets')).context('SG')
    const { refunds } = await generateTaxMonth(market, { from: '2026-09-01', days: 30, orders: 30, seed: 11 })
    assert.lengthOf(refunds, 0)
    const finance = await staffWithSession(client, [{ role: 'finance', markets: ['SG'] }])
    const call = (method: 'get' | 'post', path: string) => client[method](path).header('Host', STAFF_HOST).bearerToken(finance.token)
    const before = (await call('get', '/api/v1/finance/markets/SG/tax-report?from=2026-09-01&to=2026-09-30')).body().data

    const closed = await call('post', '/api/v1/finance/markets/SG/periods/2026-09/close')
    closed.assertStatus(201)
    assert.match(closed.body().data.hash, /^[0-9a-f]{64}$/)
    ;(await call('post', '/api/v1/finance/markets/SG/periods/2026-09/close')).assertStatus(409)
    const future = await call('post', `/api/v1/finance/markets/SG/periods/${DateTime.now().setZone('Asia/Singapore').toFormat('yyyy-MM')}/close`)
    future.assertStatus(422)
    assert.deepEqual(future.body().error.fields.map((field: any) => field.field), ['month'])
    ;(await call('post', '/api/v1/finance/markets/SG/periods/2026-13/close')).assertStatus(422)

    // A refund of a September sale, decided in October: September does not move; October shows it labelled 2026-09.
    const sold = await market.table('tax_entries').where('kind', 'sale').orderBy('id').firstOrFail()
    await new TaxJournal().refund(market, Number(sold.order_id), 'return:LATE', DateTime.fromISO('2026-10-05T10:00', { zone: 'Asia/Singapore' }).toJSDate(), [{ orderLineId: Number(sold.order_line_id), quantity: 1, net: Number(sold.net), tax: Number(sold.tax), gross: Number(sold.gross) }])
    // Even a journal row written into September afterwards (a correction) cannot move the closed report.
    await market.insert('tax_entries', { ...sold, id: undefined, market_code: undefined, refund_key: 'CORRECTION', kind: 'refund', tax_day: '2026-09-15', sale_day: '2026-09-15' })
    const september = (await call('get', '/api/v1/finance/markets/SG/tax-report?from=2026-09-01&to=2026-09-30')).body().data
    assert.deepEqual(september.rows, before.rows)
    assert.deepEqual(september.totals, before.totals)
    assert.deepEqual(september.header.periods, [{ month: '2026-09', closed: true, hash: closed.body().data.hash }])
    const october = (await call('get', '/api/v1/finance/markets/SG/tax-report?from=2026-10-01&to=2026-10-31')).body().data
    const adjustment = october.rows.find((row: TaxReportRow) => row.adjusts === '2026-09')
    assert.exists(adjustment)
    assert.equal(adjustment.refundedGross, Number(sold.gross))
    assert.equal(adjustment.day, '2026-10-05')

    // A tax point reported late into the closed month (a courier's delivery event of a COD order) enters today, as an adjustment of September.
    const { shopId } = await generateTaxMonth(market, { from: '2026-09-20', days: 1, orders: 1, seed: 99 })
    const late = await market.table('orders').where('shop_id', shopId).firstOrFail()
    assert.deepEqual((await call('get', '/api/v1/finance/markets/SG/tax-report?from=2026-09-01&to=2026-09-30')).body().data.totals, before.totals)
    const today = TaxJournal.dayOf(market, new Date())
    const now = (await call('get', `/api/v1/finance/markets/SG/tax-report?from=${today}&to=${today}`)).body().data
    const lateRows = now.rows.filter((row: TaxReportRow) => row.adjusts === '2026-09' && row.gross > 0)
    assert.equal(lateRows.reduce((total: number, row: TaxReportRow) => total + row.gross, 0), Number(late.goods_gross))

    const periods = await call('get', '/api/v1/finance/markets/SG/periods')
    assert.deepEqual(periods.body().data.map((period: any) => period.month), ['2026-09'])
    assert.deepEqual(periods.body().data[0].totals, before.totals)

    // An order of August still waiting for payment keeps August open.
    await market.table('orders').where('id', sold.order_id).update({ status: 'pending_payment', placed_at: DateTime.fromISO('2026-08-20T12:00', { zone: 'Asia/Singapore' }).toJSDate() })
    const blocked = await call('post', '/api/v1/finance/markets/SG/periods/2026-08/close')
    blocked.assertStatus(409)
    assert.equal(blocked.body().error.code, 'E_PERIOD_NOT_READY')
    // Paid again: no worker of a later test expires a generated order.
    await market.table('orders').where('id', sold.order_id).update({ status: 'paid' })
  }).timeout(60_000)

  test('finance of ID cannot read SG; ops and support read no tax report; nothing is written', async ({ client, assert }) => {
    const [id, ops, support] = await Promise.all([
      staffWithSession(client, [{ role: 'finance', markets: ['ID'] }]),
      staffWithSession(client, [{ role: 'ops', markets: ['SG'] }]),
      staffWithSession(client, [{ role: 'support', markets: ['SG'] }]),
    ])
    const market = (await app.container.make('markets')).context('SG')
    const counts = async () => [Number((await market.table('tax_periods').count('* as n'))[0].n), Number((await market.table('finance_exports').count('* as n'))[0].n)]
    const before = await counts()
    for (const who of [id, ops, support]) {
      const call = (method: 'get' | 'post', path: string) => client[method](path).header('Host', STAFF_HOST).bearerToken(who.token)
      ;(await call('get', '/api/v1/finance/markets/SG/tax-report?from=2026-10-01&to=2026-10-31')).assertStatus(403)
      ;(await call('post', '/api/v1/finance/markets/SG/periods/2026-09/close')).assertStatus(403)
      ;(await call('post', '/api/v1/finance/markets/SG/exports')).assertStatus(403)
    }
    assert.deepEqual(await counts(), before)
  }).timeout(60_000)
})

test.group('Tax report: export jobs', (group) => {
  group.each.setup(async () => {
    await clearJournal((await app.container.make('markets')).context('SG'))
  })

  test('a large period becomes a job on the worker: progress, a signed link that expires, download by finance of the market only, audited', async ({ client, assert }) => {
    const market = (await app.container.make('markets')).context('SG')
    await generateTaxMonth(market, { from: '2026-08-01', days: 31, orders: 60, seed: 5, refundEvery: 5 })
    const entries = Number((await market.table('tax_entries').whereBetween('tax_day', ['2026-08-01', '2026-08-31']).count('* as n'))[0].n)
    const [finance, other] = await Promise.all([staffWithSession(client, [{ role: 'finance', markets: ['SG'] }]), staffWithSession(client, [{ role: 'finance', markets: ['ID'] }])])
    const as = (token: string) => (method: 'get' | 'post', path: string, body?: object) => {
      const call = client[method](path).header('Host', STAFF_HOST).bearerToken(token)
      return body ? call.json(body) : call
    }
    const call = as(finance.token)

    // Above the threshold the report answers 202 with the job.
    const queued = await withEnv({ TAX_REPORT_SYNC_MAX_ROWS: '10' }, () => call('get', '/api/v1/finance/markets/SG/tax-report?from=2026-08-01&to=2026-08-31&detail=lines'))
    queued.assertStatus(202)
    const job = queued.body().data
    assert.include(job, { status: 'queued', kind: 'tax_lines', format: 'csv' })
    assert.deepEqual(job.progress, { rowsDone: 0, rowsEstimated: entries })
    assert.isNull(job.download)

    await deliverEvents(['finance.render-exports'])
    await until(async () => (await call('get', `/api/v1/finance/exports/${job.id}`)).body().data.status === 'ready', 15_000, 'the export was not rendered')
    const ready = (await call('get', `/api/v1/finance/exports/${job.id}`)).body().data
    assert.deepEqual(ready.progress, { rowsDone: entries, rowsEstimated: entries })
    assert.match(ready.download.url, new RegExp(`^/api/v1/finance/exports/${job.id}/download\\?expires=\\d+&signature=`))
    assert.approximately(new Date(ready.download.expiresAt).getTime() - Date.now(), 24 * 3_600_000, 60_000)

    const file = await call('get', ready.download.url)
    file.assertStatus(200)
    assert.equal(file.text().trim().split('\n').length, entries + 1)
    ;(await as(other.token)('get', ready.download.url)).assertStatus(403)
    ;(await as(other.token)('get', `/api/v1/finance/exports/${job.id}`)).assertStatus(403)

    // A forged or expired link is refused, and only finance of SG can ask.
    const forged = ready.download.url.replace(/signature=[^&]+/, `signature=${'A'.repeat(43)}`)
    ;(await call('get', forged)).assertStatus(403)
    const past = Math.floor(Date.now() / 1000) - 60
    ;(await call('get', signedLink(job.id, past))).assertStatus(403)
    await market.table('finance_exports').where('public_id', job.id).update({ expires_at: new Date(past * 1000) })
    assert.isNull((await call('get', `/api/v1/finance/exports/${job.id}`)).body().data.download)

    const xlsx = await call('post', '/api/v1/finance/markets/SG/exports', { from: '2026-08-01', to: '2026-08-31', format: 'xlsx' })
    xlsx.assertStatus(202)
    await deliverEvents(['finance.render-exports'])
    await until(async () => (await call('get', `/api/v1/finance/exports/${xlsx.body().data.id}`)).body().data.status === 'ready', 15_000, 'the xlsx export was not rendered')

    const bad = await call('post', '/api/v1/finance/markets/SG/exports', { from: '2026-08-01', to: '2024-08-31', format: 'pdf', extra: true })
    bad.assertStatus(422)
    assert.sameMembers(bad.body().error.fields.map((field: any) => field.field), ['to', 'format', 'extra'])
    ;(await call('get', '/api/v1/finance/exports/not-an-id')).assertStatus(404)
    ;(await call('get', `/api/v1/finance/exports/${job.id}/download?expires=soon`)).assertStatus(422)

    const downloads = await db.connection('control').from('audit_logs').where('action', 'finance.export_downloaded').where('target_id', job.id).count('* as n')
    assert.equal(Number(downloads[0].n), 1)
  }).timeout(90_000)
})

test.group('Seller turnover, withholding and platform income', (group) => {
  group.each.setup(async () => {
    for (const code of ['SG', 'ID']) await clearJournal((await app.container.make('markets')).context(code))
  })

  test('ID: turnover per seller and month, PPh 22 of 0.5 % withheld on what was sold from 2025-07-14 only, rounded once per seller and month', async ({ client, assert }) => {
    const market = (await app.container.make('markets')).context('ID')
    const first = await generateTaxMonth(market, { from: '2025-07-01', days: 31, orders: 40, seed: 21, refundEvery: 5 })
    const second = await generateTaxMonth(market, { from: '2025-07-01', days: 31, orders: 25, seed: 22 })
    const finance = await staffWithSession(client, [{ role: 'finance', markets: ['ID'] }])
    const answer = await client.get('/api/v1/finance/markets/ID/tax-report?report=sellers&from=2025-07-01&to=2025-07-31').header('Host', STAFF_HOST).bearerToken(finance.token)
    answer.assertStatus(200)
    const rows = answer.body().data.rows
    assert.lengthOf(rows, 2)
    for (const generated of [first, second]) {
      const shop = await market.table('shops').where('id', generated.shopId).firstOrFail()
      const row = rows.find((candidate: any) => candidate.shop === shop.public_id)
      const orders = await market.table('orders').where('shop_id', generated.shopId).whereNotNull('tax_day').select('id', 'tax_day', 'goods_gross')
      const inJuly = orders.filter((order) => isoDay(order.tax_day).startsWith('2025-07'))
      const sales = inJuly.reduce((total, order) => total + Number(order.goods_gross), 0)
      const julyRefunds = generated.refunds.filter((refund) => DateTime.fromJSDate(refund.at).setZone('Asia/Jakarta').toFormat('yyyy-MM') === '2025-07')
      const refunds = julyRefunds.reduce((total, refund) => total + refund.gross, 0)
      const fromFourteenth =
        inJuly.filter((order) => isoDay(order.tax_day) >= '2025-07-14').reduce((total, order) => total + Number(order.goods_gross), 0) -
        julyRefunds.filter((refund) => DateTime.fromJSDate(refund.at).setZone('Asia/Jakarta').toISODate()! >= '2025-07-14').reduce((total, refund) => total + refund.gross, 0)
      assert.equal(row.sales, sales)
      assert.equal(row.refunds, refunds)
      assert.equal(row.turnover, sales - refunds)
      assert.equal(row.withholdingBase, fromFourteenth)
      // 0.5 % = 5/1000, half-up, on whole rupiah.
      assert.equal(row.withheld, Math.floor((fromFourteenth * 5) / 1000 + 0.5))
    }
    assert.equal(answer.body().data.totals.withheld, rows[0].withheld + rows[1].withheld)
    const csv = await client.get('/api/v1/finance/markets/ID/tax-report?report=sellers&from=2025-07-01&to=2025-07-31&format=csv').header('Host', STAFF_HOST).bearerToken(finance.token)
    assert.include(csv.text(), 'PPh 22 (PMK 37/2025): 0.5 % of turnover from 2025-07-14')
    // SG declares no withholding: nothing withheld.
    const sg = (await app.container.make('markets')).context('SG')
    await generateTaxMonth(sg, { from: '2025-07-01', days: 5, orders: 5, seed: 23 })
    const { SellerReports } = await import('#finance/services/seller_reports')
    const sgRows = await new SellerReports().sellers(sg, '2025-07-01', '2025-07-31')
    assert.isTrue(sgRows.length > 0 && sgRows.every((row) => row.withheld === 0))
  }).timeout(90_000)

  test('SG: the platform\'s commission and fees per month, with the GST they contain', async ({ client, assert }) => {
    const { market, buyer, checkoutId, orders } = await placedCheckout(client, 'SG', { quantity: 3 })
    const started = (await startPayment(client, 'SG', buyer.token, checkoutId)).body().data
    ;(await sandboxWebhook(client, 'SG', { id: started.id, amount: started.amount.amount, currency: started.amount.currency }, 'payment.captured').send()).assertStatus(200)
    const { EscrowService, escrowOrderOf } = await import('#escrow/services/escrow_service')
    const order = await market.table('orders as o').join('shops as s', 's.id', 'o.shop_id').where('o.number', orders[0].number).select('o.*', 's.public_id as shop_public_id').firstOrFail()
    const split = await new EscrowService().release(market, escrowOrderOf(order))
    const finance = await staffWithSession(client, [{ role: 'finance', markets: ['SG'] }])
    const today = TaxJournal.dayOf(market, new Date())
    const answer = await client.get(`/api/v1/finance/markets/SG/tax-report?report=platform&from=${today.slice(0, 8)}01&to=${today}`).header('Host', STAFF_HOST).bearerToken(finance.token)
    answer.assertStatus(200)
    const row = answer.body().data.rows.at(-1)
    assert.isAtLeast(row.commission, split.commission)
    const income = row.commission + row.fees
    assert.equal(row.income, income)
    assert.equal(row.taxRate, '9')
    // GST contained in an inclusive amount: income × 9/109, half-up.
    assert.equal(row.outputTax, Math.floor((income * 9) / 109 + 0.5))
  }).timeout(60_000)
})

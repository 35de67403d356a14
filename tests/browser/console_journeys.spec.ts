import { test } from '@japa/runner'
import { readFileSync } from 'node:fs'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import app from '@adonisjs/core/services/app'
import { STAFF_HOST, staffFactory, staffWithSession } from '#tests/support/identity'
import { orderStatus, sellerWithProduct } from '#tests/support/flows'
import { deliveredOrder } from '#tests/support/payments'
import { accessibilityProblems, screenshot, signIn } from '#tests/support/console'
import { resetMarketConfig } from '#tests/support/markets'
import { clearJournal, generateTaxMonth } from '#tests/support/tax_month'
import { spawnApp, stop } from '#tests/support/processes'
import { majorUnits } from '#money/money'

const NINJA_FIRST_FEE = '#f-couriers-list-ninja_van-rates-bands-0-fee'

/** The revision a market's config is at (0: the file alone). */
async function revisionOf(code: string) {
  const row = await db.connection('control').from('market_config_heads').where('market_code', code).first()
  return Number(row?.revision ?? 0)
}

/** A buyer's quote of one unit on SG, through the storefront API: its first parcel's shipping fee. */
async function shippingFee(flow: Awaited<ReturnType<typeof sellerWithProduct>>) {
  const quote = await flow.api('post', '/api/v1/checkout/quote', flow.buyerToken, { lines: [{ sku: flow.sku, quantity: 1 }] })
  quote.assertStatus(200)
  return quote.body().data.parcels[0].shipping.fee.amount as number
}

test.group('Console journeys: ops, finance, support and admin in a browser', (group) => {
  let worker: ReturnType<typeof spawnApp>
  group.setup(async () => {
    // The worker renders exports and carries the sandbox's webhooks and parcels, as in production.
    worker = spawnApp(['ace', 'worker', '--poll-ms=100', '--expiry-seconds=1', '--courier-seconds=0.3'], { SANDBOX_COURIER_STEP_SECONDS: '0', LOG_LEVEL: 'warn' })
    return async () => {
      await stop(worker.child)
    }
  })
  group.each.setup(async () => {
    await resetMarketConfig()
    return () => resetMarketConfig()
  })

  test('ops: a bad courier fee is shown beside its field and saves nothing; the fixed fee reaches a storefront quote; a rollback takes it back', async ({ client, visit, assert }) => {
    const flow = await sellerWithProduct(client, 'SG', 1990)
    assert.equal(await shippingFee(flow), 399)
    const { email } = await staffFactory([{ role: 'ops', markets: ['SG'] }])
    const page = await visit('/console/sign-in')
    await signIn(page, email)
    await page.goto('/console/markets/SG/config')
    assert.deepEqual(await accessibilityProblems(page), [])
    await page.assertInputValue(NINJA_FIRST_FEE, '3.99')

    await page.locator(NINJA_FIRST_FEE).fill('4,50')
    await page.locator('#f-couriers-list-jnt-rates-bands-1-upToGrams').fill('-3')
    await page.getByLabel('Reason').fill('Ninja Van raised its first band')
    await page.getByRole('button', { name: 'Save changes' }).click()
    await page.assertPath('/console/markets/SG/config')
    await page.assertExists(`${NINJA_FIRST_FEE}[aria-invalid="true"]`)
    await page.assertTextContains(`${NINJA_FIRST_FEE}-error`, 'SGD')
    await page.assertExists('#f-couriers-list-jnt-rates-bands-1-upToGrams-error')
    // What was typed stays, and nothing was saved.
    await page.assertInputValue(NINJA_FIRST_FEE, '4,50')
    assert.equal(await revisionOf('SG'), 0)
    assert.equal(await shippingFee(flow), 399)
    assert.deepEqual(await accessibilityProblems(page), [])
    await screenshot(page, 'config-refused')

    // A value the schema refuses (a band fee of zero... above the next band) is named by its field too.
    await page.locator('#f-couriers-list-jnt-rates-bands-1-upToGrams').fill('3000')
    await page.locator(NINJA_FIRST_FEE).fill('4.50')
    await page.getByLabel('Reason').fill('Ninja Van raised its first band')
    await page.getByRole('button', { name: 'Save changes' }).click()
    await page.assertPath('/console/markets/SG/revisions')
    await page.assertTextContains('.notice.success', 'Revision 1 is in force')
    assert.equal(await revisionOf('SG'), 1)
    assert.equal(await shippingFee(flow), 450)
    assert.deepEqual(await accessibilityProblems(page), [])
    await screenshot(page, 'revisions')

    await page.goto('/console/markets/SG/revisions/diff?from=0&to=1')
    await page.assertTextContains('table', 'couriers.list.ninja_van.rates.bands.0.fee')
    await page.assertTextContains('td.removed', '399')
    await page.assertTextContains('td.added', '450')
    assert.deepEqual(await accessibilityProblems(page), [])
    await screenshot(page, 'diff')

    await page.goto('/console/markets/SG/revisions')
    await page.locator('#reason-0').fill('Back to the file until the contract is signed')
    await page.getByRole('button', { name: 'Roll back to revision 0' }).click()
    await page.assertTextContains('.notice.success', 'Revision 2 is in force')
    assert.equal(await shippingFee(flow), 399)
    const rollback = await db.connection('control').from('market_config_revisions').where('market_code', 'SG').where('number', 2).first()
    assert.equal(rollback.kind, 'rollback')
  }).timeout(120_000)

  test('ops: a tax change waits for a second ops member, who approves it in their own session', async ({ visit, browser, assert }) => {
    const alice = await staffFactory([{ role: 'ops', markets: ['SG'] }])
    const bob = await staffFactory([{ role: 'ops', regions: ['sea-1'] }])
    const tomorrow = DateTime.now().setZone('Asia/Singapore').plus({ days: 1 }).toISODate()!
    const page = await visit('/console/sign-in')
    await signIn(page, alice.email)
    await page.goto('/console/markets/SG/config')
    await page.locator('#f-tax-categories-standard-newRate').fill('10')
    await page.locator('#f-tax-categories-standard-newRateFrom').fill(tomorrow)
    await page.getByLabel('Reason').fill('GST to 10 % from tomorrow')
    await page.getByRole('button', { name: 'Save changes' }).click()
    await page.assertTextContains('.notice.success', 'waits for a second ops member')
    // The author cannot approve their own change: no button, and a forged attempt is refused.
    await page.assertNotExists('#revision-1 button.primary')
    assert.equal(await revisionOf('SG'), 0)

    const other = await browser.newContext({ baseURL: new URL(page.url()).origin })
    const second = await other.newPage()
    await signIn(second, bob.email)
    await second.goto('/console/markets/SG/revisions')
    await second.getByLabel('Note (optional)').fill('Checked against the gazette')
    await second.getByRole('button', { name: 'Approve revision 1' }).click()
    await second.waitForURL('**/console/markets/SG/revisions')
    assert.equal(await second.locator('.notice.success').textContent().then((text) => text?.includes('approved')), true)
    assert.equal(await revisionOf('SG'), 1)
    const row = await db.connection('control').from('market_config_revisions').where('market_code', 'SG').where('number', 1).first()
    assert.deepEqual([row.status, row.author_email, row.approver_email], ['applied', alice.email, bob.email])
    assert.deepEqual(await accessibilityProblems(second), [])
    await other.close()
  }).timeout(90_000)

  test('finance: the report on screen and its CSV say what the API says; an export runs to 100 % and downloads; a month closes', async ({ client, visit, assert }) => {
    const market = (await app.container.make('markets')).context('SG')
    await clearJournal(market)
    await generateTaxMonth(market, { from: '2026-08-01', days: 31, orders: 60, seed: 11, refundEvery: 5 })
    const api = await staffWithSession(client, [{ role: 'finance', markets: ['SG'] }])
    const json = await client.get('/api/v1/finance/markets/SG/tax-report?from=2026-08-01&to=2026-08-31').header('Host', STAFF_HOST).bearerToken(api.token)
    json.assertStatus(200)
    const totals = json.body().data.totals

    const { email, staff } = await staffFactory([{ role: 'finance', markets: ['SG'] }])
    const page = await visit('/console/sign-in')
    await signIn(page, email)
    await page.goto('/console/markets/SG/tax-report?from=2026-08-01&to=2026-08-31')
    const shown = page.locator('#totals')
    assert.equal(Number(await shown.getAttribute('data-tax')), totals.tax)
    assert.equal(Number(await shown.getAttribute('data-gross')), totals.gross)
    assert.deepEqual(await accessibilityProblems(page), [])
    await screenshot(page, 'tax-report')

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-csv').click()])
    assert.equal(download.suggestedFilename(), 'sg-tax-report-2026-08-01-2026-08-31.csv')
    const total = readFileSync((await download.path())!, 'utf8').trim().split('\n').at(-1)!.split(',')
    assert.equal(total[0], 'TOTAL')
    assert.deepEqual([total[6], total[7], total[8]], [majorUnits(totals.net, 2), majorUnits(totals.tax, 2), majorUnits(totals.gross, 2)])

    // A bad range is refused beside its fields.
    await page.goto('/console/markets/SG/tax-report?from=2026-08-31&to=2026-08-01')
    await page.assertExists('#f-to-error')

    await page.goto('/console/markets/SG/tax-report?from=2026-08-01&to=2026-08-31')
    await page.locator('#export-detail').selectOption('lines')
    await page.getByRole('button', { name: 'Start export' }).click()
    await page.assertPathContains('/console/exports/SG-')
    await page.assertExists('progress#export-bar')
    assert.deepEqual(await accessibilityProblems(page), [])
    // htmx swaps the bar in place until the worker has written the file.
    await page.locator('#export-download').waitFor({ timeout: 30_000 })
    await page.assertText('#export-percent', '100 %')
    await screenshot(page, 'export-ready')
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator('#export-download').click()])
    const lines = readFileSync((await file.path())!, 'utf8').trim().split('\n')
    const [entries] = await market.table('tax_entries').whereBetween('tax_day', ['2026-08-01', '2026-08-31']).count('* as n')
    assert.equal(lines.length - 1, Number(entries.n))

    await page.goto('/console/markets/SG/periods')
    assert.deepEqual(await accessibilityProblems(page), [])
    await page.getByRole('button', { name: 'Close 2026-08' }).click()
    await page.assertTextContains('.notice.success', '2026-08 is closed')
    await page.assertTextContains('#period-2026-08', staff.publicId)
    const closed = await market.table('tax_periods').where('month', '2026-08').first()
    assert.isNotNull(closed)
    await screenshot(page, 'periods')
    const audits = await db.connection('control').from('audit_logs').whereIn('action', ['finance.tax_report_read', 'finance.export_requested', 'finance.export_downloaded', 'finance.period_closed']).where('actor_email', email)
    assert.includeMembers(audits.map((row) => row.action), ['finance.tax_report_read', 'finance.export_requested', 'finance.export_downloaded', 'finance.period_closed'])
    await clearJournal(market)
  }).timeout(120_000)

  test('support: finds an order by its number and sees its history, money, parcel and ledger; decides a disputed return', async ({ client, visit, assert }) => {
    const { api, market, sellerToken, buyerToken, order } = await deliveredOrder(client, 'SG', { gateway: 'grabpay' })
    const opened = await api('post', `/api/v1/orders/${order.number}/returns`, buyerToken, { reason: 'missing_parts', description: 'The spare buttons were not in the parcel.' })
    opened.assertStatus(201)
    const caseId = opened.body().data.id
    ;(await api('post', `/api/v1/seller/returns/${caseId}/respond`, sellerToken, { action: 'dispute', note: 'They were in the label pocket.' })).assertStatus(200)

    const { email } = await staffFactory([{ role: 'support', markets: ['SG'] }])
    const page = await visit('/console/sign-in')
    await signIn(page, email)
    await page.getByLabel('Order number').fill(order.number)
    await page.getByRole('button', { name: 'Find order' }).click()
    await page.assertPath(`/console/orders/${order.number}`)
    // The status the order is in (a case frozen its escrow), as support reads it in the shard.
    await page.assertText('#order-status', await orderStatus(market, order.number))
    const tracking = (await market.table('shipments').where('order_number', order.number).first()).tracking_number
    await page.assertText('#tracking-number', tracking)
    assert.isAbove(await page.locator('#ledger-entries tbody tr').count(), 1)
    await page.assertNotExists('#ledger-entries td:has-text("⚠")')
    assert.deepEqual(await accessibilityProblems(page), [])
    await screenshot(page, 'order')

    await page.getByRole('link', { name: caseId }).click()
    await page.assertText('#return-status', 'disputed')
    assert.deepEqual(await accessibilityProblems(page), [])
    await page.getByLabel('Refund in part').check()
    await page.getByLabel('Amount of a partial refund').fill('abc')
    await page.getByLabel('Reason').fill('x')
    await page.getByRole('button', { name: 'Decide' }).click()
    await page.assertExists('#f-amount-error')
    assert.equal((await market.table('returns').where('public_id', caseId).first()).status, 'disputed')
    assert.lengthOf(await market.table('refunds').where('order_number', order.number), 0)

    await page.getByLabel('Refund in part').check()
    await page.getByLabel('Amount of a partial refund').fill('5.00')
    await page.getByLabel('Reason').fill('Buttons missing on the photo: part refunded.')
    await page.getByRole('button', { name: 'Decide' }).click()
    await page.assertTextContains('.notice.success', 'decided')
    const row = await market.table('returns').where('public_id', caseId).first()
    assert.deepEqual([row.status, Number(row.refunded_amount)], ['refunded', 500])
    await screenshot(page, 'return-decided')
    const otherMarket = await page.goto(`/console/markets/ID/returns/${caseId}`)
    assert.equal(otherMarket!.status(), 403)
  }).timeout(150_000)

  test('admin: staff and roles, a grant refused beside its field, then granted; the audit log filtered by actor', async ({ visit, assert }) => {
    const admin = await staffFactory([{ role: 'admin', markets: ['*'] }])
    const member = await staffFactory([{ role: 'support', markets: ['SG'] }])
    const page = await visit('/console/sign-in')
    await signIn(page, admin.email)
    await page.goto('/console/admin/staff')
    assert.deepEqual(await accessibilityProblems(page), [])
    await screenshot(page, 'staff')
    const row = page.locator(`#staff-${member.staff.publicId}`)
    await row.locator('select[name="role"]').selectOption('finance')
    await row.locator('input[name="markets"]').fill('SG, not-a-market')
    await row.getByRole('button', { name: 'Grant a role' }).click()
    await page.assertExists('p.error[role="alert"]')
    assert.lengthOf(await db.connection('control').from('staff_roles').where('staff_id', member.staff.id), 1)

    await page.locator(`#staff-${member.staff.publicId} select[name="role"]`).selectOption('finance')
    await page.locator(`#staff-${member.staff.publicId} input[name="markets"]`).fill('SG, MY')
    await page.locator(`#staff-${member.staff.publicId}`).getByRole('button', { name: 'Grant a role' }).click()
    await page.assertTextContains('.notice.success', 'finance')
    const roles = await db.connection('control').from('staff_roles').where('staff_id', member.staff.id).orderBy('id')
    assert.deepEqual(roles.map((role) => role.role), ['support', 'finance'])

    await page.goto(`/console/admin/audit-log?actor=${encodeURIComponent(admin.email)}`)
    await page.assertTextContains('#audit-log', 'staff.role_granted')
    await page.assertTextContains('#audit-log', 'staff.login')
    assert.deepEqual(await accessibilityProblems(page), [])
    await screenshot(page, 'audit-log')
    const bad = await page.goto('/console/admin/audit-log?actor=not-an-email')
    assert.equal(bad!.status(), 422)
  }).timeout(90_000)
})

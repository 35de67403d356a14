import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { randomUUID } from 'node:crypto'
import { MARKET_TABLES } from '#markets/market_context'
import Category from '#catalog/models/category'
import { marketContext } from '#tests/support/identity'

const EXPECTED_SHARD = {
  SG: 'sea-1',
  MY: 'sea-1',
  ID: 'sea-2',
  PH: 'sea-2',
  TH: 'sea-3',
  VN: 'sea-3',
  TW: 'ea-1',
  BR: 'latam-1',
} as const

test.group('Market context', () => {
  test('each demo market is served by the connection of its region', async ({ assert }) => {
    const markets = await app.container.make('markets')
    for (const [code, region] of Object.entries(EXPECTED_SHARD)) {
      const context = markets.context(code)
      assert.equal(context.connectionName, region, `${code} connection`)
      assert.equal(context.db.connectionName, region, `${code} query client`)
    }
  })

  test("each market's queries reach its region's own database", async ({ assert }) => {
    const markets = await app.container.make('markets')
    for (const [code, region] of Object.entries(EXPECTED_SHARD)) {
      const context = markets.context(code)
      const [rows] = await context.db.rawQuery('SELECT DATABASE() AS name')
      assert.equal(rows[0].name, `pasar_test_${region.replace('-', '_')}`, `${code} database`)
      const identity = await context.db.from('shard_identity').select('role').first()
      assert.equal(identity.role, region, `${code} shard identity`)
    }
  })

  test('the shard connection stores and reads time in UTC', async ({ assert }) => {
    const markets = await app.container.make('markets')
    const context = markets.context('BR')
    const [rows] = await context.db.rawQuery('SELECT @@session.time_zone AS tz')
    assert.equal(rows[0].tz, '+00:00')
  })
})

test.group('Market context: the one door to a market', () => {
  test('MARKET_TABLES lists exactly the shard tables that carry market_code', async ({ assert }) => {
    const sg = await marketContext('SG')
    const [rows] = await sg.db.rawQuery(
      "SELECT TABLE_NAME AS name FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND COLUMN_NAME = 'market_code' AND TABLE_NAME NOT LIKE 'test\\_%'"
    )
    assert.sameMembers(rows.map((row: any) => row.name), [...MARKET_TABLES])
  })

  test('query, table and insert keep SG and MY apart although both live in sea-1', async ({ assert }) => {
    const sg = await marketContext('SG')
    const my = await marketContext('MY')
    const tag = `ctx-${randomUUID()}`
    await sg.insert('categories', { slug: `${tag}-sg`, names: JSON.stringify({ 'en-SG': 'SG only' }), path: '/', position: 0, created_at: new Date(), updated_at: new Date() })
    await my.insert('categories', { slug: `${tag}-my`, names: JSON.stringify({ 'en-MY': 'MY only' }), path: '/', position: 0, created_at: new Date(), updated_at: new Date() })
    const raw = await sg.db.from('categories').where('slug', 'like', `${tag}%`).orderBy('slug').select('slug', 'market_code')
    assert.deepEqual(raw.map((row) => [row.slug, row.market_code]), [[`${tag}-my`, 'MY'], [`${tag}-sg`, 'SG']])
    assert.deepEqual((await sg.table('categories').where('slug', 'like', `${tag}%`).select('slug')).map((row) => row.slug), [`${tag}-sg`])
    assert.deepEqual((await my.query(Category).where('slug', 'like', `${tag}%`)).map((row) => row.slug), [`${tag}-my`])
    assert.deepEqual((await my.table('categories as c').where('c.slug', 'like', `${tag}%`).select('c.slug')).map((row) => row.slug), [`${tag}-my`])
  })

  test('a transaction is carried by the context: callees join it, a savepoint rolls back alone, after-commit effects wait for the commit', async ({ assert }) => {
    const sg = await marketContext('SG')
    const tag = `trx-${randomUUID()}`
    const row = (slug: string) => ({ slug: `${tag}-${slug}`, names: '{}', path: '/', position: 0, created_at: new Date(), updated_at: new Date() })
    const effects: string[] = []
    const insertIn = (market: typeof sg, slug: string) => market.transaction((inner) => inner.insert('categories', row(slug)))

    await sg.transaction(async (market) => {
      assert.isTrue(market.inTransaction)
      await insertIn(market, 'outer')
      await market.savepoint(async (inner) => {
        await inner.insert('categories', row('undone'))
        throw new Error('only the savepoint fails')
      }).catch(() => {})
      await market.afterCommit(() => effects.push('committed'))
      // Not visible outside before the commit, and no effect yet.
      assert.isNull(await sg.table('categories').where('slug', `${tag}-outer`).first())
      assert.deepEqual(effects, [])
    })
    assert.deepEqual(effects, ['committed'])
    const slugs = (await sg.table('categories').where('slug', 'like', `${tag}%`).select('slug')).map((entry) => entry.slug)
    assert.deepEqual(slugs, [`${tag}-outer`])

    await sg
      .transaction(async (market) => {
        await insertIn(market, 'rolled-back')
        await market.afterCommit(() => effects.push('never'))
        throw new Error('roll back')
      })
      .catch(() => {})
    assert.deepEqual(effects, ['committed'])
    assert.isNull(await sg.table('categories').where('slug', `${tag}-rolled-back`).first())
  })

  test('keys are namespaced by market; the locale and translator travel with the context; unknown codes are E_UNKNOWN_MARKET', async ({ assert }) => {
    const markets = await app.container.make('markets')
    const sg = markets.context('SG')
    const id = markets.context('ID', 'en-ID')
    assert.notEqual(sg.key('flash', 1, 'stock'), id.key('flash', 1, 'stock'))
    assert.equal(sg.key('flash', 'x'), 'sg:flash:x')
    assert.equal(id.locale, 'en-ID')
    assert.equal(markets.context('ID').locale, 'id-ID')
    assert.strictEqual(markets.context('SG'), sg, 'one context per market and locale outside transactions')
    assert.match(markets.context('TH').t('errors:E_UNAUTHORIZED'), /[\u0E00-\u0E7F]/)
    assert.throws(() => markets.context('ZZ'), 'No storefront is configured for the host "ZZ"')
  })
})

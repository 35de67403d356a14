import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { MarketContext } from '#markets/market_context'

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
      const context = MarketContext.of(markets.find(code)!)
      assert.equal(context.connectionName, region, `${code} connection`)
      assert.equal(context.db.connectionName, region, `${code} query client`)
    }
  })

  test("each market's queries reach its region's own database", async ({ assert }) => {
    const markets = await app.container.make('markets')
    for (const [code, region] of Object.entries(EXPECTED_SHARD)) {
      const context = MarketContext.of(markets.find(code)!)
      const [rows] = await context.db.rawQuery('SELECT DATABASE() AS name')
      assert.equal(rows[0].name, `pasar_test_${region.replace('-', '_')}`, `${code} database`)
      const identity = await context.db.from('shard_identity').select('role').first()
      assert.equal(identity.role, region, `${code} shard identity`)
    }
  })

  test('the shard connection stores and reads time in UTC', async ({ assert }) => {
    const markets = await app.container.make('markets')
    const context = MarketContext.of(markets.find('BR')!)
    const [rows] = await context.db.rawQuery('SELECT @@session.time_zone AS tz')
    assert.equal(rows[0].tz, '+00:00')
  })
})

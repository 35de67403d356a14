import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import DbSeed from '#commands/db_seed'
import { marketContext } from '#tests/support/identity'

test.group('Demo seed', () => {
  test('db:seed fills a market with localized products, sellers, stock and search documents; a rerun adds nothing', async ({ assert }) => {
    const ace = await app.container.make('ace')
    const run = async () => {
      const command = await ace.create(DbSeed, ['--products=120', '--market=SG,PH'])
      await command.exec()
      assert.equal(command.exitCode ?? 0, 0)
    }
    await run()
    // SG and PH: markets whose whole catalog no other test lists.
    const th = await marketContext('SG')
    const tw = await marketContext('PH')
    const count = async (market: typeof th, table: string) => Number((await market.table(table).count('* as n').first()).n)

    const products = await count(th, 'products')
    assert.isAtLeast(products, 120)
    // The seeder indexes what it adds (other tests' SG products reach search through the worker).
    const demoActive = th.table('products').where('attributes', 'like', '%demo%').where('status', 'active')
    const indexed = await th.table('search_documents').whereIn('product_id', demoActive.clone().select('id')).count('* as n').first()
    assert.equal(Number(indexed.n), Number((await demoActive.clone().count('* as n').first()).n))
    const sample = await th.table('products').where('attributes', 'like', '%demo%').first()
    const asJson = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value)
    const titles = asJson(sample.titles)
    assert.match(titles['zh-SG'], /[\u4E00-\u9FFF]/, 'Chinese title in Han script')
    assert.match(titles['en-SG'], /^[\x20-\x7E]+$/, 'English title')
    const phSample = await tw.table('products').where('attributes', 'like', '%demo%').first()
    assert.isString(asJson(phSample.titles)['fil-PH'])

    const skus = await th.table('skus').select('price_amount', 'currency')
    assert.isTrue(skus.every((sku) => sku.currency === 'SGD' && Number.isSafeInteger(Number(sku.price_amount)) && Number(sku.price_amount) > 0))
    const phPrices = await tw.table('skus').where('seller_sku', 'like', 'DEMO-%').select('price_amount')
    assert.isTrue(phPrices.every((sku) => Number(sku.price_amount) % 100 === 0), 'PHP shelf prices in whole pesos')
    assert.isAbove(await count(th, 'stock_levels'), 0)

    await run()
    assert.equal(await count(th, 'products'), products)
  }).timeout(60_000)
})

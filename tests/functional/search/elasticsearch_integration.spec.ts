import { test } from '@japa/runner'
import { randomBytes } from 'node:crypto'
import { Client } from '@elastic/elasticsearch'
import { ElasticsearchDriver } from '#search/drivers/elasticsearch_driver'
import type { ProductDocument } from '#search/search_driver'
import { marketContext } from '#tests/support/identity'

const node = process.env.ELASTICSEARCH_NODE
const NOT_RUN = 'not run: ELASTICSEARCH_NODE is not set (no Elasticsearch server can be installed on these machines)'

function documentOf(id: number, title: Record<string, string>, price: number): ProductDocument {
  return {
    productId: id,
    publicId: `TH-${String(id).padStart(26, '0')}`,
    marketCode: 'TH',
    titles: title,
    descriptions: {},
    brand: id % 2 ? 'Siam' : 'Chiang',
    image: null,
    categoryId: 1,
    categoryPath: '/1/',
    categorySlug: 'tees',
    shopId: 1,
    minPrice: price,
    maxPrice: price,
    inStock: true,
    soldCount: id,
    publishedAt: new Date().toISOString(),
  }
}

/** Against a real cluster: the same driver, real analyzers, real alias swap. */
test.group('Elasticsearch driver (real cluster)', () => {
  test('reindex, search with Thai analysis, suggest, second reindex swaps the alias', async ({ assert, cleanup }) => {
    const client = new Client({ node: node! })
    const prefix = `pasar-test-${randomBytes(3).toString('hex')}`
    cleanup(async () => {
      await client.indices.delete({ index: `${prefix}-*` }, { ignore: [404] })
    })
    const driver = new ElasticsearchDriver(client, prefix)
    const th = await marketContext('TH', 'th-TH')
    const documents = [
      documentOf(1, { 'th-TH': 'เสื้อยืดคอกลม ผ้าฝ้าย', 'en-TH': 'Cotton crew tee' }, 19900),
      documentOf(2, { 'th-TH': 'กางเกงยีนส์ขายาว', 'en-TH': 'Long jeans' }, 59900),
    ]
    async function* source() {
      yield documents
    }
    const first = await driver.reindex(th, source())
    assert.equal(first.index, `${prefix}-th-v1`)
    const found = await driver.search(th, { query: 'เสื้อยืด', filters: {}, sort: 'relevance', offset: 0, limit: 10 })
    assert.deepEqual(found.hits.map((hit) => hit.productId), [1])
    const suggestions = await driver.suggest(th.withLocale('en-TH'), 'Cot', 5)
    assert.include(suggestions, 'Cotton crew tee')
    const second = await driver.reindex(th, source())
    assert.equal(second.index, `${prefix}-th-v2`)
    assert.deepEqual(Object.keys(await client.indices.getAlias({ name: `${prefix}-th` })), [`${prefix}-th-v2`])
  })
    .skip(!node, NOT_RUN)
    .timeout(60_000)
})

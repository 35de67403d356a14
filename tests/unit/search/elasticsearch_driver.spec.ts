import { test } from '@japa/runner'
import { Client, errors } from '@elastic/elasticsearch'
import MockModule from '@elastic/elasticsearch-mock'

// CommonJS `export =` class; its typings do not say so to an ESM importer.
const Mock = MockModule as unknown as new () => {
  add(pattern: object, resolver: (params: any) => any): void
  getConnection(): any
}
import { demoMarket } from '#tests/support/markets'
import { ElasticsearchDriver, analyzerFor } from '#search/drivers/elasticsearch_driver'
import type { ProductDocument } from '#search/search_driver'

interface Call {
  method: string
  path: string
  body: any
  querystring: any
}

/** A client whose HTTP layer is the mock; every request is recorded. */
function mockedClient() {
  const mock = new Mock()
  const calls: Call[] = []
  const client = new Client({ node: 'http://127.0.0.1:9200', Connection: mock.getConnection() })
  const record = (answer: (params: any, body: any) => unknown) => (params: any) => {
    const raw = Buffer.isBuffer(params.body) ? params.body.toString() : params.body
    const body =
      typeof raw === 'string'
        ? raw.includes('\n')
          ? raw.trim().split('\n').map((line: string) => JSON.parse(line))
          : JSON.parse(raw)
        : raw
    calls.push({ method: params.method, path: params.path, body, querystring: params.querystring })
    return answer(params, body) as any
  }
  return { mock, client, calls, record }
}

const market = (code: string) => demoMarket(code)

const documentOf = (overrides: Partial<ProductDocument> = {}): ProductDocument => ({
  productId: 7,
  publicId: 'TH-01JD3ZQ0000000000000000000',
  marketCode: 'TH',
  titles: { 'th-TH': 'เสื้อยืดคอกลม', 'en-TH': 'Crew neck tee' },
  descriptions: { 'th-TH': 'ผ้าฝ้าย' },
  brand: 'Siam Tee',
  image: 'https://img.example.com/1.jpg',
  categoryId: 3,
  categoryPath: '/1/3/',
  categorySlug: 'mens-tshirts',
  shopId: 11,
  minPrice: 19900,
  maxPrice: 24900,
  inStock: true,
  soldCount: 42,
  publishedAt: '2026-11-01T00:00:00.000Z',
  ...overrides,
})

async function* batches(...groups: ProductDocument[][]) {
  for (const group of groups) yield group
}

test.group('Elasticsearch driver (mocked cluster)', () => {
  test('analyzers follow the market language', ({ assert }) => {
    assert.deepEqual(
      ['th-TH', 'zh-TW', 'id-ID', 'ms-MY', 'pt-BR', 'vi-VN', 'en-SG', 'fil-PH'].map(analyzerFor),
      ['thai', 'cjk', 'indonesian', 'indonesian', 'brazilian', 'folded', 'english', 'folded']
    )
  })

  test('first reindex: versioned index with the market mapping, bulk load, alias added', async ({ assert }) => {
    const { mock, client, calls, record } = mockedClient()
    mock.add({ method: 'GET', path: '/_alias/pasar-products-th' }, record(() => new errors.ResponseError({ body: { error: 'alias [pasar-products-th] missing', status: 404 }, statusCode: 404 } as any) as any))
    mock.add({ method: 'PUT', path: '/pasar-products-th-v1' }, record(() => ({ acknowledged: true, index: 'pasar-products-th-v1' })))
    mock.add({ method: 'POST', path: '/_bulk' }, record((_params, body) => ({ errors: false, took: 3, items: body.filter((_: unknown, i: number) => i % 2 === 0).map(() => ({ index: { status: 201 } })) })))
    mock.add({ method: ['GET', 'POST'], path: '/pasar-products-th-v1/_refresh' }, record(() => ({ _shards: { total: 1, successful: 1, failed: 0 } })))
    mock.add({ method: 'POST', path: '/_aliases' }, record(() => ({ acknowledged: true })))

    const driver = new ElasticsearchDriver(client)
    const th = await market('TH')
    const result = await driver.reindex(th, batches([documentOf()], [documentOf({ productId: 8, publicId: 'TH-01JD3ZQ0000000000000000001' })]))
    assert.deepEqual(result, { indexed: 2, index: 'pasar-products-th-v1' })

    assert.deepEqual(calls.map((call) => `${call.method} ${call.path}`), [
      'GET /_alias/pasar-products-th',
      'PUT /pasar-products-th-v1',
      'POST /_bulk',
      'POST /_bulk',
      'GET /pasar-products-th-v1/_refresh',
      'POST /_aliases',
    ])
    const mapping = calls[1].body.mappings
    assert.deepEqual(mapping.properties.titles.properties['th-TH'], {
      type: 'text',
      analyzer: 'thai',
      fields: { raw: { type: 'keyword', ignore_above: 256 } },
    })
    assert.equal(mapping.properties.titles.properties['en-TH'].analyzer, 'english')
    assert.equal(mapping.properties.suggest.type, 'completion')
    assert.equal(mapping.dynamic, 'strict')
    assert.deepEqual(calls[2].body[0], { index: { _index: 'pasar-products-th-v1', _id: 'TH-01JD3ZQ0000000000000000000' } })
    assert.deepEqual(calls[2].body[1].suggest, { input: ['เสื้อยืดคอกลม', 'Crew neck tee'], weight: 43 })
    assert.equal(calls[2].body[1].min_price, 19900)
    assert.deepEqual(calls[5].body, { actions: [{ add: { index: 'pasar-products-th-v1', alias: 'pasar-products-th', is_write_index: true } }] })
  })

  test('next reindex builds v+1 and swaps the alias atomically, then drops the old index', async ({ assert }) => {
    const { mock, client, calls, record } = mockedClient()
    mock.add({ method: 'GET', path: '/_alias/pasar-products-sg' }, record(() => ({ 'pasar-products-sg-v4': { aliases: { 'pasar-products-sg': {} } } })))
    mock.add({ method: 'PUT', path: '/pasar-products-sg-v5' }, record(() => ({ acknowledged: true })))
    mock.add({ method: ['GET', 'POST'], path: '/pasar-products-sg-v5/_refresh' }, record(() => ({})))
    mock.add({ method: 'POST', path: '/_aliases' }, record(() => ({ acknowledged: true })))
    mock.add({ method: 'DELETE', path: '/pasar-products-sg-v4' }, record(() => ({ acknowledged: true })))

    const driver = new ElasticsearchDriver(client)
    const result = await driver.reindex(await market('SG'), batches())
    assert.equal(result.index, 'pasar-products-sg-v5')
    const swap = calls.find((call) => call.path === '/_aliases')!
    assert.deepEqual(swap.body.actions, [
      { remove: { index: 'pasar-products-sg-v4', alias: 'pasar-products-sg' } },
      { add: { index: 'pasar-products-sg-v5', alias: 'pasar-products-sg', is_write_index: true } },
    ])
    assert.equal(calls.at(-1)!.method, 'DELETE')
  })

  test('a search sends filters, sort, paging and facets, and reads a realistic answer', async ({ assert }) => {
    const { mock, client, calls, record } = mockedClient()
    mock.add({ method: 'POST', path: '/pasar-products-id/_search' }, record((_params, body) => {
      if (body.size === 0) {
        return { hits: { total: { value: 2, relation: 'eq' }, hits: [] }, aggregations: { prices: { buckets: [{ key: '0.0-5000000.0', from: 0, to: 5000000, doc_count: 0 }, { key: '5000000.0-*', from: 5000000, doc_count: 2 }] } } }
      }
      return {
        took: 4,
        hits: {
          total: { value: 2, relation: 'eq' },
          max_score: 3.1,
          hits: [
            { _index: 'pasar-products-id-v2', _id: 'ID-A', _score: 3.1, _source: { ...documentSource('ID-A', 5990000), titles: { 'id-ID': 'Kaos Polos' } } },
            { _index: 'pasar-products-id-v2', _id: 'ID-B', _score: 2.4, _source: { ...documentSource('ID-B', 8990000), titles: { 'id-ID': 'Kaos Wanita' }, in_stock: false } },
          ],
        },
        aggregations: {
          categories: { buckets: [{ key: 3, doc_count: 2 }] },
          brands: { buckets: [{ key: 'Kaosku', doc_count: 1 }, { key: 'Ayu', doc_count: 1 }] },
          price_stats: { count: 2, min: 990000, max: 8990000, avg: 4990000, sum: 9980000 },
        },
      }
    }))

    const driver = new ElasticsearchDriver(client)
    const result = await driver.search(await market('ID'), {
      query: 'kaos',
      filters: { categoryPath: '/1/', minPrice: 1000000, maxPrice: 9000000, inStock: true, shopId: 5 },
      sort: 'price_asc',
      offset: 20,
      limit: 10,
    })

    const sent = calls[0].body
    assert.deepEqual(sent.query.bool.must, [
      {
        multi_match: {
          query: 'kaos',
          fields: ['titles.id-ID^3', 'titles.en-ID^3', 'brand.text^2', 'descriptions.id-ID', 'descriptions.en-ID'],
          type: 'best_fields',
          operator: 'and',
          fuzziness: 'AUTO',
        },
      },
    ])
    assert.deepEqual(sent.query.bool.filter, [
      { prefix: { category_path: '/1/' } },
      { range: { max_price: { gte: 1000000 } } },
      { range: { min_price: { lte: 9000000 } } },
      { term: { shop_id: 5 } },
      { term: { in_stock: true } },
    ])
    assert.deepEqual(sent.sort, [{ min_price: 'asc' }, { product_id: 'desc' }])
    assert.deepEqual([sent.from, sent.size, sent.track_total_hits], [20, 10, true])
    assert.deepEqual(Object.keys(sent.aggs), ['categories', 'brands', 'price_stats'])
    assert.deepEqual(calls[1].body.aggs.prices.range.ranges, [
      { from: 0, to: 1000000 },
      { from: 1000000, to: 2000000 },
      { from: 2000000, to: 5000000 },
      { from: 5000000 },
    ])

    assert.equal(result.total, 2)
    assert.deepEqual(result.hits.map((hit) => [hit.publicId, hit.minPrice, hit.inStock, hit.score]), [
      ['ID-A', 5990000, true, 3.1],
      ['ID-B', 8990000, false, 2.4],
    ])
    assert.deepEqual(result.facets.brands, [{ brand: 'Kaosku', count: 1 }, { brand: 'Ayu', count: 1 }])
    assert.deepEqual(result.facets.categories, [{ categoryId: 3, count: 2 }])
    assert.deepEqual(result.facets.prices, [{ from: 0, to: 5000000, count: 0 }, { from: 5000000, to: null, count: 2 }])
  })

  test('suggestions use the completion suggester and read its options', async ({ assert }) => {
    const { mock, client, calls, record } = mockedClient()
    mock.add({ method: 'POST', path: '/pasar-products-vn/_search' }, record(() => ({
      suggest: { titles: [{ text: 'áo', offset: 0, length: 2, options: [{ text: 'Áo Thun Cotton', _score: 12 }, { text: 'Áo Khoác Gió', _score: 7 }] }] },
    })))
    const driver = new ElasticsearchDriver(client)
    const suggestions = await driver.suggest(await market('VN'), 'áo', 5)
    assert.deepEqual(calls[0].body.suggest, { titles: { prefix: 'áo', completion: { field: 'suggest', size: 5, skip_duplicates: true } } })
    assert.deepEqual(suggestions, ['Áo Thun Cotton', 'Áo Khoác Gió'])
  })

  test('indexing and removal are bulk requests on the alias; item errors surface', async ({ assert }) => {
    const { mock, client, calls, record } = mockedClient()
    let fail = false
    mock.add({ method: 'POST', path: '/_bulk' }, record(() =>
      fail
        ? { errors: true, items: [{ index: { status: 400, error: { type: 'mapper_parsing_exception', reason: 'failed to parse' } } }] }
        : { errors: false, items: [{ index: { status: 200 } }] }
    ))
    const driver = new ElasticsearchDriver(client)
    const th = await market('TH')
    await driver.index(th, [documentOf()])
    await driver.remove(th, [{ publicId: 'TH-01JD3ZQ0000000000000000000' }])
    assert.deepEqual(calls[0].body[0], { index: { _index: 'pasar-products-th', _id: 'TH-01JD3ZQ0000000000000000000' } })
    assert.deepEqual(calls[1].body, [{ delete: { _index: 'pasar-products-th', _id: 'TH-01JD3ZQ0000000000000000000' } }])
    fail = true
    await assert.rejects(() => driver.index(th, [documentOf()]), /mapper_parsing_exception/)
  })
})

function documentSource(publicId: string, price: number) {
  return {
    product_id: 1,
    public_id: publicId,
    titles: {},
    descriptions: {},
    brand: 'Kaosku',
    image: null,
    category_id: 3,
    category_path: '/1/3/',
    shop_id: 5,
    min_price: price,
    max_price: price,
    in_stock: true,
    sold_count: 10,
    published_at: '2026-11-01T00:00:00.000Z',
    suggest: { input: [], weight: 1 },
  }
}

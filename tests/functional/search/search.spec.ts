import { test } from '@japa/runner'
import { hostOf } from '#tests/support/identity'
import { categoryTree, productFactory } from '#tests/support/catalog'
import { accountFactory } from '#tests/support/identity'
import { deliverEvents } from '#tests/support/events'

/** Search through the API with the embedded MySQL driver, in several scripts. */
test.group('Search (MySQL FULLTEXT driver)', (group) => {
  let id: Awaited<ReturnType<typeof categoryTree>>
  let th: Awaited<ReturnType<typeof categoryTree>>
  const made: Record<string, string> = {}
  // One seller for every ID product here: ID queries are limited to it, so
  // other tests' ID products (indexed when the worker delivers their events) stay out.
  let idSeller: Awaited<ReturnType<typeof accountFactory>>
  let own = ''

  group.setup(async () => {
    id = await categoryTree('ID')
    th = await categoryTree('TH')
    const tw = await categoryTree('TW')
    const vn = await categoryTree('VN')
    idSeller = await accountFactory('ID', 'seller')
    own = `seller=${idSeller.shop!.slug}`
    const put = async (key: string, code: string, category: string, titles: Record<string, string>, prices: number[], brand = 'Acme', stock = 10) => {
      const { product } = await productFactory(code, { category, prices, titles, brand, stock, seller: code === 'ID' ? idSeller : undefined })
      made[key] = product.publicId
    }
    await put('kaos', 'ID', id.tshirts.slug, { 'id-ID': 'Kaos Polos Cotton Combed 30s', 'en-ID': 'Plain Cotton T-Shirt' }, [5_990_000], 'Kaosku')
    await put('kaos2', 'ID', id.women.slug, { 'id-ID': 'Kaos Wanita Oversize Cotton', 'en-ID': 'Women Oversize Tee' }, [8_990_000], 'Ayu', 0)
    await put('hp', 'ID', id.electronics.slug, { 'id-ID': 'Headphone Bluetooth Bass', 'en-ID': 'Bluetooth Headphones' }, [29_990_000], 'Dengar')
    await put('thai', 'TH', th.tshirts.slug, { 'th-TH': 'เสื้อยืดคอกลม ผ้าฝ้าย 100%', 'en-TH': 'Crew neck cotton tee' }, [19_900])
    await put('thai2', 'TH', th.women.slug, { 'th-TH': 'กางเกงยีนส์ขายาว', 'en-TH': 'Long jeans' }, [59_900])
    await put('tw', 'TW', tw.tshirts.slug, { 'zh-TW': '純棉圓領素T 男女款', 'en-TW': 'Cotton crew tee' }, [29_900])
    await put('vn', 'VN', vn.tshirts.slug, { 'vi-VN': 'Áo Thun Cotton Nam Nữ Form Rộng', 'en-VN': 'Loose cotton tee' }, [159_000])
    // The search index follows the catalog on the worker.
    await deliverEvents()
  })

  const search = (client: any, code: string, query: string) =>
    client.get(`/api/v1/search?${query}`).header('Host', hostOf(code))

  test('Latin words match by prefix, in every market locale', async ({ client, assert }) => {
    const prefix = await search(client, 'ID', `q=kao&${own}`)
    assert.sameMembers(prefix.body().data.map((hit: any) => hit.id), [made.kaos, made.kaos2])
    const english = await search(client, 'ID', `q=cotton%20shirt&${own}`)
    assert.deepEqual(english.body().data.map((hit: any) => hit.id), [made.kaos])
    assert.equal(prefix.body().meta.total, 2)
  })

  test('Thai matches any substring of two or more characters', async ({ client, assert }) => {
    const collar = await search(client, 'TH', `q=${encodeURIComponent('คอกลม')}`)
    assert.deepEqual(collar.body().data.map((hit: any) => hit.id), [made.thai])
    const jeans = await search(client, 'TH', `q=${encodeURIComponent('ยีนส์')}`)
    assert.deepEqual(jeans.body().data.map((hit: any) => hit.id), [made.thai2])
    const none = await search(client, 'TH', `q=${encodeURIComponent('รองเท้า')}`)
    assert.equal(none.body().meta.total, 0)
  })

  test('Traditional Chinese matches without spaces; Vietnamese keeps its diacritics', async ({ client, assert }) => {
    const cotton = await search(client, 'TW', `q=${encodeURIComponent('純棉')}`)
    assert.deepEqual(cotton.body().data.map((hit: any) => hit.id), [made.tw])
    const unisex = await search(client, 'TW', `q=${encodeURIComponent('男女')}`)
    assert.deepEqual(unisex.body().data.map((hit: any) => hit.id), [made.tw])
    const shirt = await search(client, 'VN', `q=${encodeURIComponent('áo thun')}`)
    assert.deepEqual(shirt.body().data.map((hit: any) => hit.id), [made.vn])
  })

  test('facets: categories, brands and price buckets of the matched set', async ({ client, assert }) => {
    const response = await search(client, 'ID', `q=kaos&${own}`)
    const facets = response.body().meta.facets
    assert.sameDeepMembers(facets.brands, [
      { brand: 'Kaosku', count: 1 },
      { brand: 'Ayu', count: 1 },
    ])
    assert.sameMembers(facets.categories.map((c: any) => c.slug), [id.tshirts.slug, id.women.slug])
    const total = facets.prices.reduce((sum: number, bucket: any) => sum + bucket.count, 0)
    assert.equal(total, 2)
    assert.match(facets.prices[0].from.formatted, /^Rp/)
  })

  test('filters: category with descendants, in-stock, price; sorts', async ({ client, assert }) => {
    const fashion = await search(client, 'ID', `q=kaos&category=${id.fashion.slug}`)
    assert.equal(fashion.body().meta.total, 2)
    const inStock = await search(client, 'ID', `q=kaos&inStock=true&${own}`)
    assert.deepEqual(inStock.body().data.map((hit: any) => hit.id), [made.kaos])
    const cheap = await search(client, 'ID', `q=kaos&maxPrice=6000000&${own}`)
    assert.deepEqual(cheap.body().data.map((hit: any) => hit.id), [made.kaos])
    const byPrice = await search(client, 'ID', `sort=price_desc&limit=2&${own}`)
    assert.equal(byPrice.body().data[0].id, made.hp)
    assert.isString(byPrice.body().meta.nextCursor)
    const next = await search(client, 'ID', `sort=price_desc&limit=2&${own}&cursor=${byPrice.body().meta.nextCursor}`)
    assert.notInclude(next.body().data.map((hit: any) => hit.id), made.hp)
  })

  test('suggestions complete a prefix with titles in the storefront language', async ({ client, assert }) => {
    const latin = await client.get('/api/v1/search/suggest?q=headph').header('Host', hostOf('ID'))
    assert.deepEqual(latin.body().data, ['Headphone Bluetooth Bass'])
    const english = await client.get('/api/v1/search/suggest?q=headph').header('Host', hostOf('ID')).header('Accept-Language', 'en')
    assert.deepEqual(english.body().data, ['Bluetooth Headphones'])
    const thai = await client.get(`/api/v1/search/suggest?q=${encodeURIComponent('เสื้อ')}`).header('Host', hostOf('TH'))
    assert.deepEqual(thai.body().data, ['เสื้อยืดคอกลม ผ้าฝ้าย 100%'])
  })

  test('a product change reaches search through the worker: listed, then taken off sale', async ({ client, assert }) => {
    const { product, seller } = await productFactory('ID', { category: id.tshirts.slug, prices: [1_000_000], titles: { 'id-ID': 'Topi Rajut Unik', 'en-ID': 'Knitted hat' } })
    // Committed, not yet indexed: the index is the worker's to update.
    assert.equal((await search(client, 'ID', 'q=rajut')).body().meta.total, 0)
    await deliverEvents()
    assert.equal((await search(client, 'ID', 'q=rajut')).body().meta.total, 1)
    await client.delete(`/api/v1/seller/products/${product.publicId}`).header('Host', hostOf('ID')).bearerToken(seller.token)
    await deliverEvents()
    assert.equal((await search(client, 'ID', 'q=rajut')).body().meta.total, 0)
  })

  test('bad search input is 422 naming each field', async ({ client, assert }) => {
    const response = await search(client, 'ID', `q=${'x'.repeat(300)}&limit=0&sort=random&inStock=maybe&cursor=%7B%7D`)
    response.assertStatus(422)
    assert.sameMembers(response.body().error.fields.map((f: any) => f.field), ['q', 'limit', 'sort', 'inStock', 'cursor'])
    const suggest = await client.get('/api/v1/search/suggest').header('Host', hostOf('ID'))
    assert.deepEqual(suggest.body().error.fields.map((f: any) => f.field), ['q'])
    const forged = await search(client, 'ID', `q=kaos&cursor=${Buffer.from(JSON.stringify({ o: 99999 })).toString('base64url')}`)
    assert.deepEqual(forged.body().error.fields.map((f: any) => f.field), ['cursor'])
  })
})

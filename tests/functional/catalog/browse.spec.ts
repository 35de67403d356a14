import { test } from '@japa/runner'
import Sku from '#catalog/models/sku'
import { InventoryService } from '#inventory/services/inventory_service'
import { accountFactory, hostOf } from '#tests/support/identity'
import { categoryTree, productFactory } from '#tests/support/catalog'

test.group('Storefront browse', (group) => {
  let tree: Awaited<ReturnType<typeof categoryTree>>
  const ids: Record<string, string> = {}
  let sellerShop = ''

  group.setup(async () => {
    tree = await categoryTree('BR')
    const seller = await accountFactory('BR', 'seller')
    sellerShop = seller.shop!.slug
    const make = async (key: string, category: string, prices: number[], stock = 10, own = false) => {
      const { product } = await productFactory('BR', { category, prices, stock, title: `Produto ${key}`, seller: own ? seller : undefined })
      ids[key] = product.publicId
    }
    await make('tee', tree.tshirts.slug, [1990, 2490], 10, true)
    await make('polo', tree.polos.slug, [4990])
    await make('dress', tree.women.slug, [8990], 0)
    await make('phone', tree.electronics.slug, [149900])
    await make('cheap', tree.tshirts.slug, [990], 5, true)
  })

  const list = (client: any, query: string) => client.get(`/api/v1/products?${query}`).header('Host', hostOf('BR'))

  test('a category lists its products and its descendants', async ({ client, assert }) => {
    const fashion = await list(client, `category=${tree.fashion.slug}`)
    fashion.assertStatus(200)
    assert.sameMembers(fashion.body().data.map((p: any) => p.id), [ids.tee, ids.polo, ids.dress, ids.cheap])
    const men = await list(client, `category=${tree.men.slug}`)
    assert.sameMembers(men.body().data.map((p: any) => p.id), [ids.tee, ids.polo, ids.cheap])
  })

  test('price range, seller and in-stock filters', async ({ client, assert }) => {
    const range = await list(client, `category=${tree.fashion.slug}&minPrice=2000&maxPrice=9000`)
    assert.sameMembers(range.body().data.map((p: any) => p.id), [ids.tee, ids.polo, ids.dress])
    const seller = await list(client, `seller=${sellerShop}`)
    assert.sameMembers(seller.body().data.map((p: any) => p.id), [ids.tee, ids.cheap])
    const inStock = await list(client, `category=${tree.fashion.slug}&inStock=true`)
    assert.notInclude(inStock.body().data.map((p: any) => p.id), ids.dress)
  })

  test('sorts by price both ways, and pages with a cursor without gaps or repeats', async ({ client, assert }) => {
    const ascending = await list(client, `category=${tree.fashion.slug}&sort=price_asc`)
    const prices = ascending.body().data.map((p: any) => p.price.min.amount)
    assert.deepEqual(prices, [...prices].sort((a: number, b: number) => a - b))
    const descending = await list(client, `category=${tree.fashion.slug}&sort=price_desc`)
    assert.deepEqual(descending.body().data.map((p: any) => p.id), [...ascending.body().data.map((p: any) => p.id)].reverse())

    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: any = await list(client, `category=${tree.fashion.slug}&sort=price_asc&limit=1${cursor ? `&cursor=${cursor}` : ''}`)
      page.assertStatus(200)
      seen.push(...page.body().data.map((p: any) => p.id))
      cursor = page.body().meta.nextCursor
    } while (cursor)
    assert.deepEqual(seen, ascending.body().data.map((p: any) => p.id))
  })

  test('product detail: SKUs, stock status and prices formatted for the market', async ({ client, assert }) => {
    const response = await client.get(`/api/v1/products/${ids.tee}`).header('Host', hostOf('BR'))
    response.assertStatus(200)
    const product = response.body().data
    assert.equal(product.title, 'Produto tee')
    assert.deepEqual(product.skus.map((sku: any) => sku.price), [
      { amount: 1990, currency: 'BRL', formatted: 'R$\u00a019,90' },
      { amount: 2490, currency: 'BRL', formatted: 'R$\u00a024,90' },
    ])
    assert.deepEqual(product.skus.map((sku: any) => sku.stock.status), ['in_stock', 'in_stock'])
    assert.deepEqual(product.category.path, [tree.fashion.slug, tree.men.slug, tree.tshirts.slug])
  })

  test('categories come as a tree with names in the storefront locale', async ({ client, assert }) => {
    const response = await client.get('/api/v1/categories').header('Host', hostOf('BR'))
    const fashion = response.body().data.find((node: any) => node.slug === tree.fashion.slug)
    assert.equal(fashion.name, 'Fashion (pt-BR)')
    assert.deepEqual(fashion.children.map((child: any) => child.slug), [tree.men.slug, tree.women.slug])
  })

  test('selling the last unit takes a product out of the in-stock listing at once', async ({ client, assert }) => {
    const { product, market } = await productFactory('BR', { category: tree.electronics.slug, prices: [5000], stock: 1, title: 'Last one' })
    const before = await list(client, `category=${tree.electronics.slug}&inStock=true`)
    assert.include(before.body().data.map((p: any) => p.id), product.publicId)
    const sku = await Sku.query({ client: market.db }).where('product_id', product.id).firstOrFail()
    await new InventoryService().reserveStock(market, sku, 1)
    const after = await list(client, `category=${tree.electronics.slug}&inStock=true`)
    assert.notInclude(after.body().data.map((p: any) => p.id), product.publicId)
    const detail = await client.get(`/api/v1/products/${product.publicId}`).header('Host', hostOf('BR'))
    assert.equal(detail.body().data.skus[0].stock.status, 'out_of_stock')
  })

  test('bad filters are 422 naming each field', async ({ client, assert }) => {
    const response = await list(client, 'minPrice=-5&maxPrice=abc&sort=cheapest&limit=500&cursor=!!&category=NOT%20A%20SLUG')
    response.assertStatus(422)
    assert.sameMembers(response.body().error.fields.map((f: any) => f.field), ['minPrice', 'maxPrice', 'sort', 'limit', 'cursor', 'category'])
    const unknown = await list(client, 'category=no-such-thing')
    assert.deepEqual(unknown.body().error.fields.map((f: any) => [f.field, f.rule]), [['category', 'exists']])
    const forged = await list(client, 'cursor=bm90LWpzb24')
    assert.deepEqual(forged.body().error.fields.map((f: any) => f.field), ['cursor'])
    ;(await client.get('/api/v1/products/not-an-id').header('Host', hostOf('BR'))).assertStatus(422)
    ;(await client.get('/api/v1/products/BR-01ARZ3NDEKTSV4RRFFQ69G5FAV').header('Host', hostOf('BR'))).assertStatus(404)
  })
})

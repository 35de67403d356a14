import { randomBytes, randomUUID } from 'node:crypto'
import { PASSWORD, SHOP, hostOf, marketContext, uniqueEmail, uniqueIp, verifiedAccount } from '#tests/support/identity'
import { categoryTree, titlesFor } from '#tests/support/catalog'
import type { MarketContext } from '#markets/market_context'


/** Storefront flows through the HTTP API, as apps call it (tests that go end to end). */
export type Api = ReturnType<typeof apiFor>

export function apiFor(client: any, code: string) {
  return (method: 'get' | 'post' | 'put', path: string, token?: string | null, body?: Record<string, unknown>, headers: Record<string, string> = {}) => {
    let call = client[method](path).header('Host', hostOf(code)).header('X-Forwarded-For', uniqueIp())
    for (const [name, value] of Object.entries(headers)) call = call.header(name, value)
    if (token) call = call.bearerToken(token)
    if (body) call = call.json(body)
    return call
  }
}

/** A seller who registered and listed one active product, and a buyer, all through the API. */
export async function sellerWithProduct(client: any, code: string, price: number, stock = 20) {
  const api = apiFor(client, code)
  const market = await marketContext(code)
  const { tshirts } = await categoryTree(code)
  const seller = await api('post', '/api/v1/auth/register', null, {
    role: 'seller',
    email: uniqueEmail('seller'),
    password: PASSWORD,
    fullName: `Seller of ${code}`,
    shop: { ...SHOP, name: `Shop ${randomBytes(4).toString('hex')}` },
  })
  seller.assertStatus(201)
  await verifiedAccount(market, seller.body().data.account.id)
  const sellerToken = seller.body().data.token.value as string
  const listed = await api('post', '/api/v1/seller/products', sellerToken, {
    category: tshirts.slug,
    titles: titlesFor(market, 'Batik shirt'),
    status: 'active',
    skus: [{ sellerSku: 'BATIK-M', price: { amount: price, currency: market.currency }, weightGrams: 300, stock }],
  })
  listed.assertStatus(201)
  const sku = listed.body().data.skus[0].id as string
  const buyer = await api('post', '/api/v1/auth/register', null, { role: 'buyer', email: uniqueEmail('buyer'), password: PASSWORD, fullName: `Buyer of ${code}` })
  buyer.assertStatus(201)
  await verifiedAccount(market, buyer.body().data.account.id)
  return { api, market, sellerToken, buyerToken: buyer.body().data.token.value as string, sku, shop: seller.body().data.account.shop.id as string }
}

export async function orderStatus(market: MarketContext, number: string) {
  return (await market.table('orders').where('number', number).first()).status as string
}

/** Places an order of `quantity` units through the cart and the quote, as a storefront does. */
export async function placeOrder(api: Api, buyerToken: string, sku: string, quantity: number, gateway?: string) {
  ;(await api('post', '/api/v1/cart/lines', buyerToken, { sku, quantity })).assertStatus(201)
  ;(await api('post', '/api/v1/checkout/quote', buyerToken, gateway ? { paymentGateway: gateway } : {})).assertStatus(200)
  const placed = await api('post', '/api/v1/orders', buyerToken, gateway ? { paymentGateway: gateway } : {}, { 'Idempotency-Key': randomUUID() })
  placed.assertStatus(201)
  return { checkoutId: placed.body().data.checkoutId as string, order: placed.body().data.orders[0] }
}


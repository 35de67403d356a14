import { test } from '@japa/runner'
import { toSnapshot } from 'dinero.js'
import { courierOf, quoteParcel } from '#logistics/services/shipping_rates'
import { demoMarket } from '#tests/support/markets'

const amount = (value: any): number => Number(toSnapshot(value).amount)
const market = (code: string) => demoMarket(code)

test.group('Shipping rate tables', () => {
  test('a parcel costs the first weight band that holds it', async ({ assert }) => {
    const id = await market('ID')
    const courier = courierOf(id, id.config.couriers.defaultCourier)
    const [first, second] = courier.rates.bands
    assert.equal(amount(quoteParcel(id, courier, { weightGrams: first.upToGrams, goodsValue: 100, cashOnDelivery: false }).fee), first.fee)
    assert.equal(amount(quoteParcel(id, courier, { weightGrams: first.upToGrams + 1, goodsValue: 100, cashOnDelivery: false }).fee), second.fee)
  })

  test('above the last band, each started kilogram adds the step', async ({ assert }) => {
    const id = await market('ID')
    const courier = courierOf(id, undefined)
    const last = courier.rates.bands.at(-1)!
    const quote = quoteParcel(id, courier, { weightGrams: last.upToGrams + 1001, goodsValue: 100, cashOnDelivery: false })
    assert.equal(amount(quote.fee), last.fee + 2 * courier.rates.perKgStep)
  })

  test('free shipping from the threshold, on the goods value', async ({ assert }) => {
    const sg = await market('SG')
    const courier = courierOf(sg, undefined)
    const threshold = courier.rates.freeShippingThreshold!
    assert.isFalse(quoteParcel(sg, courier, { weightGrams: 500, goodsValue: threshold - 1, cashOnDelivery: false }).freeShipping)
    const free = quoteParcel(sg, courier, { weightGrams: 500, goodsValue: threshold, cashOnDelivery: false })
    assert.isTrue(free.freeShipping)
    assert.equal(amount(free.fee), 0)
  })

  test('cash on delivery adds a percentage of goods + shipping, never below the minimum', async ({ assert }) => {
    const th = await market('TH')
    const courier = th.config.couriers.list.find((candidate) => candidate.supportsCod && candidate.rates.codSurcharge)!
    const { percent, minFee } = courier.rates.codSurcharge!
    const small = quoteParcel(th, courier, { weightGrams: 200, goodsValue: 100, cashOnDelivery: true })
    assert.equal(amount(small.codSurcharge), minFee)
    const big = quoteParcel(th, courier, { weightGrams: 200, goodsValue: 10_000_000, cashOnDelivery: true })
    const shipping = big.freeShipping ? 0 : amount(big.baseFee)
    assert.equal(amount(big.codSurcharge), Math.max(minFee, Math.round(((10_000_000 + shipping) * percent) / 100)))
  })

  test('too heavy a parcel, or COD with a courier that does not collect, is refused with the field named', async ({ assert }) => {
    const sg = await market('SG')
    const courier = courierOf(sg, undefined)
    assert.throws(() => quoteParcel(sg, courier, { weightGrams: courier.rates.maxWeightGrams + 1, goodsValue: 1, cashOnDelivery: false }))
    assert.throws(() => quoteParcel(sg, courier, { weightGrams: 100, goodsValue: 1, cashOnDelivery: true }))
    assert.throws(() => courierOf(sg, 'pigeon'))
  })
})

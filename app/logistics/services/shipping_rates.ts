import { add } from 'dinero.js'
import type { MarketContext } from '#markets/market_context'
import type { Courier } from '#markets/define_market'
import { money, percentOf, toMinorUnits, type Money } from '#money/money'
import { fieldError } from '#exceptions/field_error'

export interface ParcelQuote {
  courier: { id: string; name: string }
  weightGrams: number
  /** Rate-table price before any waiver. */
  baseFee: Money
  freeShipping: boolean
  codSurcharge: Money
  fee: Money
}

export function courierOf(market: MarketContext, courierId: string | undefined, field = 'courier'): Courier {
  const id = courierId ?? market.config.couriers.defaultCourier
  const courier = market.config.couriers.list.find((candidate) => candidate.id === id)
  if (!courier) throw fieldError(field, 'exists', `${field} "${id}" is not a courier of ${market.code}`)
  return courier
}

/**
 * The price of one seller's parcel from the courier's rate table: the first
 * weight band that holds it, plus a per-kilogram step above the last band;
 * free above the market's threshold (on the parcel's goods value); a COD
 * surcharge (percent of goods + shipping, with a minimum) when paid in cash.
 */
export function quoteParcel(
  market: MarketContext,
  courier: Courier,
  parcel: { weightGrams: number; goodsValue: number; cashOnDelivery: boolean },
  field = 'courier'
): ParcelQuote {
  const currency = market.currency
  const rates = courier.rates
  if (parcel.weightGrams > rates.maxWeightGrams) {
    throw fieldError(field, 'maxWeight', `${field}: ${courier.name} takes parcels up to ${rates.maxWeightGrams} g`)
  }
  if (parcel.cashOnDelivery && !courier.supportsCod) {
    throw fieldError(field, 'cod', `${field}: ${courier.name} does not collect cash on delivery`)
  }
  const band = rates.bands.find((candidate) => parcel.weightGrams <= candidate.upToGrams)
  let base: number
  if (band) {
    base = band.fee
  } else {
    const last = rates.bands[rates.bands.length - 1]
    const extraKilos = Math.ceil((parcel.weightGrams - last.upToGrams) / 1000)
    base = last.fee + extraKilos * rates.perKgStep
  }
  const baseFee = money(base, currency)
  const freeShipping = rates.freeShippingThreshold !== null && parcel.goodsValue >= rates.freeShippingThreshold
  const shipping = freeShipping ? money(0, currency) : baseFee

  let surcharge = money(0, currency)
  if (parcel.cashOnDelivery && rates.codSurcharge) {
    const percentFee = percentOf(parcel.goodsValue + toMinorUnits(shipping), rates.codSurcharge.percent, 'half-up')
    surcharge = money(Math.max(percentFee, rates.codSurcharge.minFee), currency)
  }
  return {
    courier: { id: courier.id, name: courier.name },
    weightGrams: parcel.weightGrams,
    baseFee,
    freeShipping,
    codSurcharge: surcharge,
    fee: add(shipping, surcharge),
  }
}

/**
 * The shape of a market file (`config/markets/<code>.ts`). Amounts are
 * integer minor units of the market's currency (ISO 4217 exponent, as
 * dinero.js uses: Rp10.000 is 1_000_000 because IDR has exponent 2, while
 * ₫25.000 is 25_000 because VND has exponent 0). Percentages are plain
 * numbers (9 means 9 %). Dates are ISO `YYYY-MM-DD` in the market's timezone.
 *
 * `defineMarket` only gives the file its type; the registry validates every
 * file with one Vine schema at boot (see market_schema.ts).
 */

export type TaxRounding = 'half-up' | 'half-even'
export type TaxRoundingLevel = 'line' | 'invoice'

export interface TaxRate {
  /** Percentage, 0-100. */
  rate: number
  /** First local day the rate applies. */
  effectiveFrom: string
  /**
   * Share of the price that is taxed, when the law taxes a reduced base
   * (Indonesia: 12 % on 11/12 of the price). Omitted means the whole price.
   */
  taxableBase?: { numerator: number; denominator: number }
}

export interface TaxCategory {
  description: string
  rates: TaxRate[]
}

export interface MarketTax {
  /** What receipts call the tax: GST, VAT, PPN, SST, ICMS... */
  label: string
  /** The platform's tax registration id in this market. */
  registrationId: string
  pricesIncludeTax: boolean
  rounding: TaxRounding
  roundingLevel: TaxRoundingLevel
  defaultCategory: string
  categories: Record<string, TaxCategory>
  /** Why the model is what it is, where the law is richer than the config. */
  note?: string
  /**
   * A tax the marketplace withholds from sellers' turnover and pays over
   * (Indonesia, PMK 37/2025: 0.5 % from 2025-07-14). Reported per seller
   * and month; absent: the market has none.
   */
  withholding?: { label: string; rate: number; effectiveFrom: string }
  /** The tax category of the platform's own income (commission, fees), for its output tax; absent: not reported. */
  platformServicesCategory?: string
}

export type PaymentProvider = 'sandbox' | 'cod' | 'stripe' | 'xendit'
export type PaymentMethod =
  | 'card'
  | 'ewallet'
  | 'qr'
  | 'bank_transfer'
  | 'virtual_account'
  | 'online_banking'
  | 'convenience_store'
  | 'boleto'
  | 'pix'
  | 'cod'

export interface PaymentGateway {
  id: string
  name: string
  provider: PaymentProvider
  method: PaymentMethod
  /** Offered to new checkouts (default true). Ops switch a gateway off at run time; payments already started on it go on. */
  enabled?: boolean
  settings?: {
    /** Env variable holding the webhook signing secret (never the secret itself). */
    webhookSecretEnv?: string
    /** Env variable holding the provider's API key. */
    apiKeyEnv?: string
    /** Env variable holding the token a provider sends with its callbacks (Xendit's x-callback-token). */
    callbackTokenEnv?: string
    /** The provider's channel (Xendit: BCA, QRIS, OVO, GCASH, PAYMAYA...). */
    channelCode?: string
    /** COD and some wallets cap the order value, in minor units. */
    maxAmount?: number
    /** Card instalments (parcelamento). */
    maxInstallments?: number
  }
}

export interface MarketPayments {
  defaultGateway: string
  /** Unpaid orders are cancelled (stock released) after this many minutes. */
  paymentWindowMinutes: number
  gateways: PaymentGateway[]
}

export interface WeightBand {
  /** Parcels up to this weight (inclusive) cost `fee`. */
  upToGrams: number
  fee: number
}

export interface CourierRateTable {
  bands: WeightBand[]
  /** Above the last band: this fee for every started kilogram. */
  perKgStep: number
  maxWeightGrams: number
  codSurcharge: { percent: number; minFee: number } | null
  /** Parcel subtotal (minor units) from which shipping is free; null: never. */
  freeShippingThreshold: number | null
}

export interface Courier {
  id: string
  name: string
  provider: 'rate_table' | 'sandbox'
  service: 'standard' | 'express' | 'economy' | 'pickup_point'
  supportsCod: boolean
  /** Offered to new checkouts (default true). Orders already placed with it still ship with it. */
  enabled?: boolean
  rates: CourierRateTable
}

export interface MarketCouriers {
  defaultCourier: string
  /** Days a seller has to hand a paid order to the courier (default 3); later ones are cancelled and refunded. */
  shipWithinDays?: number
  list: Courier[]
}

export interface MarketDefinition {
  /** ISO 3166-1 alpha-2. */
  code: string
  name: string
  /** Names a region of config/regions.ts: the shard that holds the market's data. */
  region: string
  /** Hosts the storefront answers on; unique across all markets. */
  domains: string[]
  /** IANA timezone: the market's local day for reports and windows. */
  timezone: string
  /** BCP 47 locales, the first is the default. */
  locales: string[]
  /** ISO 4217. */
  currency: string
  /**
   * Decimals a price may carry. IDR, TWD and VND are priced in whole units
   * even where ISO 4217 gives them an exponent of 2.
   */
  priceDecimals: number
  tax: MarketTax
  payments: MarketPayments
  couriers: MarketCouriers
  escrow: {
    /** Days after delivery before the money goes to the seller unasked. */
    autoReleaseDays: number
    /** Platform commission, percentage of the order's goods value. */
    commissionRate: number
    /** Payment fee, percentage of the order's total (default 0). */
    paymentFeeRate?: number
    /** A fixed fee per order, minor units (default 0). */
    fixedFeePerOrder?: number
    /** Days a buyer can extend the guarantee by, once (default 3). */
    guaranteeExtensionDays?: number
    /** Smallest payout a seller can request, minor units (default 0). */
    payoutMinimum?: number
  }
  returns: MarketReturns
  /** Rules for the flash sales ops schedule (defaults: 100 per buyer, 72 hours). */
  flashSales?: {
    maxPerBuyerLimit: number
    maxDurationHours: number
  }
  /** Switches of whole features in this market (each defaults to on). */
  features?: {
    /** Flash sales: none scheduled and none priced while off. */
    flashSales?: boolean
    /** Voucher codes: refused at quote and checkout while off. */
    vouchers?: boolean
  }
  limits: {
    maxCartLines: number
    /** Minor units. */
    maxOrderValue: number
    checkoutPerMinute: number
    /** Per account (all its tokens together), per minute. */
    apiRequestsPerMinute: number
    /** Reads without a token (catalog, search), per client IP and web process, per minute. */
    anonymousRequestsPerMinute: number
  }
}

/** Why a buyer may ask for a return, and whether the goods then go back to the seller. */
export interface ReturnReason {
  /** Stable id; its label is `return_reasons:<id>` in every locale of the market. */
  id: string
  goodsBack: boolean
}

export interface MarketReturns {
  /** Days after delivery a buyer can ask for a return (also once the order is completed). */
  windowDays: number
  /** Days the seller has to accept or dispute; silence counts as accepted. */
  sellerResponseDays: number
  reasons: ReturnReason[]
}

export function defineMarket(definition: MarketDefinition): MarketDefinition {
  return definition
}

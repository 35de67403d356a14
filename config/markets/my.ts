import { defineMarket } from '#markets/define_market'

export default defineMarket({
  code: 'MY',
  name: 'Malaysia',
  region: 'sea-1',
  domains: ['pasar.com.my', 'my.pasar.localhost'],
  timezone: 'Asia/Kuala_Lumpur',
  locales: ['ms-MY', 'en-MY', 'zh-MY'],
  currency: 'MYR',
  priceDecimals: 2,
  tax: {
    label: 'SST',
    registrationId: 'W10-1808-32000123',
    pricesIncludeTax: true,
    rounding: 'half-up',
    roundingLevel: 'line',
    defaultCategory: 'standard',
    categories: {
      standard: {
        description: 'Sales tax, standard rate',
        rates: [{ rate: 10, effectiveFrom: '2018-09-01' }],
      },
      reduced: {
        description: 'Sales tax, reduced rate (selected goods)',
        rates: [{ rate: 5, effectiveFrom: '2018-09-01' }],
      },
      service: {
        description: 'Service tax on taxable services',
        rates: [
          { rate: 6, effectiveFrom: '2018-09-01' },
          { rate: 8, effectiveFrom: '2024-03-01' },
        ],
      },
      logistics: {
        description: 'Service tax on logistics services',
        rates: [{ rate: 6, effectiveFrom: '2024-03-01' }],
      },
      zero: {
        description: 'Zero-rated (exports)',
        rates: [{ rate: 0, effectiveFrom: '2018-09-01' }],
      },
      exempt: {
        description: 'Exempt from sales tax (essential goods)',
        rates: [{ rate: 0, effectiveFrom: '2018-09-01' }],
      },
    },
    note: 'SST is two separate single-stage taxes: sales tax on goods (10 %, 5 %) and service tax on services (8 %, 6 % for logistics and F&B). One label covers both here.',
  },
  payments: {
    defaultGateway: 'fpx',
    paymentWindowMinutes: 60,
    gateways: [
      {
        id: 'fpx',
        name: 'FPX online banking',
        provider: 'sandbox',
        method: 'online_banking',
        settings: { webhookSecretEnv: 'PAYMENT_SANDBOX_WEBHOOK_SECRET' },
      },
      {
        id: 'tng_ewallet',
        name: "Touch 'n Go eWallet",
        provider: 'sandbox',
        method: 'ewallet',
        settings: { webhookSecretEnv: 'PAYMENT_SANDBOX_WEBHOOK_SECRET' },
      },
      {
        id: 'card',
        name: 'Credit / debit card',
        provider: 'stripe',
        method: 'card',
        settings: { apiKeyEnv: 'STRIPE_SECRET_KEY', webhookSecretEnv: 'STRIPE_WEBHOOK_SECRET' },
      },
      {
        id: 'cod',
        name: 'Cash on delivery',
        provider: 'cod',
        method: 'cod',
        settings: { maxAmount: 100_000 },
      },
    ],
  },
  couriers: {
    defaultCourier: 'jnt',
    list: [
      {
        id: 'pos_laju',
        name: 'Pos Laju',
        provider: 'rate_table',
        service: 'standard',
        supportsCod: true,
        rates: {
          bands: [
            { upToGrams: 500, fee: 600 },
            { upToGrams: 1_000, fee: 800 },
            { upToGrams: 2_000, fee: 1_000 },
            { upToGrams: 5_000, fee: 1_600 },
          ],
          perKgStep: 250,
          maxWeightGrams: 30_000,
          codSurcharge: { percent: 2, minFee: 150 },
          freeShippingThreshold: 5_000,
        },
      },
      {
        id: 'jnt',
        name: 'J&T Express',
        provider: 'rate_table',
        service: 'standard',
        supportsCod: true,
        rates: {
          bands: [
            { upToGrams: 500, fee: 490 },
            { upToGrams: 1_000, fee: 690 },
            { upToGrams: 2_000, fee: 890 },
            { upToGrams: 5_000, fee: 1_490 },
          ],
          perKgStep: 200,
          maxWeightGrams: 30_000,
          codSurcharge: { percent: 2, minFee: 100 },
          freeShippingThreshold: 5_000,
        },
      },
      {
        id: 'ninja_van',
        name: 'Ninja Van',
        provider: 'rate_table',
        service: 'standard',
        supportsCod: true,
        rates: {
          bands: [
            { upToGrams: 500, fee: 500 },
            { upToGrams: 1_000, fee: 700 },
            { upToGrams: 3_000, fee: 1_100 },
            { upToGrams: 5_000, fee: 1_500 },
          ],
          perKgStep: 200,
          maxWeightGrams: 30_000,
          codSurcharge: { percent: 2, minFee: 100 },
          freeShippingThreshold: 5_000,
        },
      },
      {
        id: 'spx',
        name: 'SPX Express',
        provider: 'sandbox',
        service: 'standard',
        supportsCod: true,
        rates: {
          bands: [
            { upToGrams: 500, fee: 450 },
            { upToGrams: 1_000, fee: 650 },
            { upToGrams: 2_000, fee: 850 },
            { upToGrams: 5_000, fee: 1_450 },
          ],
          perKgStep: 200,
          maxWeightGrams: 30_000,
          codSurcharge: { percent: 2, minFee: 100 },
          freeShippingThreshold: 5_000,
        },
      },
    ],
  },
  escrow: {
    autoReleaseDays: 5,
    commissionRate: 7,
  },
  limits: {
    maxCartLines: 200,
    maxOrderValue: 5_000_000,
    checkoutPerMinute: 10,
    apiRequestsPerMinute: 600,
    anonymousRequestsPerMinute: 1200,
  },
})

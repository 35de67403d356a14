import { defineMarket } from '#markets/define_market'

export default defineMarket({
  code: 'PH',
  name: 'Philippines',
  region: 'sea-2',
  domains: ['pasar.ph', 'ph.pasar.localhost'],
  timezone: 'Asia/Manila',
  locales: ['en-PH', 'fil-PH'],
  currency: 'PHP',
  priceDecimals: 2,
  tax: {
    label: 'VAT',
    registrationId: '123-456-789-00000',
    pricesIncludeTax: true,
    rounding: 'half-up',
    roundingLevel: 'line',
    defaultCategory: 'standard',
    categories: {
      standard: {
        description: 'VATable sales',
        rates: [{ rate: 12, effectiveFrom: '2006-02-01' }],
      },
      zero: {
        description: 'Zero-rated sales (exports)',
        rates: [{ rate: 0, effectiveFrom: '2006-02-01' }],
      },
      exempt: {
        description: 'VAT-exempt sales (unprocessed agricultural products, medicines for listed diseases, books)',
        rates: [{ rate: 0, effectiveFrom: '2006-02-01' }],
      },
    },
  },
  payments: {
    defaultGateway: 'gcash',
    paymentWindowMinutes: 60,
    gateways: [
      {
        id: 'gcash',
        name: 'GCash',
        provider: 'sandbox',
        method: 'ewallet',
        settings: { webhookSecretEnv: 'PAYMENT_SANDBOX_WEBHOOK_SECRET' },
      },
      {
        id: 'maya',
        name: 'Maya',
        provider: 'sandbox',
        method: 'ewallet',
        settings: { webhookSecretEnv: 'PAYMENT_SANDBOX_WEBHOOK_SECRET' },
      },
      {
        id: 'card',
        name: 'Credit / debit card',
        provider: 'sandbox',
        method: 'card',
        settings: { webhookSecretEnv: 'PAYMENT_SANDBOX_WEBHOOK_SECRET' },
      },
      {
        id: 'cod',
        name: 'Cash on delivery',
        provider: 'cod',
        method: 'cod',
        settings: { maxAmount: 2_000_000 },
      },
    ],
  },
  couriers: {
    defaultCourier: 'jnt',
    list: [
      {
        id: 'jnt',
        name: 'J&T Express',
        provider: 'sandbox',
        service: 'standard',
        supportsCod: true,
        rates: {
          bands: [
            { upToGrams: 500, fee: 8_500 },
            { upToGrams: 1_000, fee: 11_500 },
            { upToGrams: 3_000, fee: 18_000 },
            { upToGrams: 5_000, fee: 25_000 },
          ],
          perKgStep: 5_000,
          maxWeightGrams: 50_000,
          codSurcharge: { percent: 2, minFee: 2_000 },
          freeShippingThreshold: 100_000,
        },
      },
      {
        id: 'lbc',
        name: 'LBC Express',
        provider: 'rate_table',
        service: 'express',
        supportsCod: true,
        rates: {
          bands: [
            { upToGrams: 500, fee: 12_000 },
            { upToGrams: 1_000, fee: 16_000 },
            { upToGrams: 3_000, fee: 25_000 },
            { upToGrams: 5_000, fee: 35_000 },
          ],
          perKgStep: 6_000,
          maxWeightGrams: 50_000,
          codSurcharge: { percent: 2, minFee: 2_500 },
          freeShippingThreshold: 150_000,
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
            { upToGrams: 500, fee: 9_000 },
            { upToGrams: 1_000, fee: 12_000 },
            { upToGrams: 3_000, fee: 19_000 },
            { upToGrams: 5_000, fee: 26_000 },
          ],
          perKgStep: 5_000,
          maxWeightGrams: 30_000,
          codSurcharge: { percent: 2, minFee: 2_000 },
          freeShippingThreshold: 100_000,
        },
      },
      {
        id: 'flash',
        name: 'Flash Express',
        provider: 'rate_table',
        service: 'economy',
        supportsCod: true,
        rates: {
          bands: [
            { upToGrams: 500, fee: 8_000 },
            { upToGrams: 1_000, fee: 11_000 },
            { upToGrams: 3_000, fee: 17_000 },
            { upToGrams: 5_000, fee: 24_000 },
          ],
          perKgStep: 4_500,
          maxWeightGrams: 50_000,
          codSurcharge: { percent: 2, minFee: 2_000 },
          freeShippingThreshold: 100_000,
        },
      },
    ],
  },
  escrow: {
    autoReleaseDays: 7,
    commissionRate: 6,
  },
  limits: {
    maxCartLines: 200,
    maxOrderValue: 50_000_000,
    checkoutPerMinute: 10,
    apiRequestsPerMinute: 600,
  },
})

import { defineMarket } from '#markets/define_market'

export default defineMarket({
  code: 'SG',
  name: 'Singapore',
  region: 'sea-1',
  domains: ['pasar.sg', 'sg.pasar.localhost'],
  timezone: 'Asia/Singapore',
  locales: ['en-SG', 'zh-SG'],
  currency: 'SGD',
  priceDecimals: 2,
  tax: {
    label: 'GST',
    registrationId: 'M90-1234567-X',
    pricesIncludeTax: true,
    rounding: 'half-up',
    roundingLevel: 'line',
    defaultCategory: 'standard',
    categories: {
      standard: {
        description: 'Standard-rated supplies',
        rates: [
          { rate: 8, effectiveFrom: '2023-01-01' },
          { rate: 9, effectiveFrom: '2024-01-01' },
        ],
      },
      zero: {
        description: 'Zero-rated supplies (exports, international services)',
        rates: [{ rate: 0, effectiveFrom: '2023-01-01' }],
      },
      exempt: {
        description: 'Exempt supplies (financial services, residential property, investment precious metals)',
        rates: [{ rate: 0, effectiveFrom: '2023-01-01' }],
      },
    },
  },
  payments: {
    defaultGateway: 'paynow',
    paymentWindowMinutes: 60,
    gateways: [
      {
        id: 'paynow',
        name: 'PayNow',
        provider: 'sandbox',
        method: 'qr',
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
        id: 'grabpay',
        name: 'GrabPay',
        provider: 'sandbox',
        method: 'ewallet',
        settings: { webhookSecretEnv: 'PAYMENT_SANDBOX_WEBHOOK_SECRET' },
      },
      {
        id: 'shopeepay',
        name: 'ShopeePay',
        provider: 'sandbox',
        method: 'ewallet',
        settings: { webhookSecretEnv: 'PAYMENT_SANDBOX_WEBHOOK_SECRET' },
      },
    ],
  },
  couriers: {
    defaultCourier: 'ninja_van',
    list: [
      {
        id: 'ninja_van',
        name: 'Ninja Van',
        provider: 'rate_table',
        service: 'standard',
        supportsCod: false,
        rates: {
          bands: [
            { upToGrams: 1_000, fee: 399 },
            { upToGrams: 3_000, fee: 599 },
            { upToGrams: 5_000, fee: 799 },
            { upToGrams: 10_000, fee: 1_199 },
          ],
          perKgStep: 150,
          maxWeightGrams: 30_000,
          codSurcharge: null,
          freeShippingThreshold: 4_000,
        },
      },
      {
        id: 'jnt',
        name: 'J&T Express',
        provider: 'rate_table',
        service: 'standard',
        supportsCod: false,
        rates: {
          bands: [
            { upToGrams: 1_000, fee: 380 },
            { upToGrams: 3_000, fee: 580 },
            { upToGrams: 5_000, fee: 780 },
            { upToGrams: 10_000, fee: 1_180 },
          ],
          perKgStep: 150,
          maxWeightGrams: 30_000,
          codSurcharge: null,
          freeShippingThreshold: 4_000,
        },
      },
      {
        id: 'singpost',
        name: 'SingPost',
        provider: 'rate_table',
        service: 'economy',
        supportsCod: false,
        rates: {
          bands: [
            { upToGrams: 500, fee: 250 },
            { upToGrams: 1_000, fee: 350 },
            { upToGrams: 2_000, fee: 500 },
            { upToGrams: 5_000, fee: 850 },
          ],
          perKgStep: 180,
          maxWeightGrams: 30_000,
          codSurcharge: null,
          freeShippingThreshold: 5_000,
        },
      },
      {
        id: 'spx',
        name: 'SPX Express',
        provider: 'sandbox',
        service: 'standard',
        supportsCod: false,
        rates: {
          bands: [
            { upToGrams: 1_000, fee: 349 },
            { upToGrams: 3_000, fee: 549 },
            { upToGrams: 5_000, fee: 749 },
          ],
          perKgStep: 150,
          maxWeightGrams: 30_000,
          codSurcharge: null,
          freeShippingThreshold: 4_000,
        },
      },
    ],
  },
  escrow: {
    autoReleaseDays: 3,
    commissionRate: 6,
  },
  limits: {
    maxCartLines: 200,
    maxOrderValue: 2_000_000,
    checkoutPerMinute: 10,
    apiRequestsPerMinute: 600,
    anonymousRequestsPerMinute: 1200,
  },
})

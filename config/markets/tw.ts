import { defineMarket } from '#markets/define_market'

export default defineMarket({
  code: 'TW',
  name: 'Taiwan',
  region: 'ea-1',
  domains: ['pasar.tw', 'tw.pasar.localhost'],
  timezone: 'Asia/Taipei',
  locales: ['zh-TW', 'en-TW'],
  currency: 'TWD',
  priceDecimals: 0,
  tax: {
    label: 'Business Tax',
    registrationId: '23456781',
    pricesIncludeTax: true,
    rounding: 'half-up',
    roundingLevel: 'line',
    defaultCategory: 'standard',
    categories: {
      standard: {
        description: 'Value-added business tax',
        rates: [{ rate: 5, effectiveFrom: '1986-04-01' }],
      },
      zero: {
        description: 'Zero-rated (exports)',
        rates: [{ rate: 0, effectiveFrom: '1986-04-01' }],
      },
      exempt: {
        description: 'Tax-exempt (unprocessed agricultural products, books, medical services)',
        rates: [{ rate: 0, effectiveFrom: '1986-04-01' }],
      },
    },
  },
  payments: {
    defaultGateway: 'card',
    // Convenience-store payment codes stay valid for days, not minutes.
    paymentWindowMinutes: 4320,
    gateways: [
      {
        id: 'card',
        name: 'Credit / debit card',
        provider: 'sandbox',
        method: 'card',
        settings: { webhookSecretEnv: 'PAYMENT_SANDBOX_WEBHOOK_SECRET' },
      },
      {
        id: 'line_pay',
        name: 'LINE Pay',
        provider: 'sandbox',
        method: 'ewallet',
        settings: { webhookSecretEnv: 'PAYMENT_SANDBOX_WEBHOOK_SECRET' },
      },
      {
        id: 'jkopay',
        name: 'JKOPay',
        provider: 'sandbox',
        method: 'ewallet',
        settings: { webhookSecretEnv: 'PAYMENT_SANDBOX_WEBHOOK_SECRET' },
      },
      {
        id: 'cvs_payment',
        name: 'Pay at convenience store',
        provider: 'sandbox',
        method: 'convenience_store',
        // Store payment codes are capped at NT$20,000 per order.
        settings: { webhookSecretEnv: 'PAYMENT_SANDBOX_WEBHOOK_SECRET', maxAmount: 2_000_000 },
      },
    ],
  },
  couriers: {
    shipWithinDays: 3,
    defaultCourier: 'seven_eleven_pickup',
    list: [
      {
        id: 'seven_eleven_pickup',
        name: '7-ELEVEN store pickup',
        provider: 'rate_table',
        service: 'pickup_point',
        supportsCod: false,
        rates: {
          // Flat fee up to the 5 kg store limit, so no per-kg step applies.
          bands: [
            { upToGrams: 1_000, fee: 6_000 },
            { upToGrams: 3_000, fee: 6_000 },
            { upToGrams: 5_000, fee: 6_000 },
          ],
          perKgStep: 0,
          maxWeightGrams: 5_000,
          codSurcharge: null,
          freeShippingThreshold: 49_900,
        },
      },
      {
        id: 'familymart_pickup',
        name: 'FamilyMart store pickup',
        provider: 'rate_table',
        service: 'pickup_point',
        supportsCod: false,
        rates: {
          // Flat fee up to the 5 kg store limit, so no per-kg step applies.
          bands: [
            { upToGrams: 1_000, fee: 6_000 },
            { upToGrams: 3_000, fee: 6_000 },
            { upToGrams: 5_000, fee: 6_000 },
          ],
          perKgStep: 0,
          maxWeightGrams: 5_000,
          codSurcharge: null,
          freeShippingThreshold: 49_900,
        },
      },
      {
        id: 'chunghwa_post',
        name: 'Chunghwa Post',
        provider: 'rate_table',
        service: 'economy',
        supportsCod: false,
        rates: {
          bands: [
            { upToGrams: 1_000, fee: 8_000 },
            { upToGrams: 3_000, fee: 10_000 },
            { upToGrams: 5_000, fee: 12_000 },
            { upToGrams: 10_000, fee: 15_000 },
          ],
          perKgStep: 2_000,
          maxWeightGrams: 20_000,
          codSurcharge: null,
          freeShippingThreshold: 99_900,
        },
      },
      {
        id: 't_cat',
        name: 'T-Cat (Black Cat)',
        provider: 'sandbox',
        service: 'express',
        supportsCod: false,
        rates: {
          bands: [
            { upToGrams: 2_000, fee: 13_000 },
            { upToGrams: 5_000, fee: 17_000 },
            { upToGrams: 10_000, fee: 21_000 },
            { upToGrams: 15_000, fee: 26_000 },
          ],
          perKgStep: 2_000,
          maxWeightGrams: 20_000,
          codSurcharge: null,
          freeShippingThreshold: 99_900,
        },
      },
    ],
  },
  escrow: {
    autoReleaseDays: 7,
    commissionRate: 6.5,
    paymentFeeRate: 2,
    fixedFeePerOrder: 0,
    guaranteeExtensionDays: 3,
    payoutMinimum: 10_000,
  },
  returns: {
    windowDays: 7,
    sellerResponseDays: 3,
    reasons: [
      { id: 'not_received', goodsBack: false },
      { id: 'damaged', goodsBack: true },
      { id: 'wrong_item', goodsBack: true },
      { id: 'not_as_described', goodsBack: true },
      { id: 'missing_parts', goodsBack: false },
    ],
  },
  limits: {
    maxCartLines: 200,
    maxOrderValue: 20_000_000,
    checkoutPerMinute: 10,
    apiRequestsPerMinute: 600,
    anonymousRequestsPerMinute: 1200,
  },
})

import { defineMarket } from '#markets/define_market'

export default defineMarket({
  code: 'VN',
  name: 'Vietnam',
  region: 'sea-3',
  domains: ['pasar.vn', 'vn.pasar.localhost'],
  timezone: 'Asia/Ho_Chi_Minh',
  locales: ['vi-VN', 'en-VN'],
  currency: 'VND',
  priceDecimals: 0,
  tax: {
    label: 'VAT',
    registrationId: '0312345678',
    pricesIncludeTax: true,
    rounding: 'half-up',
    roundingLevel: 'line',
    defaultCategory: 'standard',
    categories: {
      standard: {
        description: 'Standard-rated goods and services',
        rates: [{ rate: 10, effectiveFrom: '2025-07-01' }],
      },
      reduced: {
        // The 2-point reduction for many goods ends on 2026-12-31.
        description: 'Goods under the temporary 2-point VAT reduction',
        rates: [
          { rate: 8, effectiveFrom: '2025-07-01' },
          { rate: 10, effectiveFrom: '2027-01-01' },
        ],
      },
      essential: {
        description: 'Essential goods (clean water, medical equipment, teaching aids, agricultural inputs)',
        rates: [{ rate: 5, effectiveFrom: '2025-07-01' }],
      },
      zero: {
        description: 'Zero-rated (exports)',
        rates: [{ rate: 0, effectiveFrom: '2025-07-01' }],
      },
      exempt: {
        description: 'Not subject to VAT (unprocessed farm produce, medical and education services)',
        rates: [{ rate: 0, effectiveFrom: '2025-07-01' }],
      },
    },
  },
  payments: {
    defaultGateway: 'momo',
    paymentWindowMinutes: 60,
    gateways: [
      {
        id: 'momo',
        name: 'MoMo',
        provider: 'sandbox',
        method: 'ewallet',
        settings: { webhookSecretEnv: 'PAYMENT_SANDBOX_WEBHOOK_SECRET' },
      },
      {
        id: 'zalopay',
        name: 'ZaloPay',
        provider: 'sandbox',
        method: 'ewallet',
        settings: { webhookSecretEnv: 'PAYMENT_SANDBOX_WEBHOOK_SECRET' },
      },
      {
        id: 'vnpay',
        name: 'VNPay QR',
        provider: 'sandbox',
        method: 'qr',
        settings: { webhookSecretEnv: 'PAYMENT_SANDBOX_WEBHOOK_SECRET' },
      },
      {
        id: 'cod',
        name: 'Thanh toán khi nhận hàng (COD)',
        provider: 'cod',
        method: 'cod',
        settings: { maxAmount: 10_000_000 },
      },
    ],
  },
  couriers: {
    shipWithinDays: 3,
    defaultCourier: 'ghn',
    list: [
      {
        id: 'ghn',
        name: 'Giao Hàng Nhanh (GHN)',
        provider: 'rate_table',
        service: 'standard',
        supportsCod: true,
        rates: {
          bands: [
            { upToGrams: 500, fee: 18_000 },
            { upToGrams: 1_000, fee: 22_000 },
            { upToGrams: 3_000, fee: 32_000 },
            { upToGrams: 5_000, fee: 42_000 },
          ],
          perKgStep: 5_000,
          maxWeightGrams: 30_000,
          codSurcharge: { percent: 1, minFee: 5_000 },
          freeShippingThreshold: 300_000,
        },
      },
      {
        id: 'ghtk',
        name: 'Giao Hàng Tiết Kiệm (GHTK)',
        provider: 'rate_table',
        service: 'economy',
        supportsCod: true,
        rates: {
          bands: [
            { upToGrams: 500, fee: 16_000 },
            { upToGrams: 1_000, fee: 20_000 },
            { upToGrams: 3_000, fee: 28_000 },
            { upToGrams: 5_000, fee: 38_000 },
          ],
          perKgStep: 5_000,
          maxWeightGrams: 20_000,
          codSurcharge: { percent: 1, minFee: 5_000 },
          freeShippingThreshold: 300_000,
        },
      },
      {
        id: 'viettel_post',
        name: 'Viettel Post',
        provider: 'rate_table',
        service: 'standard',
        supportsCod: true,
        rates: {
          bands: [
            { upToGrams: 500, fee: 18_000 },
            { upToGrams: 1_000, fee: 23_000 },
            { upToGrams: 3_000, fee: 33_000 },
            { upToGrams: 5_000, fee: 45_000 },
          ],
          perKgStep: 5_000,
          maxWeightGrams: 50_000,
          codSurcharge: { percent: 1, minFee: 5_000 },
          freeShippingThreshold: 300_000,
        },
      },
      {
        id: 'jnt',
        name: 'J&T Express',
        provider: 'sandbox',
        service: 'standard',
        supportsCod: true,
        rates: {
          bands: [
            { upToGrams: 500, fee: 17_000 },
            { upToGrams: 1_000, fee: 21_000 },
            { upToGrams: 3_000, fee: 30_000 },
            { upToGrams: 5_000, fee: 40_000 },
          ],
          perKgStep: 5_000,
          maxWeightGrams: 30_000,
          codSurcharge: { percent: 1, minFee: 5_000 },
          freeShippingThreshold: 300_000,
        },
      },
    ],
  },
  escrow: {
    autoReleaseDays: 5,
    commissionRate: 7,
    paymentFeeRate: 2,
    fixedFeePerOrder: 0,
    guaranteeExtensionDays: 3,
    payoutMinimum: 100_000,
  },
  returns: {
    windowDays: 15,
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
    maxOrderValue: 500_000_000,
    checkoutPerMinute: 10,
    apiRequestsPerMinute: 600,
    anonymousRequestsPerMinute: 1200,
  },
})

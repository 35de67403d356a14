import { defineMarket } from '#markets/define_market'

export default defineMarket({
  code: 'ID',
  name: 'Indonesia',
  region: 'sea-2',
  domains: ['pasar.co.id', 'id.pasar.localhost'],
  timezone: 'Asia/Jakarta',
  locales: ['id-ID', 'en-ID'],
  currency: 'IDR',
  priceDecimals: 0,
  tax: {
    label: 'PPN',
    registrationId: '01.234.567.8-012.000',
    pricesIncludeTax: true,
    rounding: 'half-up',
    roundingLevel: 'invoice',
    defaultCategory: 'standard',
    categories: {
      standard: {
        description: 'PPN on non-luxury goods and services',
        rates: [
          { rate: 11, effectiveFrom: '2022-04-01' },
          // The 12 % rate applies to 11/12 of the price for non-luxury goods,
          // so the effective rate stays 11 %; receipts show 12 % and the base.
          { rate: 12, effectiveFrom: '2025-01-01', taxableBase: { numerator: 11, denominator: 12 } },
        ],
      },
      zero: {
        description: 'Zero-rated (exports)',
        rates: [{ rate: 0, effectiveFrom: '2022-04-01' }],
      },
      exempt: {
        description: 'Exempt or not subject to PPN (basic necessities, medical and education services)',
        rates: [{ rate: 0, effectiveFrom: '2022-04-01' }],
      },
    },
    note: 'Luxury goods (PPnBM) pay 12 % on the full price from 2025-01-01; the marketplace does not sell them, so no category models it.',
    // PMK 37/2025: the marketplace withholds PPh 22 of 0.5 % of sellers' gross turnover from 2025-07-14
    // (sellers with a turnover up to IDR 500 million a year and a statement are exempt; not modelled).
    withholding: { label: 'PPh 22 (PMK 37/2025)', rate: 0.5, effectiveFrom: '2025-07-14' },
    platformServicesCategory: 'standard',
  },
  payments: {
    defaultGateway: 'bca_va',
    paymentWindowMinutes: 1440,
    gateways: [
      {
        id: 'bca_va',
        name: 'BCA Virtual Account',
        provider: 'xendit',
        method: 'virtual_account',
        settings: { apiKeyEnv: 'XENDIT_SECRET_KEY', callbackTokenEnv: 'XENDIT_CALLBACK_TOKEN', channelCode: 'BCA' },
      },
      {
        id: 'qris',
        name: 'QRIS',
        provider: 'xendit',
        method: 'qr',
        settings: { apiKeyEnv: 'XENDIT_SECRET_KEY', callbackTokenEnv: 'XENDIT_CALLBACK_TOKEN', channelCode: 'QRIS' },
      },
      {
        id: 'gopay',
        name: 'GoPay',
        provider: 'sandbox',
        method: 'ewallet',
        settings: { webhookSecretEnv: 'PAYMENT_SANDBOX_WEBHOOK_SECRET' },
      },
      {
        id: 'ovo',
        name: 'OVO',
        provider: 'xendit',
        method: 'ewallet',
        settings: { apiKeyEnv: 'XENDIT_SECRET_KEY', callbackTokenEnv: 'XENDIT_CALLBACK_TOKEN', channelCode: 'OVO' },
      },
      {
        id: 'cod',
        name: 'Bayar di Tempat (COD)',
        provider: 'cod',
        method: 'cod',
        settings: { maxAmount: 500_000_000 },
      },
    ],
  },
  couriers: {
    shipWithinDays: 3,
    defaultCourier: 'jne',
    list: [
      {
        id: 'jne',
        name: 'JNE',
        provider: 'rate_table',
        service: 'standard',
        supportsCod: true,
        rates: {
          bands: [
            { upToGrams: 1_000, fee: 1_000_000 },
            { upToGrams: 2_000, fee: 1_800_000 },
            { upToGrams: 3_000, fee: 2_600_000 },
            { upToGrams: 5_000, fee: 4_000_000 },
          ],
          perKgStep: 800_000,
          maxWeightGrams: 50_000,
          codSurcharge: { percent: 3, minFee: 250_000 },
          freeShippingThreshold: 10_000_000,
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
            { upToGrams: 1_000, fee: 950_000 },
            { upToGrams: 2_000, fee: 1_700_000 },
            { upToGrams: 3_000, fee: 2_450_000 },
            { upToGrams: 5_000, fee: 3_900_000 },
          ],
          perKgStep: 750_000,
          maxWeightGrams: 50_000,
          codSurcharge: { percent: 3, minFee: 250_000 },
          freeShippingThreshold: 10_000_000,
        },
      },
      {
        id: 'sicepat',
        name: 'SiCepat',
        provider: 'rate_table',
        service: 'economy',
        supportsCod: true,
        rates: {
          bands: [
            { upToGrams: 1_000, fee: 800_000 },
            { upToGrams: 2_000, fee: 1_500_000 },
            { upToGrams: 3_000, fee: 2_200_000 },
            { upToGrams: 5_000, fee: 3_500_000 },
          ],
          perKgStep: 700_000,
          maxWeightGrams: 50_000,
          codSurcharge: { percent: 3, minFee: 250_000 },
          freeShippingThreshold: 10_000_000,
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
            { upToGrams: 1_000, fee: 900_000 },
            { upToGrams: 2_000, fee: 1_600_000 },
            { upToGrams: 3_000, fee: 2_300_000 },
            { upToGrams: 5_000, fee: 3_700_000 },
          ],
          perKgStep: 700_000,
          maxWeightGrams: 50_000,
          codSurcharge: { percent: 3, minFee: 250_000 },
          freeShippingThreshold: 10_000_000,
        },
      },
    ],
  },
  escrow: {
    autoReleaseDays: 3,
    commissionRate: 6.5,
    paymentFeeRate: 2,
    fixedFeePerOrder: 100_000,
    guaranteeExtensionDays: 3,
    payoutMinimum: 1_000_000,
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
    maxOrderValue: 10_000_000_000,
    checkoutPerMinute: 10,
    apiRequestsPerMinute: 600,
    anonymousRequestsPerMinute: 1200,
  },
})

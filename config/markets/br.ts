import { defineMarket } from '#markets/define_market'

export default defineMarket({
  code: 'BR',
  name: 'Brazil',
  region: 'latam-1',
  domains: ['pasar.com.br', 'br.pasar.localhost'],
  timezone: 'America/Sao_Paulo',
  locales: ['pt-BR'],
  currency: 'BRL',
  priceDecimals: 2,
  tax: {
    label: 'ICMS',
    registrationId: '12.345.678/0001-95',
    pricesIncludeTax: true,
    rounding: 'half-up',
    roundingLevel: 'line',
    defaultCategory: 'standard',
    categories: {
      standard: {
        description: 'ICMS standard internal rate',
        rates: [{ rate: 18, effectiveFrom: '2024-01-01' }],
      },
      reduced: {
        description: 'ICMS reduced rate',
        rates: [{ rate: 12, effectiveFrom: '2024-01-01' }],
      },
      basic_food: {
        description: 'ICMS on basic food basket (cesta básica)',
        rates: [{ rate: 7, effectiveFrom: '2024-01-01' }],
      },
      zero: {
        description: 'Zero-rated (exports)',
        rates: [{ rate: 0, effectiveFrom: '2024-01-01' }],
      },
      exempt: {
        description: 'Exempt (isento): books, selected staples',
        rates: [{ rate: 0, effectiveFrom: '2024-01-01' }],
      },
    },
    note: 'Simplified: ICMS is set by each state (17-25 %) with interstate rates and DIFAL; these are São Paulo-like rates. PIS/COFINS, and the CBS/IBS reform phasing in from 2026, are not modelled.',
  },
  payments: {
    defaultGateway: 'pix',
    paymentWindowMinutes: 4320,
    gateways: [
      {
        id: 'pix',
        name: 'Pix',
        provider: 'sandbox',
        method: 'pix',
        settings: { webhookSecretEnv: 'PAYMENT_SANDBOX_WEBHOOK_SECRET' },
      },
      {
        id: 'boleto',
        name: 'Boleto bancário',
        provider: 'sandbox',
        method: 'boleto',
        settings: { webhookSecretEnv: 'PAYMENT_SANDBOX_WEBHOOK_SECRET' },
      },
      {
        id: 'card',
        name: 'Cartão de crédito',
        provider: 'sandbox',
        method: 'card',
        settings: { webhookSecretEnv: 'PAYMENT_SANDBOX_WEBHOOK_SECRET', maxInstallments: 12 },
      },
    ],
  },
  couriers: {
    shipWithinDays: 3,
    defaultCourier: 'correios',
    list: [
      {
        id: 'correios',
        name: 'Correios',
        provider: 'rate_table',
        service: 'standard',
        supportsCod: false,
        rates: {
          bands: [
            { upToGrams: 300, fee: 1_990 },
            { upToGrams: 1_000, fee: 2_490 },
            { upToGrams: 2_000, fee: 2_990 },
            { upToGrams: 5_000, fee: 4_490 },
            { upToGrams: 10_000, fee: 6_990 },
          ],
          perKgStep: 500,
          maxWeightGrams: 30_000,
          codSurcharge: null,
          freeShippingThreshold: 19_900,
        },
      },
      {
        id: 'jadlog',
        name: 'Jadlog',
        provider: 'rate_table',
        service: 'economy',
        supportsCod: false,
        rates: {
          bands: [
            { upToGrams: 1_000, fee: 2_290 },
            { upToGrams: 2_000, fee: 2_790 },
            { upToGrams: 5_000, fee: 3_990 },
            { upToGrams: 10_000, fee: 5_990 },
          ],
          perKgStep: 450,
          maxWeightGrams: 30_000,
          codSurcharge: null,
          freeShippingThreshold: 19_900,
        },
      },
      {
        id: 'loggi',
        name: 'Loggi',
        provider: 'sandbox',
        service: 'express',
        supportsCod: false,
        rates: {
          bands: [
            { upToGrams: 1_000, fee: 2_190 },
            { upToGrams: 2_000, fee: 2_690 },
            { upToGrams: 5_000, fee: 3_890 },
            { upToGrams: 10_000, fee: 5_890 },
          ],
          perKgStep: 500,
          maxWeightGrams: 30_000,
          codSurcharge: null,
          freeShippingThreshold: 19_900,
        },
      },
    ],
  },
  escrow: {
    autoReleaseDays: 7,
    commissionRate: 10,
    paymentFeeRate: 3,
    fixedFeePerOrder: 100,
    guaranteeExtensionDays: 3,
    payoutMinimum: 1_000,
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
      // Código de Defesa do Consumidor, art. 49: seven days to withdraw from a purchase made online, no reason needed.
      { id: 'changed_mind', goodsBack: true },
    ],
  },
  limits: {
    maxCartLines: 200,
    maxOrderValue: 5_000_000,
    checkoutPerMinute: 10,
    apiRequestsPerMinute: 600,
    anonymousRequestsPerMinute: 1200,
  },
})

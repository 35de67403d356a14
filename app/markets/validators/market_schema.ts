import vine, { SimpleMessagesProvider } from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { IANAZone } from 'luxon'
import * as isoCurrencies from 'dinero.js/currencies'

/**
 * One Vine schema for every market file. Cross-field and cross-market rules
 * (default gateway exists, region has a shard, domains are unique...) are
 * checked by the registry after this schema, with the same field paths.
 */

export const ISO_4217 = new Map(
  Object.values(isoCurrencies as Record<string, { code: string; exponent: number; base: number }>).map(
    (currency) => [currency.code, currency]
  )
)

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' })

/** A BCP 47 locale whose language ICU knows and whose region is a real one. */
export function isKnownLocale(value: string): boolean {
  let canonical: string
  try {
    canonical = Intl.getCanonicalLocales(value)[0]
  } catch {
    return false
  }
  if (canonical !== value) return false
  const locale = new Intl.Locale(value)
  if (Intl.NumberFormat.supportedLocalesOf([locale.language]).length === 0) return false
  if (locale.region) {
    const name = regionNames.of(locale.region)
    if (!name || name === locale.region || name === 'Unknown Region') return false
  }
  return true
}

const isoCurrency = vine.createRule((value: unknown, _: undefined, field: FieldContext) => {
  if (typeof value !== 'string' || !ISO_4217.has(value)) {
    field.report('"{{ value }}" is not an ISO 4217 currency code', 'currency', field, { value })
  }
})

const knownLocale = vine.createRule((value: unknown, _: undefined, field: FieldContext) => {
  if (typeof value !== 'string' || !isKnownLocale(value)) {
    field.report('"{{ value }}" is not a known BCP 47 locale (e.g. en-SG)', 'locale', field, {
      value,
    })
  }
})

const ianaTimezone = vine.createRule((value: unknown, _: undefined, field: FieldContext) => {
  if (typeof value !== 'string' || !value.includes('/') || !IANAZone.isValidZone(value)) {
    field.report('"{{ value }}" is not an IANA timezone (e.g. Asia/Jakarta)', 'timezone', field, {
      value,
    })
  }
})

const isoDate = vine.createRule((value: unknown, _: undefined, field: FieldContext) => {
  const ok =
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
    new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
  if (!ok) {
    field.report('"{{ value }}" is not a date in YYYY-MM-DD form', 'isoDate', field, { value })
  }
})

const id = () => vine.string().regex(/^[a-z][a-z0-9_]*$/).maxLength(40)
const minorUnits = () => vine.number({ strict: true }).withoutDecimals().min(0).max(Number.MAX_SAFE_INTEGER)
const percentage = () => vine.number({ strict: true }).range([0, 100]).decimal([0, 4])
const envName = () => vine.string().regex(/^[A-Z][A-Z0-9_]*$/)

const taxRate = vine.object({
  rate: percentage(),
  effectiveFrom: vine.string().use(isoDate()),
  taxableBase: vine
    .object({
      numerator: vine.number({ strict: true }).withoutDecimals().min(1),
      denominator: vine.number({ strict: true }).withoutDecimals().min(1),
    })
    .optional(),
})

const courier = vine.object({
  id: id(),
  name: vine.string().minLength(1).maxLength(80),
  provider: vine.enum(['rate_table', 'sandbox'] as const),
  service: vine.enum(['standard', 'express', 'economy', 'pickup_point'] as const),
  supportsCod: vine.boolean({ strict: true }),
  enabled: vine.boolean({ strict: true }).optional(),
  rates: vine.object({
    bands: vine
      .array(vine.object({ upToGrams: vine.number({ strict: true }).withoutDecimals().min(1), fee: minorUnits() }))
      .minLength(1),
    perKgStep: minorUnits(),
    maxWeightGrams: vine.number({ strict: true }).withoutDecimals().min(1),
    codSurcharge: vine
      .object({ percent: percentage(), minFee: minorUnits() })
      .nullable(),
    freeShippingThreshold: minorUnits().nullable(),
  }),
})

const gateway = vine.object({
  id: id(),
  name: vine.string().minLength(1).maxLength(80),
  provider: vine.enum(['sandbox', 'cod', 'stripe', 'xendit'] as const),
  method: vine.enum([
    'card',
    'ewallet',
    'qr',
    'bank_transfer',
    'virtual_account',
    'online_banking',
    'convenience_store',
    'boleto',
    'pix',
    'cod',
  ] as const),
  enabled: vine.boolean({ strict: true }).optional(),
  settings: vine
    .object({
      webhookSecretEnv: envName().optional(),
      apiKeyEnv: envName().optional(),
      callbackTokenEnv: envName().optional(),
      channelCode: vine.string().regex(/^[A-Z][A-Z0-9_]{1,29}$/).optional(),
      maxAmount: minorUnits().optional(),
      maxInstallments: vine.number({ strict: true }).withoutDecimals().range([1, 24]).optional(),
    })
    .optional(),
})

export const marketSchema = vine.object({
  code: vine.string().regex(/^[A-Z]{2}$/),
  name: vine.string().minLength(1).maxLength(80),
  region: vine.string().regex(/^[a-z][a-z0-9-]*$/),
  domains: vine
    .array(
      vine
        .string()
        .toLowerCase()
        .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/)
    )
    .minLength(1),
  timezone: vine.string().use(ianaTimezone()),
  locales: vine.array(vine.string().use(knownLocale())).minLength(1).distinct(),
  currency: vine.string().use(isoCurrency()),
  priceDecimals: vine.number({ strict: true }).withoutDecimals().range([0, 4]),
  tax: vine.object({
    label: vine.string().minLength(1).maxLength(20),
    registrationId: vine.string().minLength(1).maxLength(60),
    pricesIncludeTax: vine.boolean({ strict: true }),
    rounding: vine.enum(['half-up', 'half-even'] as const),
    roundingLevel: vine.enum(['line', 'invoice'] as const),
    defaultCategory: id(),
    categories: vine.record(
      vine.object({
        description: vine.string().minLength(1).maxLength(200),
        rates: vine.array(taxRate).minLength(1),
      })
    ),
    note: vine.string().maxLength(1000).optional(),
    withholding: vine
      .object({ label: vine.string().minLength(1).maxLength(80), rate: percentage(), effectiveFrom: vine.string().use(isoDate()) })
      .optional(),
    platformServicesCategory: id().optional(),
  }),
  payments: vine.object({
    defaultGateway: vine.string(),
    paymentWindowMinutes: vine.number({ strict: true }).withoutDecimals().range([5, 60 * 24 * 14]),
    gateways: vine.array(gateway),
  }),
  couriers: vine.object({
    defaultCourier: vine.string(),
    /** Days a seller has to hand a paid order to the courier. */
    shipWithinDays: vine.number({ strict: true }).withoutDecimals().range([1, 30]).optional(),
    list: vine.array(courier),
  }),
  escrow: vine.object({
    autoReleaseDays: vine.number({ strict: true }).withoutDecimals().range([1, 60]),
    commissionRate: percentage(),
    paymentFeeRate: percentage().optional(),
    fixedFeePerOrder: minorUnits().optional(),
    guaranteeExtensionDays: vine.number({ strict: true }).withoutDecimals().range([1, 30]).optional(),
    payoutMinimum: minorUnits().optional(),
  }),
  returns: vine.object({
    windowDays: vine.number({ strict: true }).withoutDecimals().range([1, 90]),
    sellerResponseDays: vine.number({ strict: true }).withoutDecimals().range([1, 30]),
    reasons: vine.array(vine.object({ id: id(), goodsBack: vine.boolean({ strict: true }) })).minLength(1).distinct('id'),
  }),
  flashSales: vine
    .object({
      maxPerBuyerLimit: vine.number({ strict: true }).withoutDecimals().range([1, 100]),
      maxDurationHours: vine.number({ strict: true }).withoutDecimals().range([1, 24 * 14]),
    })
    .optional(),
  features: vine
    .object({
      flashSales: vine.boolean({ strict: true }).optional(),
      vouchers: vine.boolean({ strict: true }).optional(),
    })
    .optional(),
  limits: vine.object({
    maxCartLines: vine.number({ strict: true }).withoutDecimals().range([1, 1000]),
    maxOrderValue: minorUnits().min(1),
    checkoutPerMinute: vine.number({ strict: true }).withoutDecimals().range([1, 10_000]),
    apiRequestsPerMinute: vine.number({ strict: true }).withoutDecimals().range([1, 1_000_000]),
    anonymousRequestsPerMinute: vine.number({ strict: true }).withoutDecimals().range([1, 1_000_000]),
  }),
})

/** Short messages: the registry prefixes them with the file and field path. */
export const marketMessages = new SimpleMessagesProvider({
  required: 'is missing',
  string: 'must be a string',
  number: 'must be a number',
  boolean: 'must be true or false',
  object: 'must be an object',
  array: 'must be a list',
  record: 'must be an object',
  withoutDecimals: 'must be a whole number',
  decimal: 'has too many decimals (at most {{ digits }})',
  min: 'must be at least {{ min }}',
  max: 'must be at most {{ max }}',
  range: 'must be between {{ min }} and {{ max }}',
  minLength: 'must have at least {{ min }} entries or characters',
  maxLength: 'must have at most {{ max }} characters',
  distinct: 'has duplicates',
  regex: 'has an invalid format',
  enum: 'must be one of {{ choices }}',
  nullable: 'must be set or null',
})

export const validateMarketFile = vine.compile(marketSchema)

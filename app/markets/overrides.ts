import type { Courier, CourierRateTable, MarketDefinition, PaymentGateway, TaxRate } from '#markets/define_market'

/**
 * What regional ops may change in a market at run time (DESIGN.md §9), on
 * top of its file. Gateways and couriers are addressed by id (only those of
 * the file: a new one needs secrets and a review, so it comes with a deploy);
 * tax rates are added to a category of the file, each from its own date.
 */
export interface ConfigOverrides {
  payments?: {
    paymentWindowMinutes?: number
    defaultGateway?: string
    gateways?: Record<string, { enabled?: boolean; maxAmount?: number; maxInstallments?: number }>
  }
  couriers?: {
    defaultCourier?: string
    shipWithinDays?: number
    list?: Record<string, { enabled?: boolean; rates?: Partial<CourierRateTable> }>
  }
  escrow?: Partial<MarketDefinition['escrow']>
  returns?: { windowDays?: number; sellerResponseDays?: number }
  limits?: Partial<MarketDefinition['limits']>
  tax?: { categories?: Record<string, { rates?: TaxRate[] }> }
  flashSales?: Partial<NonNullable<MarketDefinition['flashSales']>>
  features?: NonNullable<MarketDefinition['features']>
}

/** `true`: a value; `{ '*': shape }`: keys are ids of the file. */
type Shape = true | { [key: string]: Shape }

const leaves = (...names: string[]): Shape => Object.fromEntries(names.map((name) => [name, true]))

export const EDITABLE: { [section: string]: Shape } = {
  payments: { paymentWindowMinutes: true, defaultGateway: true, gateways: { '*': leaves('enabled', 'maxAmount', 'maxInstallments') } },
  couriers: {
    defaultCourier: true,
    shipWithinDays: true,
    list: { '*': { enabled: true, rates: leaves('bands', 'perKgStep', 'maxWeightGrams', 'codSurcharge', 'freeShippingThreshold') } },
  },
  escrow: leaves('autoReleaseDays', 'commissionRate', 'paymentFeeRate', 'fixedFeePerOrder', 'guaranteeExtensionDays', 'payoutMinimum'),
  returns: leaves('windowDays', 'sellerResponseDays'),
  limits: leaves('maxCartLines', 'maxOrderValue', 'checkoutPerMinute', 'apiRequestsPerMinute', 'anonymousRequestsPerMinute'),
  tax: { categories: { '*': { rates: true } } },
  flashSales: leaves('maxPerBuyerLimit', 'maxDurationHours'),
  features: leaves('flashSales', 'vouchers'),
}

/** Paths (of the effective config) whose change needs a second ops member's approval. */
export function needsApproval(path: string) {
  return path.startsWith('tax.') || ['escrow.commissionRate', 'escrow.paymentFeeRate', 'escrow.fixedFeePerOrder'].some((field) => path === field || path.startsWith(`${field}.`))
}

export const FLASH_SALE_DEFAULTS = { maxPerBuyerLimit: 100, maxDurationHours: 72 }

export interface ShapeProblem {
  field: string
  message: string
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Fields of a change that ops may not touch, or ids the file does not have:
 * each named by its path (`changes.currency`, `changes.payments.gateways.foo`).
 * Values are checked afterwards, on the effective config, by the file schema.
 */
export function shapeProblems(changes: unknown, file: MarketDefinition, prefix = 'changes'): ShapeProblem[] {
  const problems: ShapeProblem[] = []
  const named = (field: string) => (prefix ? `${prefix}.${field}` : field)
  if (!isObject(changes)) return [{ field: prefix, message: 'must be an object of the fields to change' }]
  if (Object.keys(changes).length === 0) return [{ field: prefix, message: 'names no field to change' }]
  const ids: Record<string, string[]> = {
    'payments.gateways': file.payments.gateways.map((gateway) => gateway.id),
    'couriers.list': file.couriers.list.map((courier) => courier.id),
    'tax.categories': Object.keys(file.tax.categories),
  }
  const walk = (value: Record<string, unknown>, shape: { [key: string]: Shape }, path: string) => {
    for (const [key, child] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key
      const wildcard = shape['*']
      const childShape = wildcard ?? shape[key]
      if (childShape === undefined) {
        problems.push({ field: named(field), message: 'cannot be changed at run time (it changes with the market file)' })
        continue
      }
      if (wildcard !== undefined && !ids[path]?.includes(key)) {
        problems.push({ field: named(field), message: `is not one of ${path} of ${file.code} (${ids[path]?.join(', ')})` })
        continue
      }
      if (childShape === true) {
        if (/^tax\.categories\.[^.]+\.rates$/.test(field) && (!Array.isArray(child) || child.length === 0 || !child.every(isObject))) {
          problems.push({ field: named(field), message: 'must be a list of new rates ({ rate, effectiveFrom })' })
        }
        continue
      }
      if (!isObject(child)) {
        problems.push({ field: named(field), message: 'must be an object' })
        continue
      }
      walk(child, childShape as { [key: string]: Shape }, field)
    }
  }
  walk(changes, EDITABLE as { [key: string]: Shape }, '')
  return problems
}

/** Tax rates of one category by their first day: a later one of the same day replaces the earlier. */
function mergeRates(current: TaxRate[] = [], added: TaxRate[] = []) {
  const byDay = new Map(current.map((rate) => [rate.effectiveFrom, rate]))
  for (const rate of added) byDay.set(rate.effectiveFrom, rate)
  return [...byDay.values()].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))
}

/** The overrides after a change: objects merge, values replace, tax rates add up by day. */
export function mergeOverrides(current: ConfigOverrides, changes: ConfigOverrides): ConfigOverrides {
  const merge = (left: Record<string, any>, right: Record<string, any>, path: string): Record<string, any> => {
    const out: Record<string, any> = { ...left }
    for (const [key, value] of Object.entries(right)) {
      const field = path ? `${path}.${key}` : key
      if (/^tax\.categories\.[^.]+\.rates$/.test(field)) out[key] = mergeRates(left[key], value)
      else if (isObject(value) && isObject(left[key]) && !/^couriers\.list\.[^.]+\.rates\.codSurcharge$/.test(field)) out[key] = merge(left[key], value, field)
      else out[key] = structuredClone(value)
    }
    return out
  }
  return merge(current, changes, '') as ConfigOverrides
}

/** The market file with the overrides on top: a plain definition the file schema validates as it validates files. */
export function applyOverrides(file: MarketDefinition, overrides: ConfigOverrides): MarketDefinition {
  const definition = structuredClone(file) as MarketDefinition
  const { payments, couriers, tax, flashSales, features, ...sections } = overrides
  for (const [section, values] of Object.entries(sections)) {
    Object.assign((definition as unknown as Record<string, object>)[section], values)
  }
  if (payments) {
    const { gateways, ...rest } = payments
    Object.assign(definition.payments, rest)
    for (const [id, change] of Object.entries(gateways ?? {})) {
      const gateway = definition.payments.gateways.find((candidate) => candidate.id === id) as PaymentGateway | undefined
      if (!gateway) continue
      const { enabled, ...settings } = change
      if (enabled !== undefined) gateway.enabled = enabled
      if (Object.keys(settings).length) gateway.settings = { ...gateway.settings, ...settings }
    }
  }
  if (couriers) {
    const { list, ...rest } = couriers
    Object.assign(definition.couriers, rest)
    for (const [id, change] of Object.entries(list ?? {})) {
      const courier = definition.couriers.list.find((candidate) => candidate.id === id) as Courier | undefined
      if (!courier) continue
      if (change.enabled !== undefined) courier.enabled = change.enabled
      if (change.rates) courier.rates = { ...courier.rates, ...structuredClone(change.rates) }
    }
  }
  for (const [category, change] of Object.entries(tax?.categories ?? {})) {
    const target = definition.tax.categories[category]
    if (target && change.rates) target.rates = [...target.rates, ...structuredClone(change.rates)]
  }
  if (flashSales) definition.flashSales = { ...FLASH_SALE_DEFAULTS, ...definition.flashSales, ...flashSales }
  if (features) definition.features = { ...definition.features, ...features }
  return definition
}

/**
 * A field of the effective config as ops wrote it: list positions become
 * the ids they address (`couriers.list.1.rates.bands.0.fee` →
 * `couriers.list.jne.rates.bands.0.fee`), a tax rate its category's list.
 */
export function changeField(field: string, definition: MarketDefinition) {
  return field
    .replace(/^payments\.gateways\.(\d+)/, (_, index) => `payments.gateways.${definition.payments.gateways[Number(index)]?.id ?? index}`)
    .replace(/^couriers\.list\.(\d+)/, (_, index) => `couriers.list.${definition.couriers.list[Number(index)]?.id ?? index}`)
    .replace(/^(tax\.categories\.[^.]+\.rates)\.\d+.*$/, '$1')
}

/** Tax rates that start on or before `day`: what no change may add, alter or take away. */
function ratesInForce(definition: MarketDefinition, day: string) {
  const out = new Map<string, string>()
  for (const [category, { rates }] of Object.entries(definition.tax.categories)) {
    out.set(category, JSON.stringify(rates.filter((rate) => rate.effectiveFrom <= day).sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))))
  }
  return out
}

/**
 * Tax is never retroactive: between the config in force and a candidate,
 * the rates of every category that start on or before the market's local
 * `today` must be the same. A new rate starts tomorrow at the earliest.
 */
export function retroactiveTaxProblems(before: MarketDefinition, after: MarketDefinition, today: string): ShapeProblem[] {
  const old = ratesInForce(before, today)
  const next = ratesInForce(after, today)
  const problems: ShapeProblem[] = []
  for (const [category, rates] of next) {
    if (old.get(category) !== rates) {
      problems.push({
        field: `changes.tax.categories.${category}.rates`,
        message: `a tax rate cannot start on or before today (${today} in ${after.timezone}), nor can one in force be changed or removed: rates start tomorrow at the earliest`,
      })
    }
  }
  return problems
}

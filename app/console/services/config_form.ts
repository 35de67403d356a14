import type { MarketDefinition } from '#markets/define_market'
import { decimalToMinor, minorToDecimal } from '#money/money'

/** One input of the config form; `name` is the field's path in the effective config (as ops' changes and errors name it). */
export interface FormField {
  name: string
  label: string
  kind: 'integer' | 'money' | 'percent' | 'boolean' | 'select' | 'date'
  value: string
  options?: string[]
  /** A field whose value is a new entry (a tax rate), empty unless ops fill it. */
  optional?: boolean
}

export interface FormSection {
  key: string
  /** Sub-groups (a gateway, a courier, a tax category), each with its title. */
  groups: { title: string | null; fields: FormField[]; notes?: string[] }[]
}

const isObject = (value: unknown): value is Record<string, any> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The name of a field's input: its path with `/` for `.` (the body parser
 * reads dots and brackets as nesting, and a path must come back as typed).
 */
export const inputName = (path: string) => path.replaceAll('.', '/')

/**
 * The editable part of a market's effective config as a form grouped by
 * section (the tree EDITABLE allows ops to change), and a posted form back
 * as the `changes` the config service takes: only the fields whose value
 * differs, money typed in the currency's units and stored in minor units, a
 * courier's weight bands or COD surcharge as a whole, a new tax rate added
 * to its category.
 */
export class ConfigForm {
  constructor(private definition: MarketDefinition) {}

  sections(): FormSection[] {
    const d = this.definition
    const money = (name: string, label: string, amount: number | null | undefined): FormField => ({ name, label, kind: 'money', value: amount === null || amount === undefined ? '' : minorToDecimal(amount, d.currency), optional: amount === null || amount === undefined })
    const integer = (name: string, label: string, value: number): FormField => ({ name, label, kind: 'integer', value: String(value) })
    const percent = (name: string, label: string, value: number): FormField => ({ name, label, kind: 'percent', value: String(value) })
    const flag = (name: string, label: string, value: boolean): FormField => ({ name, label, kind: 'boolean', value: value ? 'true' : 'false' })
    return [
      {
        key: 'payments',
        groups: [
          { title: null, fields: [integer('payments.paymentWindowMinutes', 'paymentWindowMinutes', d.payments.paymentWindowMinutes), { name: 'payments.defaultGateway', label: 'defaultGateway', kind: 'select', value: d.payments.defaultGateway, options: d.payments.gateways.map((gateway) => gateway.id) }] },
          ...d.payments.gateways.map((gateway) => ({
            title: `${gateway.name} (${gateway.id})`,
            fields: [
              flag(`payments.gateways.${gateway.id}.enabled`, 'enabled', gateway.enabled !== false),
              money(`payments.gateways.${gateway.id}.maxAmount`, 'maxAmount', gateway.settings?.maxAmount as number | undefined),
            ],
          })),
        ],
      },
      {
        key: 'couriers',
        groups: [
          { title: null, fields: [integer('couriers.shipWithinDays', 'shipWithinDays', d.couriers.shipWithinDays ?? 3), { name: 'couriers.defaultCourier', label: 'defaultCourier', kind: 'select', value: d.couriers.defaultCourier, options: d.couriers.list.map((courier) => courier.id) }] },
          ...d.couriers.list.map((courier) => {
            const at = `couriers.list.${courier.id}`
            const rates = courier.rates
            return {
              title: `${courier.name} (${courier.id})`,
              fields: [
                flag(`${at}.enabled`, 'enabled', courier.enabled !== false),
                ...rates.bands.flatMap((band, index) => [
                  integer(`${at}.rates.bands.${index}.upToGrams`, `band ${index + 1}: upToGrams`, band.upToGrams),
                  money(`${at}.rates.bands.${index}.fee`, `band ${index + 1}: fee`, band.fee),
                ]),
                money(`${at}.rates.perKgStep`, 'perKgStep', rates.perKgStep),
                integer(`${at}.rates.maxWeightGrams`, 'maxWeightGrams', rates.maxWeightGrams),
                money(`${at}.rates.freeShippingThreshold`, 'freeShippingThreshold', rates.freeShippingThreshold),
                ...(rates.codSurcharge ? [percent(`${at}.rates.codSurcharge.percent`, 'codSurcharge.percent', rates.codSurcharge.percent), money(`${at}.rates.codSurcharge.minFee`, 'codSurcharge.minFee', rates.codSurcharge.minFee)] : []),
              ],
            }
          }),
        ],
      },
      {
        key: 'escrow',
        groups: [
          {
            title: null,
            fields: [
              integer('escrow.autoReleaseDays', 'autoReleaseDays', d.escrow.autoReleaseDays),
              percent('escrow.commissionRate', 'commissionRate', d.escrow.commissionRate),
              percent('escrow.paymentFeeRate', 'paymentFeeRate', d.escrow.paymentFeeRate ?? 0),
              money('escrow.fixedFeePerOrder', 'fixedFeePerOrder', d.escrow.fixedFeePerOrder ?? 0),
              integer('escrow.guaranteeExtensionDays', 'guaranteeExtensionDays', d.escrow.guaranteeExtensionDays ?? 3),
              money('escrow.payoutMinimum', 'payoutMinimum', d.escrow.payoutMinimum),
            ],
          },
        ],
      },
      { key: 'returns', groups: [{ title: null, fields: [integer('returns.windowDays', 'windowDays', d.returns.windowDays), integer('returns.sellerResponseDays', 'sellerResponseDays', d.returns.sellerResponseDays)] }] },
      {
        key: 'limits',
        groups: [
          {
            title: null,
            fields: [
              integer('limits.maxCartLines', 'maxCartLines', d.limits.maxCartLines),
              money('limits.maxOrderValue', 'maxOrderValue', d.limits.maxOrderValue),
              integer('limits.checkoutPerMinute', 'checkoutPerMinute', d.limits.checkoutPerMinute),
              integer('limits.apiRequestsPerMinute', 'apiRequestsPerMinute', d.limits.apiRequestsPerMinute),
              integer('limits.anonymousRequestsPerMinute', 'anonymousRequestsPerMinute', d.limits.anonymousRequestsPerMinute),
            ],
          },
        ],
      },
      {
        key: 'flashSales',
        groups: [{ title: null, fields: [integer('flashSales.maxPerBuyerLimit', 'maxPerBuyerLimit', d.flashSales?.maxPerBuyerLimit ?? 100), integer('flashSales.maxDurationHours', 'maxDurationHours', d.flashSales?.maxDurationHours ?? 72)] }],
      },
      { key: 'features', groups: [{ title: null, fields: [flag('features.flashSales', 'flashSales', d.features?.flashSales !== false), flag('features.vouchers', 'vouchers', d.features?.vouchers !== false)] }] },
      {
        key: 'tax',
        groups: Object.entries(d.tax.categories).map(([category, { description, rates }]) => ({
          title: `${category}: ${description}`,
          notes: rates.map((rate) => `${rate.rate} % from ${rate.effectiveFrom}`),
          fields: [
            { name: `tax.categories.${category}.newRate`, label: 'newRate', kind: 'percent', value: '', optional: true },
            { name: `tax.categories.${category}.newRateFrom`, label: 'newRateFrom', kind: 'date', value: '', optional: true },
          ],
        })),
      },
    ]
  }

  /** The changes a posted form asks for, or the fields it could not read (by form field name). */
  changesOf(form: Record<string, unknown>): { changes: Record<string, unknown>; problems: Record<string, string> } {
    const changes: Record<string, unknown> = {}
    const problems: Record<string, string> = {}
    const fields = this.sections().flatMap((section) => section.groups.flatMap((group) => group.fields))
    const posted = (name: string) => {
      const value = form[inputName(name)]
      // A checkbox after its hidden "false": the last value is the one that counts.
      return Array.isArray(value) ? value.at(-1) : value
    }
    const wholes = new Map<string, Record<string, unknown> | unknown[]>()

    for (const field of fields) {
      if (field.kind === 'date' || field.name.endsWith('.newRate')) continue
      const raw = posted(field.name)
      if (raw === undefined) continue
      const text = raw === null ? '' : String(raw).trim()
      if (text === field.value) continue
      const value = this.read(field, text)
      if (value === undefined) {
        problems[field.name] = field.kind === 'money' ? `must be an amount in ${this.definition.currency} (digits, a dot, at most ${minorToDecimal(1, this.definition.currency).split('.')[1]?.length ?? 0} decimals)` : field.kind === 'percent' ? 'must be a percentage (digits, a dot)' : 'must be a whole number'
        continue
      }
      // A courier's bands and COD surcharge change as a whole (the config keeps them as one value).
      const whole = /^(couriers\.list\.[^.]+\.rates\.(?:bands|codSurcharge))\.(.+)$/.exec(field.name)
      if (whole) {
        const [, path, rest] = whole
        if (!wholes.has(path)) wholes.set(path, structuredClone(this.valueAt(path)) as Record<string, unknown> | unknown[])
        this.assign(wholes.get(path) as Record<string, unknown>, rest.split('.'), value)
        continue
      }
      if (field.name.startsWith('payments.gateways.') && field.name.endsWith('.maxAmount') && value === null) continue
      this.assign(changes, field.name.split('.'), value)
    }
    for (const [path, value] of wholes) this.assign(changes, path.split('.'), value)

    for (const category of Object.keys(this.definition.tax.categories)) {
      const base = `tax.categories.${category}`
      const rate = String(posted(`${base}.newRate`) ?? '').trim()
      const from = String(posted(`${base}.newRateFrom`) ?? '').trim()
      if (!rate && !from) continue
      if (!/^\d{1,3}(\.\d{1,4})?$/.test(rate)) problems[`${base}.newRate`] = 'must be a percentage (digits, a dot)'
      if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) problems[`${base}.newRateFrom`] = 'must be the first day of the rate (YYYY-MM-DD)'
      if (problems[`${base}.newRate`] || problems[`${base}.newRateFrom`]) continue
      this.assign(changes, [...base.split('.'), 'rates'], [{ rate: Number(rate), effectiveFrom: from }])
    }
    return { changes, problems }
  }

  /**
   * The form field an error of the config service names (`changes.couriers.list.jnt.rates.bands.1.fee`):
   * the same path without `changes.`, a tax category's rates its new rate.
   */
  static fieldOf(errorField: string) {
    return errorField.replace(/^changes\./, '').replace(/^(tax\.categories\.[^.]+)\.rates(\..*)?$/, '$1.newRate')
  }

  private read(field: FormField, text: string): unknown {
    switch (field.kind) {
      case 'boolean':
        return text === 'true' ? true : text === 'false' ? false : undefined
      case 'select':
        return field.options?.includes(text) ? text : undefined
      case 'integer':
        return /^\d{1,12}$/.test(text) ? Number(text) : undefined
      case 'percent':
        return /^\d{1,3}(\.\d{1,4})?$/.test(text) ? Number(text) : undefined
      case 'money':
        if (text === '' && field.optional) return null
        return decimalToMinor(text, this.definition.currency) ?? undefined
      default:
        return undefined
    }
  }

  private valueAt(path: string): unknown {
    const [, , id, , key] = path.split('.')
    const courier = this.definition.couriers.list.find((candidate) => candidate.id === id)
    return (courier?.rates as unknown as Record<string, unknown>)?.[key]
  }

  private assign(target: Record<string, any>, path: string[], value: unknown) {
    let node = target
    for (const key of path.slice(0, -1)) {
      if (!isObject(node[key]) && !Array.isArray(node[key])) node[key] = {}
      node = node[key]
    }
    node[path.at(-1)!] = value
  }
}

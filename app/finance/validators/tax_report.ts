import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { DateTime } from 'luxon'

/** Longest range one report covers: a year (leap years included). */
export const MAX_REPORT_DAYS = 366

const day = () => vine.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/)

/** `to` on or after `from`, and at most a year after. */
const rangeRule = vine.createRule((value: unknown, _: undefined, field: FieldContext) => {
  const from = DateTime.fromISO(String(field.parent.from ?? ''), { zone: 'utc' })
  const to = DateTime.fromISO(String(value), { zone: 'utc' })
  if (!to.isValid) return field.report('to must be a date (YYYY-MM-DD)', 'date', field)
  if (!from.isValid) return
  if (to < from) return field.report('to must be on or after from', 'afterOrEqual', field)
  if (to.diff(from, 'days').days + 1 > MAX_REPORT_DAYS) field.report(`to: a report covers at most ${MAX_REPORT_DAYS} days`, 'maxRange', field, { max: MAX_REPORT_DAYS })
})

const validDay = vine.createRule((value: unknown, _: undefined, field: FieldContext) => {
  if (!DateTime.fromISO(String(value), { zone: 'utc' }).isValid) field.report(`${field.name} must be a date (YYYY-MM-DD)`, 'date', field)
})

export const taxReportQuery = vine.create(
  vine.object({
    from: day().use(validDay()),
    to: day().use(rangeRule()),
    format: vine.enum(['json', 'csv', 'xlsx'] as const).optional(),
    /** `lines`: every taxed and refunded line (CSV only), for audits. */
    detail: vine.enum(['summary', 'lines'] as const).optional(),
    /** `tax` (default): per day, category and rate; `sellers`: turnover and withholding per seller and month; `platform`: the platform's income and its output tax per month. */
    report: vine.enum(['tax', 'sellers', 'platform'] as const).optional(),
  })
)

export const exportRequestValidator = vine.create(
  vine.object({
    from: day().use(validDay()),
    to: day().use(rangeRule()),
    format: vine.enum(['csv', 'xlsx'] as const),
    detail: vine.enum(['summary', 'lines'] as const).optional(),
  })
)

export const closePeriodParams = vine.create(
  vine.object({
    month: vine.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  })
)

/** A download link's query: its expiry (epoch seconds) and signature. */
export const downloadQuery = vine.create(
  vine.object({
    expires: vine.number().withoutDecimals().min(0),
    signature: vine.string().regex(/^[A-Za-z0-9_-]{43}$/),
  })
)

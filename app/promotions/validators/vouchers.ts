import vine from '@vinejs/vine'
import { isoDateTime, publicId, slug } from '#validation/rules'

const minor = () => vine.number({ strict: true }).withoutDecimals().min(1).max(Number.MAX_SAFE_INTEGER)

const fields = {
  code: vine.string().trim().regex(/^[A-Za-z0-9]{3,24}$/),
  kind: vine.enum(['percent', 'fixed', 'free_shipping'] as const),
  percent: vine.number({ strict: true }).decimal([0, 2]).range([0.01, 100]).optional(),
  amount: minor().optional(),
  maxDiscount: minor().optional(),
  minSpend: vine.number({ strict: true }).withoutDecimals().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  startsAt: isoDateTime(),
  endsAt: isoDateTime(),
  maxUses: vine.number({ strict: true }).withoutDecimals().range([1, 100_000_000]).optional(),
  budgetAmount: minor().optional(),
  perBuyerLimit: vine.number({ strict: true }).withoutDecimals().range([1, 1000]).optional(),
  eligibleCategories: vine.array(slug()).minLength(1).maxLength(100).distinct().optional(),
}

/** Ops of a market: platform vouchers, optionally limited to some shops. */
export const platformVoucherValidator = vine.create(vine.object({ ...fields, eligibleShops: vine.array(publicId()).minLength(1).maxLength(500).distinct().optional() }))

/** A seller: vouchers of its own shop. */
export const shopVoucherValidator = vine.create(vine.object(fields))

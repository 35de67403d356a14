import { DateTime } from 'luxon'
import type { MarketContext } from '#markets/market_context'
import type { Voucher, VoucherKind, VoucherScope } from '#promotions/voucher_rules'
import { errors as vineErrors } from '@vinejs/vine'
import { DomainError } from '#exceptions/domain_error'

export class VoucherUnavailableError extends DomainError {
  static status = 409
  static code = 'E_VOUCHER_UNAVAILABLE'
  constructor(code: string, reason: 'used_up' | 'limit_reached') {
    super(`Voucher ${code} cannot be used: ${reason}`, { code, reason }, { details: { voucher: code, reason } })
  }
}

export interface VoucherInput {
  code: string
  kind: VoucherKind
  percent?: number
  amount?: number
  maxDiscount?: number
  minSpend?: number
  startsAt: string
  endsAt: string
  maxUses?: number
  budgetAmount?: number
  perBuyerLimit?: number
  eligibleShops?: string[]
  eligibleCategories?: string[]
}

/** One use of a voucher by a checkout: its amount per order. */
export interface Redemption {
  voucherId: number
  code: string
  buyerId: number
  checkoutId: string
  perBuyerLimit: number | null
  amount: number
  orders: { number: string; amount: number }[]
}

const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value)

export function voucherOf(row: Record<string, any>): Voucher {
  return {
    id: Number(row.id),
    publicId: row.public_id,
    code: row.code,
    scope: row.scope,
    shopId: row.shop_id === null ? null : Number(row.shop_id),
    kind: row.kind,
    percent: row.percent === null ? null : Number(row.percent),
    amount: row.amount === null ? null : Number(row.amount),
    maxDiscount: row.max_discount === null ? null : Number(row.max_discount),
    minSpend: Number(row.min_spend),
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.ends_at),
    maxUses: row.max_uses === null ? null : Number(row.max_uses),
    budgetAmount: row.budget_amount === null ? null : Number(row.budget_amount),
    usesCount: Number(row.uses_count),
    amountUsed: Number(row.amount_used),
    perBuyerLimit: row.per_buyer_limit === null ? null : Number(row.per_buyer_limit),
    eligibleShops: json(row.eligible_shops),
    eligibleCategories: json(row.eligible_categories),
    status: row.status,
  }
}

/**
 * Vouchers (DESIGN.md §13): created by ops of a market (platform, funded
 * by the platform) or by a seller for its shop (funded by the seller),
 * read by checkout pricing, redeemed in the order's own transaction by
 * conditional UPDATEs (never past the uses or the amount budget; the row
 * lock then also serializes the per-buyer count), given back once when
 * an order is cancelled or refunded.
 */
export class VoucherService {
  /** Validates and stores a voucher; every bad field is named. Times are the market's local time unless they carry an offset. */
  async create(market: MarketContext, scope: VoucherScope, input: VoucherInput, by: { shopId?: number; actor: string }) {
    const problems: { field: string; rule: string; message: string; meta?: Record<string, unknown> }[] = []
    const step = 10 ** Math.max(0, market.currencyExponent - market.priceDecimals)
    const startsAt = DateTime.fromISO(input.startsAt, { zone: market.timezone })
    const endsAt = DateTime.fromISO(input.endsAt, { zone: market.timezone })
    if (endsAt <= startsAt) problems.push({ field: 'endsAt', rule: 'afterStart', message: 'endsAt must be after startsAt' })
    if (input.kind === 'percent') {
      if (input.percent === undefined) problems.push({ field: 'percent', rule: 'required', message: 'percent is required for a percent voucher' })
      if (input.amount !== undefined) problems.push({ field: 'amount', rule: 'notForKind', message: 'amount is not for a percent voucher (use percent and maxDiscount)' })
    } else {
      if (input.amount === undefined) problems.push({ field: 'amount', rule: 'required', message: `amount is required for a ${input.kind} voucher` })
      if (input.percent !== undefined) problems.push({ field: 'percent', rule: 'notForKind', message: `percent is not for a ${input.kind} voucher` })
      if (input.maxDiscount !== undefined) problems.push({ field: 'maxDiscount', rule: 'notForKind', message: 'maxDiscount (a cap) is only for percent vouchers' })
    }
    for (const field of ['amount', 'maxDiscount', 'minSpend', 'budgetAmount'] as const) {
      const value = input[field]
      if (value !== undefined && value % step !== 0) problems.push({ field, rule: 'priceStep', message: `${field} must be a multiple of ${step} minor units of ${market.currency}`, meta: { step } })
    }
    if (scope === 'shop' && input.eligibleShops) problems.push({ field: 'eligibleShops', rule: 'notForScope', message: 'eligibleShops is for platform vouchers: a shop voucher covers its own shop' })
    let shopIds: number[] | null = null
    if (input.eligibleShops) {
      const shops = await market.table('shops').whereIn('public_id', input.eligibleShops).select('id', 'public_id')
      input.eligibleShops.forEach((id, index) => {
        if (!shops.some((shop) => shop.public_id === id)) problems.push({ field: `eligibleShops.${index}`, rule: 'exists', message: `eligibleShops.${index} is not a shop of ${market.code}` })
      })
      shopIds = shops.map((shop) => Number(shop.id))
    }
    let categoryIds: number[] | null = null
    if (input.eligibleCategories) {
      const all = await market.table('categories').select('id', 'slug', 'parent_id')
      const ids: number[] = []
      input.eligibleCategories.forEach((slug, index) => {
        const root = all.find((category) => category.slug === slug)
        if (!root) return problems.push({ field: `eligibleCategories.${index}`, rule: 'exists', message: `eligibleCategories.${index} is not a category of ${market.code}` })
        // The category and every descendant.
        const queue = [Number(root.id)]
        while (queue.length) {
          const id = queue.shift()!
          ids.push(id)
          for (const child of all.filter((category) => Number(category.parent_id) === id)) queue.push(Number(child.id))
        }
      })
      categoryIds = [...new Set(ids)]
    }
    const code = input.code.toUpperCase()
    if (await market.table('vouchers').where('code', code).first()) problems.push({ field: 'code', rule: 'unique', message: `code ${code} is already a voucher of ${market.code}` })
    if (problems.length) throw new vineErrors.E_VALIDATION_ERROR(problems)

    const publicId = market.publicId()
    await this.insertVoucher(market, code, {
      public_id: publicId,
      code,
      scope,
      shop_id: by.shopId ?? null,
      kind: input.kind,
      percent: input.percent ?? null,
      amount: input.amount ?? null,
      max_discount: input.maxDiscount ?? null,
      min_spend: input.minSpend ?? 0,
      starts_at: startsAt.toUTC().toJSDate(),
      ends_at: endsAt.toUTC().toJSDate(),
      max_uses: input.maxUses ?? null,
      budget_amount: input.budgetAmount ?? null,
      per_buyer_limit: input.perBuyerLimit ?? null,
      eligible_shops: shopIds ? JSON.stringify(shopIds) : null,
      eligible_categories: categoryIds ? JSON.stringify(categoryIds) : null,
      status: 'active',
      created_by: by.actor,
      created_at: new Date(),
      updated_at: new Date(),
    })
    return this.find(market, publicId)
  }

  /** The unique index decides between parallel creations of one code: the loser is told, as the check above tells. */
  private async insertVoucher(market: MarketContext, code: string, row: Record<string, unknown>) {
    try {
      await market.insert('vouchers', row)
    } catch (error) {
      if ((error as { code?: string }).code !== 'ER_DUP_ENTRY') throw error
      throw new vineErrors.E_VALIDATION_ERROR([{ field: 'code', rule: 'unique', message: `code ${code} is already a voucher of ${market.code}` }])
    }
  }

  async find(market: MarketContext, publicId: string) {
    return market.table('vouchers').where('public_id', publicId).first()
  }

  async list(market: MarketContext, filter: { scope: VoucherScope; shopId?: number; limit: number; beforeId?: number }) {
    const query = market.table('vouchers').where('scope', filter.scope).orderBy('id', 'desc').limit(filter.limit + 1)
    if (filter.shopId !== undefined) query.where('shop_id', filter.shopId)
    if (filter.beforeId) query.where('id', '<', filter.beforeId)
    return query
  }

  /** The vouchers a checkout names (by code, case-insensitive) and how often this buyer used each (checkouts, not orders). */
  async forCheckout(market: MarketContext, codes: string[], buyerId: number | null) {
    const found = new Map<string, Voucher>()
    const uses = new Map<number, number>()
    if (codes.length === 0) return { found, uses }
    const rows = await market.table('vouchers').whereIn('code', codes.map((code) => code.toUpperCase()))
    for (const row of rows) found.set(row.code, voucherOf(row))
    // Only vouchers with a per-buyer limit need the buyer's uses (one query fewer on a hot checkout).
    const limited = rows.filter((row) => row.per_buyer_limit !== null)
    if (buyerId !== null && limited.length) {
      const counted = await market
        .table('voucher_redemptions')
        .whereIn('voucher_id', limited.map((row) => row.id))
        .where('buyer_id', buyerId)
        .where('status', 'active')
        .groupBy('voucher_id')
        .select('voucher_id')
        .countDistinct('checkout_id as uses')
      for (const row of counted) uses.set(Number(row.voucher_id), Number(row.uses))
    }
    return { found, uses }
  }

  /**
   * Redeems a checkout's vouchers in the order's transaction: one use and
   * its amount taken by a conditional UPDATE (0 rows: used up, 409, the
   * whole checkout rolls back), then the buyer's uses counted under the
   * voucher's row lock (so parallel checkouts of one buyer cannot both pass
   * the limit), then one redemption row per order.
   */
  async redeem(market: MarketContext, redemptions: Redemption[]) {
    // Voucher rows locked in id order (no deadlock between groups). A group of checkouts (group commit) using
    // a voucher without a per-buyer limit takes its uses in one UPDATE: all fit the budget, or the group rolls
    // back and each checkout is written alone.
    const byVoucher = new Map<number, Redemption[]>()
    for (const redemption of redemptions) byVoucher.set(redemption.voucherId, [...(byVoucher.get(redemption.voucherId) ?? []), redemption])
    for (const voucherId of [...byVoucher.keys()].sort((a, b) => a - b)) {
      const group = byVoucher.get(voucherId)!
      const together = group[0].perBuyerLimit === null ? [group] : group.map((redemption) => [redemption])
      for (const batch of together) {
        const amount = batch.reduce((sum, redemption) => sum + redemption.amount, 0)
        const taken = await market
          .table('vouchers')
          .where('id', voucherId)
          .where('status', 'active')
          .where((query) => query.whereNull('max_uses').orWhereRaw('uses_count + ? <= max_uses', [batch.length]))
          .where((query) => query.whereNull('budget_amount').orWhereRaw('amount_used + ? <= budget_amount', [amount]))
          .update({ uses_count: market.db.raw('uses_count + ?', [batch.length]), amount_used: market.db.raw('amount_used + ?', [amount]), updated_at: new Date() })
        if (Number(taken) === 0) throw new VoucherUnavailableError(batch[0].code, 'used_up')
        const limit = batch[0].perBuyerLimit
        if (limit !== null) {
          const used = await market
            .table('voucher_redemptions')
            .where('voucher_id', voucherId)
            .where('buyer_id', batch[0].buyerId)
            .where('status', 'active')
            .countDistinct('checkout_id as uses')
            // A locking read: it sees what committed after this transaction's snapshot (a parallel checkout of this buyer).
            .forShare()
            .first()
          if (Number(used?.uses ?? 0) >= limit) throw new VoucherUnavailableError(batch[0].code, 'limit_reached')
        }
        await this.insertRedemptions(market, batch)
      }
    }
  }

  private async insertRedemptions(market: MarketContext, redemptions: Redemption[]) {
    await market.insert(
      'voucher_redemptions',
      redemptions.flatMap((redemption) =>
        redemption.orders.map((order) => ({
          voucher_id: redemption.voucherId,
          buyer_id: redemption.buyerId,
          checkout_id: redemption.checkoutId,
          order_number: order.number,
          amount: order.amount,
          status: 'active',
          created_at: new Date(),
        }))
      )
    )
  }

  /**
   * An order cancelled or refunded in full: its share of each voucher's
   * amount goes back to the budget (once: the redemption row flips from
   * active), and the use itself when no order of that checkout still holds
   * the voucher. Returns how many redemptions it gave back.
   */
  async giveBack(market: MarketContext, orderNumber: string) {
    return market.transaction(async (market) => {
      const rows = await market.table('voucher_redemptions').where('order_number', orderNumber).where('status', 'active').orderBy('voucher_id')
      let returned = 0
      for (const row of rows) {
        // The voucher row first, as redemption locks it: the two never wait on each other in opposite orders,
        // and two orders of one checkout given back at once see each other's flip (locking reads below).
        await market.table('vouchers').where('id', row.voucher_id).forUpdate().select('id')
        const flipped = await market.table('voucher_redemptions').where('id', row.id).where('status', 'active').update({ status: 'returned', returned_at: new Date() })
        if (Number(flipped) === 0) continue
        returned++
        const stillHeld = await market.table('voucher_redemptions').where('voucher_id', row.voucher_id).where('checkout_id', row.checkout_id).where('status', 'active').forShare().first()
        await market
          .table('vouchers')
          .where('id', row.voucher_id)
          .update({
            amount_used: market.db.raw('GREATEST(amount_used - ?, 0)', [Number(row.amount)]),
            ...(!stillHeld && { uses_count: market.db.raw('GREATEST(uses_count - 1, 0)') }),
            updated_at: new Date(),
          })
      }
      return returned
    })
  }

}

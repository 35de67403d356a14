import type { MarketContext } from '#markets/market_context'
import { Outbox } from '#messaging/services/outbox'
import { Accounts } from '#escrow/ledger_accounts'
import { EscrowService } from '#escrow/services/escrow_service'
import { requestHash } from '#http/idempotency'
import { fieldError } from '#exceptions/field_error'
import { NotFoundError } from '#exceptions/not_found_error'

/** The shop a payout is for, and the account asking. */
export interface PayoutShop {
  id: number
  publicId: string
  accountId: number
}

export type PayoutStatus = 'processing' | 'paid' | 'failed'

/**
 * The seller's wallet and payouts (DESIGN.md §8). Available money is the
 * shop's payable account; a payout moves it to payout clearing at once
 * (the ledger refuses more than is available, under the account's row
 * lock, so twenty parallel requests cannot spend it twice), then the
 * disbursement provider settles it asynchronously: paid, or failed and the
 * money back in the wallet.
 */
export class PayoutService {
  #escrow = new EscrowService()

  async wallet(market: MarketContext, shop: Pick<PayoutShop, 'id' | 'publicId'>) {
    const available = await this.#escrow.available(market, shop.publicId)
    const escrow = await market.table('ledger_accounts').where('owner', shop.publicId).where('kind', 'escrow').sum('balance as held').first()
    const payouts = await market.table('payouts').where('shop_id', shop.id).groupBy('status').select('status').sum('amount as amount')
    const byStatus = new Map(payouts.map((row) => [row.status as string, Number(row.amount)]))
    return {
      available,
      // Escrow accounts are credit-normal: what they hold is the negated balance.
      inEscrow: 0 - Number(escrow?.held ?? 0) || 0,
      payingOut: byStatus.get('processing') ?? 0,
      paidOut: byStatus.get('paid') ?? 0,
    }
  }

  /** The wallet's entries, newest first: what each order released, each payout and each returned payout. */
  async entries(market: MarketContext, shopPublicId: string, options: { limit: number; beforeId?: number }) {
    const query = market
      .table('ledger_accounts as a')
      .join('ledger_legs as l', 'l.account_id', 'a.id')
      .join('ledger_transfers as t', 't.id', 'l.transfer_id')
      .where('a.code', Accounts.sellerPayable(shopPublicId).code)
      .orderBy('l.id', 'desc')
      .limit(options.limit + 1)
      .select('l.id', 'l.amount', 't.kind', 't.reference', 't.metadata', 't.occurred_at')
    if (options.beforeId) query.where('l.id', '<', options.beforeId)
    const rows = await query
    return rows.map((row) => ({
      id: Number(row.id),
      kind: row.kind as string,
      reference: row.reference as string | null,
      // Credits grow a payable: shown to the seller as positive.
      amount: 0 - Number(row.amount) || 0,
      metadata: typeof row.metadata === 'string' ? JSON.parse(row.metadata) : row.metadata,
      occurredAt: new Date(row.occurred_at),
    }))
  }

  async list(market: MarketContext, shopId: number, options: { limit: number; beforeId?: number }) {
    const query = market.table('payouts').where('shop_id', shopId).orderBy('id', 'desc').limit(options.limit + 1)
    if (options.beforeId) query.where('id', '<', options.beforeId)
    return query
  }

  /**
   * A payout of `amount` from the wallet. The Idempotency-Key is claimed
   * first in the transaction: a parallel retry with the same key waits for
   * it and answers the same payout; the key with another amount is a 422.
   */
  async request(market: MarketContext, shop: PayoutShop, amount: number, idempotencyKey: string): Promise<{ status: number; payout: Record<string, any> }> {
    const hash = requestHash({ route: 'seller.payouts', shop: shop.publicId, amount })
    const minimum = market.config.escrow.payoutMinimum ?? 1
    if (amount < minimum) {
      throw fieldError('amount', 'min', `amount must be at least ${market.moneyView(minimum).formatted}`, { min: minimum })
    }
    return market.transaction(async (market) => {
      try {
        await market.insert('idempotency_keys', {
          buyer_id: shop.accountId,
          idempotency_key: idempotencyKey,
          request_hash: hash,
          response_status: 0,
          response_body: '{}',
          created_at: new Date(),
        })
      } catch (error) {
        if ((error as { code?: string }).code !== 'ER_DUP_ENTRY') throw error
        const stored = await market.table('idempotency_keys').where('buyer_id', shop.accountId).where('idempotency_key', idempotencyKey).first()
        if (stored.request_hash !== hash) throw fieldError('Idempotency-Key', 'idempotencyReused', 'Idempotency-Key was used with a different request')
        const { payout } = JSON.parse(stored.response_body) as { payout: string }
        return { status: 200, payout: await this.find(market, shop.id, payout) }
      }
      const publicId = market.publicId()
      await market.insert('payouts', {
        public_id: publicId,
        shop_id: shop.id,
        amount,
        currency: market.currency,
        status: 'processing',
        provider: 'sandbox',
        created_at: new Date(),
        updated_at: new Date(),
      })
      // Refused (409 E_INSUFFICIENT_FUNDS) beyond the available balance: the whole request rolls back, key included.
      await this.#escrow.payout(market, { publicId, shopPublicId: shop.publicId, amount })
      await Outbox.record(market, { domain: 'escrow', name: 'payout_requested', data: { payout: publicId, shop: shop.publicId, amount, currency: market.currency } })
      await market
        .table('idempotency_keys')
        .where('buyer_id', shop.accountId)
        .where('idempotency_key', idempotencyKey)
        .update({ response_status: 201, response_body: JSON.stringify({ payout: publicId }) })
      return { status: 201, payout: await this.find(market, shop.id, publicId) }
    })
  }

  async find(market: MarketContext, shopId: number, publicId: string) {
    const payout = await market.table('payouts').where('shop_id', shopId).where('public_id', publicId).first()
    if (!payout) throw new NotFoundError('payout')
    return payout
  }

  /** The disbursement provider's answer: settled, or failed with the money back in the wallet. Applied once. */
  async settle(market: MarketContext, publicId: string, shopPublicId: string, outcome: { ok: true; reference: string } | { ok: false; reason: string }) {
    await market.transaction(async (market) => {
      const payout = await market.table('payouts').where('public_id', publicId).forUpdate().first()
      if (!payout || payout.status !== 'processing') return
      const money = { publicId, shopPublicId, amount: Number(payout.amount) }
      if (outcome.ok) {
        await this.#escrow.payoutSettled(market, money, payout.provider)
        await market.table('payouts').where('id', payout.id).update({ status: 'paid', provider_reference: outcome.reference, updated_at: new Date() })
      } else {
        await this.#escrow.payoutFailed(market, money)
        await market.table('payouts').where('id', payout.id).update({ status: 'failed', failure_reason: outcome.reason.slice(0, 200), updated_at: new Date() })
      }
      await Outbox.record(market, { domain: 'escrow', name: outcome.ok ? 'payout_paid' : 'payout_failed', data: { payout: publicId, shop: shopPublicId, amount: money.amount } })
    })
  }
}

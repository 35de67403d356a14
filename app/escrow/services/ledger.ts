import type { MarketContext } from '#markets/market_context'
import type { AccountSpec } from '#escrow/ledger_accounts'
import { DomainError } from '#exceptions/domain_error'

export interface Leg {
  account: AccountSpec
  /** Integer minor units: positive debits, negative credits. */
  amount: number
}

export interface TransferInput {
  /** Idempotency: one transfer per key and market, however often it is posted. */
  key: string
  kind: 'capture' | 'release' | 'refund' | 'payout' | 'payout_settled' | 'payout_failed' | 'cod_collected' | 'clawback'
  /** Accounts this journal may take below zero: only an explicit clawback from a seller who was already paid. */
  overdraw?: string[]
  /** What it is about (an order or payout number). */
  reference: string | null
  legs: Leg[]
  metadata?: Record<string, unknown>
}

export class LedgerRuleError extends DomainError {
  static status = 409
  static code = 'E_INSUFFICIENT_FUNDS'
  constructor(account: string) {
    super(`The transfer would take ${account} below zero`, { account }, { details: { account } })
  }
}

/**
 * The double-entry ledger of a market, in its shard. A transfer is one
 * journal of legs that sum to zero, written with every balance it changes
 * in one transaction: the accounts are locked in code order (no deadlock
 * between transfers), each `mustNotGoNegative` account is checked on its
 * normal side, the legs are appended (never updated: a correction is a new
 * transfer), and each account's cached balance and version move with them.
 * Posting the same key again returns the first transfer and changes nothing.
 */
export class Ledger {
  async post(market: MarketContext, input: TransferInput): Promise<{ transferId: number; created: boolean }> {
    const legs = input.legs.filter((leg) => leg.amount !== 0)
    for (const leg of legs) if (!Number.isSafeInteger(leg.amount)) throw new Error(`ledger amounts are integer minor units, got ${leg.amount}`)
    const sum = legs.reduce((total, leg) => total + leg.amount, 0)
    if (sum !== 0) throw new Error(`a journal must balance: ${input.kind} ${input.key} sums to ${sum}`)

    return market.transaction(async (market) => {
      const existing = await market.table('ledger_transfers').where('transfer_key', input.key).select('id').first()
      if (existing) return { transferId: Number(existing.id), created: false }

      const specs = new Map(legs.map((leg) => [leg.account.code, leg.account]))
      const codes = [...specs.keys()].sort()
      if (codes.length) {
        await market.upsert(
          'ledger_accounts',
          codes.map((code) => {
            const spec = specs.get(code)!
            return { code, kind: spec.kind, owner: spec.owner ?? null, currency: market.currency, normal_side: spec.normal, must_not_go_negative: spec.mustNotGoNegative, balance: 0, version: 0, created_at: new Date() }
          }),
          ['code'],
          []
        )
      }
      const rows = codes.length ? await market.table('ledger_accounts').whereIn('code', codes).orderBy('code').forUpdate() : []
      const accounts = new Map(rows.map((row) => [row.code as string, row]))
      const change = new Map<string, number>()
      for (const leg of legs) change.set(leg.account.code, (change.get(leg.account.code) ?? 0) + leg.amount)
      for (const [code, delta] of change) {
        const row = accounts.get(code)!
        const after = Number(row.balance) + delta
        const normal = row.normal_side === 'credit' ? -after : after
        if (row.must_not_go_negative && normal < 0 && !input.overdraw?.includes(code)) throw new LedgerRuleError(code)
      }

      let transferId: number
      try {
        transferId = await market.insert('ledger_transfers', {
          transfer_key: input.key,
          kind: input.kind,
          reference: input.reference,
          currency: market.currency,
          metadata: input.metadata ? JSON.stringify(input.metadata) : null,
          occurred_at: new Date(),
        })
      } catch (error) {
        // A parallel post of the same key won: the transfer exists once.
        if ((error as { code?: string }).code !== 'ER_DUP_ENTRY') throw error
        const first = await market.table('ledger_transfers').where('transfer_key', input.key).select('id').first()
        return { transferId: Number(first.id), created: false }
      }
      if (legs.length) {
        await market.insert(
          'ledger_legs',
          legs.map((leg) => ({ transfer_id: transferId, account_id: accounts.get(leg.account.code)!.id, amount: leg.amount }))
        )
      }
      for (const [code, delta] of change) {
        const row = accounts.get(code)!
        await market.table('ledger_accounts').where('id', row.id).where('version', row.version).update({ balance: Number(row.balance) + delta, version: Number(row.version) + 1 })
      }
      return { transferId, created: true }
    })
  }

  /** The journals of some references (an order number, a payment id), oldest first, each with its legs: every one sums to zero. */
  async journalsOf(market: MarketContext, references: string[]) {
    if (references.length === 0) return []
    const transfers = await market.table('ledger_transfers').whereIn('reference', references).orderBy('id')
    const legs = transfers.length
      ? await market
          .table('ledger_legs as l')
          .join('ledger_accounts as a', 'a.id', 'l.account_id')
          .whereIn('l.transfer_id', transfers.map((transfer) => transfer.id))
          .orderBy('l.id')
          .select('l.transfer_id', 'l.amount', 'a.code')
      : []
    return transfers.map((transfer) => ({
      kind: transfer.kind as string,
      key: transfer.transfer_key as string,
      reference: transfer.reference as string,
      currency: transfer.currency as string,
      occurredAt: transfer.occurred_at as Date,
      legs: legs.filter((leg) => leg.transfer_id === transfer.id).map((leg) => ({ account: leg.code as string, amount: Number(leg.amount) })),
    }))
  }

  /** An account's balance on its normal side (what it holds), 0 when it has no leg yet. */
  async balance(market: MarketContext, account: AccountSpec): Promise<number> {
    const row = await market.table('ledger_accounts').where('code', account.code).select('balance', 'normal_side').first()
    if (!row) return 0
    return row.normal_side === 'credit' ? 0 - Number(row.balance) || 0 : Number(row.balance)
  }

  /** Every account with its balance (debits positive) and the sum, which must be zero. */
  async trialBalance(market: MarketContext, at?: Date) {
    const query = market
      .table('ledger_accounts as a')
      .join('ledger_legs as l', 'l.account_id', 'a.id')
      .join('ledger_transfers as t', 't.id', 'l.transfer_id')
      .groupBy('a.id', 'a.code', 'a.kind', 'a.normal_side')
      .select('a.code', 'a.kind', 'a.normal_side')
      .sum('l.amount as balance')
      .orderBy('a.code')
    if (at) query.where('t.occurred_at', '<=', at)
    const rows = await query
    const accounts = rows.map((row) => ({ code: row.code as string, kind: row.kind as string, normalSide: row.normal_side as string, balance: Number(row.balance) }))
    return { accounts, total: accounts.reduce((sum, row) => sum + row.balance, 0) }
  }
}

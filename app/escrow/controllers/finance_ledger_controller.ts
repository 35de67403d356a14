import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { Ledger } from '#escrow/services/ledger'
import { trialBalanceQuery } from '#escrow/validators/payouts'

/** Finance reads a market's ledger (staff host). */
export default class FinanceLedgerController {
  #ledger = new Ledger()

  /** Every account's balance (debits positive) at `?at=` (now by default, read in the market's timezone without an offset); the total is zero. */
  async trialBalance(ctx: HttpContext) {
    const { market } = ctx
    const { at } = await trialBalanceQuery.validate(ctx.request.qs())
    const asOf = at ? DateTime.fromISO(at, { zone: market.timezone }).toUTC().toJSDate() : new Date()
    const { accounts, total } = await this.#ledger.trialBalance(market, asOf)
    const view = (amount: number) => market.moneyView(amount)
    return {
      data: {
        market: market.code,
        currency: market.currency,
        at: asOf.toISOString(),
        accounts: accounts.map((account) => ({ code: account.code, kind: account.kind, normalSide: account.normalSide, balance: view(account.balance) })),
        debits: view(accounts.reduce((sum, account) => sum + Math.max(account.balance, 0), 0)),
        credits: view(accounts.reduce((sum, account) => sum - Math.min(account.balance, 0), 0)),
        total: view(total),
        balanced: total === 0,
      },
    }
  }
}

/**
 * The accounts of a market's ledger (DESIGN.md §8), by what they hold.
 * `normal`: the side that grows the account (debits for what others owe
 * us, credits for what we owe); `mustNotGoNegative`: checked on that side,
 * inside the transfer, under the account's row lock.
 */
export interface AccountSpec {
  code: string
  kind: string
  normal: 'debit' | 'credit'
  mustNotGoNegative: boolean
  /** The shop whose money it is (its payable, its orders' escrow). */
  owner?: string
}

const account = (kind: string, id: string | null, normal: 'debit' | 'credit', mustNotGoNegative = false, owner?: string): AccountSpec => ({
  code: id === null ? kind : `${kind}:${id}`,
  kind,
  normal,
  mustNotGoNegative,
  owner,
})

export const Accounts = {
  /** What a gateway has collected for us and not yet settled (or has to pay back). */
  gatewayClearing: (gateway: string) => account('gateway_clearing', gateway, 'debit'),
  /** The buyer's money for one order, held until delivery. */
  escrow: (orderNumber: string, shopPublicId?: string) => account('escrow', orderNumber, 'credit', true, shopPublicId),
  /** What a shop has earned and not been paid out. */
  sellerPayable: (shopPublicId: string) => account('seller_payable', shopPublicId, 'credit', true, shopPublicId),
  /** Paid out to sellers, not yet settled by the disbursement provider. */
  payoutClearing: () => account('payout_clearing', null, 'credit'),
  /** What the disbursement provider has sent to sellers out of our funds. */
  disbursements: (provider: string) => account('disbursements', provider, 'debit'),
  platformCommission: () => account('platform_commission', null, 'credit'),
  platformFees: () => account('platform_fees', null, 'credit'),
  /** What platform vouchers cost the platform (an expense). */
  platformPromotions: () => account('platform_promotions', null, 'debit'),
  /** Shipping fees the platform collected for a courier. */
  courierPayable: (courier: string) => account('courier_payable', courier, 'credit'),
  /** Cash a courier collected on delivery and owes us. */
  courierCod: (courier: string) => account('courier_cod', courier, 'debit'),
  /** Refunds to buyers without a gateway to return them through (COD): their platform wallet. */
  buyerWallet: (buyerPublicId: string) => account('buyer_wallet', buyerPublicId, 'credit', true),
}

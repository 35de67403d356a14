import type { MarketContext } from '#markets/market_context'

export function payoutResource(market: MarketContext, payout: Record<string, any>) {
  return {
    id: payout.public_id,
    amount: market.moneyView(Number(payout.amount), payout.currency),
    status: payout.status,
    provider: payout.provider,
    providerReference: payout.provider_reference ?? null,
    failureReason: payout.failure_reason ?? null,
    requestedAt: new Date(payout.created_at).toISOString(),
    updatedAt: new Date(payout.updated_at).toISOString(),
  }
}

export function walletResource(market: MarketContext, wallet: { available: number; inEscrow: number; payingOut: number; paidOut: number }) {
  return {
    currency: market.currency,
    available: market.moneyView(wallet.available),
    inEscrow: market.moneyView(wallet.inEscrow),
    payingOut: market.moneyView(wallet.payingOut),
    paidOut: market.moneyView(wallet.paidOut),
    payoutMinimum: market.moneyView(market.config.escrow.payoutMinimum ?? 1),
  }
}

export function walletEntryResource(market: MarketContext, entry: { kind: string; reference: string | null; amount: number; metadata: any; occurredAt: Date }) {
  return {
    kind: entry.kind,
    // The order a release is for, the payout a payout entry is.
    order: entry.kind === 'release' ? entry.reference : null,
    payout: entry.kind.startsWith('payout') ? entry.reference : null,
    amount: market.moneyView(entry.amount),
    breakdown:
      entry.kind === 'release' && entry.metadata
        ? {
            commission: market.moneyView(entry.metadata.commission),
            paymentFee: market.moneyView(entry.metadata.paymentFee),
            fixedFee: market.moneyView(entry.metadata.fixedFee),
            shipping: market.moneyView(entry.metadata.courier),
          }
        : null,
    occurredAt: entry.occurredAt.toISOString(),
  }
}

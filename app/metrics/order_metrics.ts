import { Counter, register } from 'prom-client'

/**
 * Transactions of the order writer, by kind: `group` (several checkouts in
 * one transaction, committed), `single` (one checkout, committed) and
 * `fallback` (a group rolled back, its checkouts then written one by one).
 * With the checkouts counter, mean group size = checkouts / transactions.
 */
export const orderWriteTransactions =
  (register.getSingleMetric('pasar_order_write_transactions_total') as Counter<'market' | 'kind'>) ??
  new Counter({ name: 'pasar_order_write_transactions_total', help: 'Order-writer transactions', labelNames: ['market', 'kind'] })

export const orderWriteCheckouts =
  (register.getSingleMetric('pasar_order_write_checkouts_total') as Counter<'market' | 'kind'>) ??
  new Counter({ name: 'pasar_order_write_checkouts_total', help: 'Checkouts written by the order writer', labelNames: ['market', 'kind'] })

/** Counter values by `kind` for one market (tests and benches). */
export async function orderWriteCounts(market: string) {
  const read = async (counter: Counter<'market' | 'kind'>) => {
    const values = (await counter.get()).values.filter((entry) => entry.labels.market === market)
    return Object.fromEntries(values.map((entry) => [String(entry.labels.kind), entry.value])) as Record<string, number>
  }
  return { transactions: await read(orderWriteTransactions), checkouts: await read(orderWriteCheckouts) }
}

import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { Market } from '#markets/market'

/**
 * The first argument of every domain service: which market, and the shard
 * that holds its data. Controllers get it from `ctx.market`; workers and ace
 * commands from `MarketContext.of(market)`. Code never names a connection.
 */
export class MarketContext {
  static #cache = new Map<string, MarketContext>()

  private constructor(readonly market: Market) {}

  static of(market: Market): MarketContext {
    let context = MarketContext.#cache.get(market.code)
    if (!context || context.market !== market) {
      context = new MarketContext(market)
      MarketContext.#cache.set(market.code, context)
    }
    return context
  }

  get code(): string {
    return this.market.code
  }

  /** The Lucid connection name of the market's shard: its region. */
  get connectionName(): string {
    return this.market.region
  }

  /** Query client of the market's shard. */
  get db(): QueryClientContract {
    return db.connection(this.connectionName)
  }

  transaction<T>(work: (trx: TransactionClientContract) => Promise<T>): Promise<T> {
    return this.db.transaction(work)
  }
}

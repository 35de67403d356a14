import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { LucidModel, LucidRow, ModelAttributes, ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import translations from '#i18n/services/main'
import type { Translate } from '#i18n/services/i18n'
import type { Market } from '#markets/market'
import { money, moneyView, type Money, type MoneyView } from '#money/money'
import { marketPublicId } from '#shards/public_id'

/**
 * Tables of a shard that several markets share, told apart by their
 * `market_code` column. `query`, `table` and `insert` filter or fill it, so
 * no code outside this file writes that filter by hand. A functional test
 * compares this list with the shards' schema: a new table with the column
 * must be added here.
 */
export const MARKET_TABLES: ReadonlySet<string> = new Set([
  'users',
  'shops',
  'access_tokens',
  'categories',
  'products',
  'skus',
  'stock_levels',
  'stock_adjustments',
  'search_documents',
  'carts',
  'cart_lines',
  'orders',
  'idempotency_keys',
  'outbox',
  'flash_sales',
  'payments',
  'payment_events',
  'ledger_accounts',
  'ledger_transfers',
  'shipments',
  'payouts',
  'sandbox_parcels',
  'returns',
  'refunds',
  'notifications',
  'vouchers',
  'account_tokens',
  'tax_entries',
  'tax_periods',
  'finance_exports',
])

/** `'skus as s'` → `{ table: 'skus', ref: 's' }`. */
function parseTable(name: string) {
  const match = /^\s*([a-z_][a-z0-9_]*)(?:\s+as\s+([a-z_][a-z0-9_]*))?\s*$/i.exec(name)
  if (!match) throw new Error(`not a table name: ${name}`)
  return { table: match[1], ref: match[2] ?? match[1] }
}

/** InnoDB chose this transaction as a deadlock victim: it was rolled back whole, running it again is safe. */
export function isDeadlock(error: unknown) {
  return (error as { code?: string })?.code === 'ER_LOCK_DEADLOCK'
}

const DEADLOCK_ATTEMPTS = 4

/**
 * Runs a whole transaction again when InnoDB rolled it back to break a
 * deadlock (a few times, after a short random pause), so that a deadlock
 * between parallel writers is a retry, never a failed request. The last
 * failure is reported as it is (the handler answers it with 409).
 */
async function withDeadlockRetry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run()
    } catch (error) {
      if (!isDeadlock(error) || attempt >= DEADLOCK_ATTEMPTS) throw error
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt))
    }
  }
}

/**
 * The one handle on a market, passed first to every service, consumer and
 * command (DESIGN.md §5). It carries:
 *  - `config`: the effective, validated market (with getters for what code
 *    reads most: `code`, `currency`, `timezone`, `defaultLocale`, `limits`...);
 *  - the locale of the answer being built and its translator (`locale`, `t`);
 *  - the shard: `db`, and `query(Model)` / `table(name)` / `insert(name, rows)`
 *    which add the market filter themselves;
 *  - `transaction(work)`: `work` gets a context bound to the transaction, so
 *    callees never take a `trx` argument;
 *  - `key(...parts)`: Redis and cache keys, namespaced by market.
 *
 * Controllers get it from `ctx.market`, consumers from their handler's
 * argument, commands and listeners from `markets.context(code)`.
 */
export class MarketContext {
  #t?: Translate

  private constructor(
    readonly config: Market,
    readonly locale: string,
    readonly trx: TransactionClientContract | null,
    /** The outermost transaction, whose commit `afterCommit` waits for (a savepoint's release is not a commit). */
    private readonly root: TransactionClientContract | null = trx
  ) {}

  /** A context of this market, answering in `locale` (the market's default when omitted). */
  static of(config: Market, locale: string = config.defaultLocale): MarketContext {
    return new MarketContext(config, locale, null)
  }

  get code(): string {
    return this.config.code
  }
  get name(): string {
    return this.config.name
  }
  get region(): string {
    return this.config.region
  }
  get currency(): string {
    return this.config.currency
  }
  get currencyExponent(): number {
    return this.config.currencyExponent
  }
  /** Decimals a price may carry (IDR, TWD and VND: none). */
  get priceDecimals(): number {
    return this.config.priceDecimals
  }
  get timezone(): string {
    return this.config.timezone
  }
  get locales(): string[] {
    return this.config.locales
  }
  get defaultLocale(): string {
    return this.config.defaultLocale
  }
  get limits(): Market['limits'] {
    return this.config.limits
  }
  get tax(): Market['tax'] {
    return this.config.tax
  }
  /** What orders record as the config revision they were priced with. */
  get revision(): string {
    return this.config.revision
  }

  /** Translator of the context's locale. */
  get t(): Translate {
    return (this.#t ??= translations.forLocale(this.locale))
  }

  /** The same market, answering in another locale. */
  withLocale(locale: string): MarketContext {
    return locale === this.locale ? this : new MarketContext(this.config, locale, this.trx, this.root)
  }

  /** The Lucid connection name of the market's shard: its region. */
  get connectionName(): string {
    return this.config.region
  }

  /** The shard, or the open transaction when the context is bound to one. */
  get db(): QueryClientContract {
    return this.trx ?? db.connection(this.connectionName)
  }

  get inTransaction(): boolean {
    return this.trx !== null
  }

  /** Lucid options that put a model on this context's connection or transaction. */
  get modelOptions(): { client: TransactionClientContract } | { connection: string } {
    return this.trx ? { client: this.trx } : { connection: this.connectionName }
  }

  /** A model query on the shard (in the transaction, if any), limited to this market. */
  query<Model extends LucidModel>(model: Model): ModelQueryBuilderContract<Model, InstanceType<Model>> {
    const query = model.query({ client: this.db })
    if (MARKET_TABLES.has(model.table)) query.where(`${model.table}.market_code`, this.code)
    return query
  }

  /** A query builder on a table (`'skus as s'` works), limited to this market. */
  table(name: string) {
    const { table, ref } = parseTable(name)
    const query = this.db.from(name)
    if (MARKET_TABLES.has(table)) query.where(`${ref}.market_code`, this.code)
    return query
  }

  /** Inserts rows, giving each the market's code where the table has one. Answers the first id. */
  async insert(name: string, rows: Record<string, unknown> | Record<string, unknown>[]): Promise<number> {
    const list = Array.isArray(rows) ? rows : [rows]
    if (list.length === 0) return 0
    const { table } = parseTable(name)
    const values = MARKET_TABLES.has(table) ? list.map((row) => ({ ...row, market_code: this.code })) : list
    const [id] = await this.db.table(table).multiInsert(values)
    return Number(id)
  }

  /**
   * Inserts rows, or, where a row's unique key (`keys`) already exists,
   * updates its `update` columns (by default every other column; `[]`
   * leaves an existing row as it is). INSERT ... ON DUPLICATE KEY UPDATE.
   */
  async upsert(name: string, rows: Record<string, unknown>[], keys: string[], update?: string[]): Promise<void> {
    if (rows.length === 0) return
    const { table } = parseTable(name)
    const values: Record<string, unknown>[] = MARKET_TABLES.has(table) ? rows.map((row) => ({ ...row, market_code: this.code })) : rows
    const columns = Object.keys(values[0])
    const changed = update ?? columns.filter((column) => !keys.includes(column) && column !== 'market_code')
    const updates = changed.length ? changed.map((column) => `\`${column}\` = VALUES(\`${column}\`)`) : [`\`${keys[0]}\` = \`${keys[0]}\``]
    const placeholders = values.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ')
    await this.db.rawQuery(
      `INSERT INTO \`${table}\` (${columns.map((column) => `\`${column}\``).join(', ')}) VALUES ${placeholders} ON DUPLICATE KEY UPDATE ${updates.join(', ')}`,
      values.flatMap((row) => columns.map((column) => row[column] as any))
    )
  }

  /** Creates and saves a model of this market on this context's connection or transaction. */
  async create<Model extends LucidModel>(model: Model, values: Partial<ModelAttributes<InstanceType<Model>>>): Promise<InstanceType<Model>> {
    const row = new model() as InstanceType<Model> & LucidRow
    if (MARKET_TABLES.has(model.table)) row.merge({ marketCode: this.code } as any)
    row.merge(values as any)
    if (this.trx) row.useTransaction(this.trx)
    else row.useConnection(this.connectionName)
    await row.save()
    return row
  }

  /**
   * Runs `work` in one shard transaction with a context bound to it. Called
   * on a context already in a transaction, `work` joins that transaction.
   */
  transaction<T>(work: (market: MarketContext) => Promise<T>): Promise<T> {
    if (this.trx) return work(this)
    return withDeadlockRetry(() => db.connection(this.connectionName).transaction((trx) => work(new MarketContext(this.config, this.locale, trx))))
  }

  /**
   * Like `transaction`, but inside an open one it runs in a savepoint: a
   * failure of `work` rolls back only what `work` did.
   */
  async savepoint<T>(work: (market: MarketContext) => Promise<T>): Promise<T> {
    if (!this.trx) return this.transaction(work)
    const savepoint = await this.trx.transaction()
    try {
      const result = await work(new MarketContext(this.config, this.locale, savepoint, this.root))
      await savepoint.commit()
      return result
    } catch (error) {
      await savepoint.rollback()
      throw error
    }
  }

  /** The same market and locale outside any transaction: what an after-commit effect queries with. */
  outside(): MarketContext {
    return this.trx ? new MarketContext(this.config, this.locale, null) : this
  }

  /**
   * Runs `effect` once the outermost transaction has committed (never if it
   * rolls back), before `transaction()` returns; at once outside one. A
   * failing effect is logged, never reported as a failure of what committed.
   */
  async afterCommit(effect: () => unknown): Promise<void> {
    const run = async () => {
      try {
        await effect()
      } catch (error) {
        logger.error({ err: error, market: this.code }, 'after-commit effect failed')
      }
    }
    if (this.root) this.root.after('commit', run)
    else await run()
  }

  /**
   * A Redis or cache key of this market: `sg:flash:SG-01J...:stock`. Ids
   * that are unique only inside a shard (auto-increments) must never name a
   * key alone, since several markets, and several shards, share Redis.
   */
  key(...parts: (string | number)[]): string {
    return `${this.code.toLowerCase()}:${parts.join(':')}`
  }

  /** A new public id of this market (`SG-01J...`). */
  publicId(): string {
    return marketPublicId(this.code)
  }

  /** Minor units of the market's currency as Money. */
  money(amount: number): Money {
    return money(amount, this.currency)
  }

  /** The API's money shape for an amount in the market's currency and the context's locale. */
  moneyView(amount: number, currency: string = this.currency): MoneyView {
    return moneyView(amount, currency, this.locale, this.priceDecimals)
  }
}

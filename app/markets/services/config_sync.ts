import db from '@adonisjs/lucid/services/db'
import redis from '@adonisjs/redis/services/main'
import logger from '@adonisjs/core/services/logger'
import type { MarketRegistry, ConfigHead } from '#markets/services/market_registry'
import type { ConfigOverrides } from '#markets/overrides'

/** How often a process compares what it serves with the control database when no message came. */
const CHECK_EVERY_MS = 2_000
/** A read triggers a check when the last one is older than this. */
const STALE_AFTER_MS = 1_000

const isMissingTable = (error: unknown) => ['ER_NO_SUCH_TABLE', 'ER_BAD_DB_ERROR'].includes((error as { code?: string })?.code ?? '')

function channel() {
  const prefix = (redis.connection().ioConnection.options.keyPrefix as string | undefined) ?? ''
  return `${prefix}markets:config`
}

/** The approved overrides of every market (or one), from the control database. */
export async function readHeads(code?: string): Promise<ConfigHead[]> {
  const query = db.connection('control').from('market_config_heads').select('market_code', 'revision', 'overrides')
  // eslint-disable-next-line no-restricted-syntax -- the control database keys heads by market code
  if (code) query.where('market_code', code)
  const rows = await query
  return rows.map((row) => ({
    code: row.market_code,
    revision: Number(row.revision),
    overrides: (typeof row.overrides === 'string' ? JSON.parse(row.overrides) : row.overrides) as ConfigOverrides,
  }))
}

/**
 * Keeps the markets a process serves on the approved revisions (DESIGN.md
 * §9): at boot it puts every market's overrides on its file (one that no
 * longer fits stops boot), then a Redis message says a market moved on, and
 * a version check (every 2 s, and on reads when the last one is older than
 * a second) catches up a process that missed the message, e.g. while Redis
 * was down. Refreshes run one at a time, so an older read never replaces a
 * newer revision.
 */
export class MarketConfigSync {
  #timer: NodeJS.Timeout | null = null
  #subscribed = false
  #lastCheck = 0
  #running: Promise<void> = Promise.resolve()
  #warned = false

  constructor(private registry: MarketRegistry) {}

  /** At boot: the overrides of every market on its file, all or nothing. */
  async load() {
    let heads: ConfigHead[]
    try {
      heads = await readHeads()
    } catch (error) {
      // Before the control database is migrated there is nothing to put on the files.
      if (isMissingTable(error)) return
      throw error
    }
    await this.registry.applyHeads(heads)
    this.#lastCheck = Date.now()
  }

  /** Listens for revisions and checks versions periodically (web processes and workers). */
  start() {
    if (this.#timer) return
    this.registry.onRead = () => this.touch()
    this.#timer = setInterval(() => void this.check(), CHECK_EVERY_MS)
    this.#timer.unref()
    try {
      redis.subscribe(channel(), (message: string) => {
        const { code } = JSON.parse(message) as { code: string; revision: number }
        void this.refresh(code)
      })
      this.#subscribed = true
    } catch (error) {
      logger.warn({ err: error }, 'market config: cannot subscribe to revisions; the version check alone keeps this process current')
    }
  }

  async stop() {
    if (this.#timer) clearInterval(this.#timer)
    this.#timer = null
    this.registry.onRead = null
    if (this.#subscribed) {
      this.#subscribed = false
      try {
        redis.unsubscribe(channel())
      } catch {
        // The connection is already closing.
      }
    }
    await this.#running
  }

  /** A read of a market's config: when the last check is over a second old, one runs (the read does not wait for it). */
  touch() {
    if (Date.now() - this.#lastCheck > STALE_AFTER_MS) void this.check()
  }

  /** Compares every market with its head in the control database and installs what moved. */
  check() {
    this.#lastCheck = Date.now()
    return this.refresh()
  }

  /** Loads the head of one market (or all) and installs it if it differs from what is served. */
  refresh(code?: string) {
    // One failed refresh never stops the next ones (the chain would stay rejected).
    this.#running = this.#running.then(() => this.#refresh(code)).catch((error) => logger.error({ err: error, market: code }, 'market config: refresh failed'))
    return this.#running
  }

  async #refresh(code?: string) {
    let heads: ConfigHead[]
    try {
      heads = await readHeads(code)
      this.#warned = false
    } catch (error) {
      if (!this.#warned && !isMissingTable(error)) logger.warn({ err: error }, 'market config: cannot read the revisions; serving the last ones loaded')
      this.#warned = true
      return
    }
    const byCode = new Map(heads.map((head) => [head.code, head]))
    for (const market of this.registry.all()) {
      if (code && market.code !== code) continue
      const head = byCode.get(market.code) ?? { code: market.code, revision: 0, overrides: {} }
      if (head.revision === market.configRevision) continue
      const result = await this.registry.build(market.code, head.overrides, head.revision)
      if ('problems' in result) {
        // Validated when it was written: only a file deployed under it can make it not fit.
        logger.error({ market: market.code, revision: head.revision, problems: result.problems }, 'market config: an approved revision does not fit the market file; keeping the one served')
        continue
      }
      this.registry.install(result.market)
      logger.info({ market: market.code, revision: head.revision, hash: result.market.revision }, 'market config: now serving revision')
    }
  }

  /** Tells every process that `code` moved to `revision` (after the commit). Redis down: the version check still gets there. */
  async announce(code: string, revision: number) {
    await this.refresh(code)
    try {
      await redis.publish(channel(), JSON.stringify({ code, revision }))
    } catch (error) {
      logger.warn({ err: error, market: code }, 'market config: cannot announce the revision; other processes catch up by their version check')
    }
  }
}

import cache from '@adonisjs/cache/services/main'
import logger from '@adonisjs/core/services/logger'
import { unwrapFactoryError } from '#exceptions/cache_errors'

/** A token row and its owner's row, as the database gave them (dates as epoch ms). */
export interface CachedSession {
  token: Record<string, unknown>
  account: Record<string, unknown>
}

const TTL = '1m'
const store = () => cache.use('identity')
const tokenKey = (market: string, tokenId: string) => `token:${market}:${tokenId}`
const ownerTag = (market: string, ownerId: number | string) => `owner:${market}:${ownerId}`

/**
 * Verified storefront sessions, so that an authenticated request costs no
 * shard query: memory in each process, Redis behind it, and the Redis bus
 * that makes every process drop its copy when a session ends. Entries live
 * one minute at most, which bounds how long a revocation can go unseen by
 * a process cut off from Redis. The password hash is never cached.
 *
 * The entry is found by token id and still checked against the secret's
 * hash and expiry by the caller: a forged secret or an expired token never
 * passes. A revoked token can pass only where its entry outlives the
 * revocation: a process cut off from Redis keeps its copy for the TTL at
 * most, and a copy written in a race with the revocation is dropped by
 * the second, delayed invalidation.
 */
export const SessionCache = {
  async get(market: string, tokenId: string, load: () => Promise<CachedSession | null>): Promise<CachedSession | null> {
    const session = await unwrapFactoryError(
      store().getOrSet<CachedSession | undefined>({
        key: tokenKey(market, tokenId),
        ttl: TTL,
        factory: async (ctx) => {
          const loaded = await load()
          if (!loaded) return ctx.skip()
          ctx.setTags([ownerTag(market, String(loaded.token.tokenable_id))])
          return loaded
        },
      })
    )
    return session ?? null
  },

  async put(market: string, tokenId: string, session: CachedSession) {
    await store().set({ key: tokenKey(market, tokenId), value: session, ttl: TTL, tags: [ownerTag(market, String(session.token.tokenable_id))] })
  },

  /** One session ended (sign-out). */
  async dropToken(market: string, tokenId: string) {
    await twice(() => store().delete({ key: tokenKey(market, tokenId) }), { market, tokenId })
  },

  /** Every session of an account (password change, any change of the account). */
  async dropOwner(market: string, ownerId: number | string) {
    await twice(() => store().deleteByTag({ tags: [ownerTag(market, ownerId)] }), { market, ownerId })
  },
}

/**
 * Drops now, and once more a little later: a process that read the row
 * just before the change may write its (now stale) copy just after the
 * first drop; the second one removes it.
 */
const AGAIN_AFTER_MS = 2000
async function twice(drop: () => Promise<unknown>, context: Record<string, unknown>) {
  await quietly(drop, context)
  setTimeout(() => void quietly(drop, context), AGAIN_AFTER_MS).unref()
}

/**
 * The database change is committed whether or not Redis answers: this
 * process's copy is gone, other processes' copies expire within the TTL.
 */
async function quietly(work: () => Promise<unknown>, context: Record<string, unknown>) {
  try {
    await work()
  } catch (error) {
    logger.warn({ err: error, ...context }, 'session cache invalidation did not reach Redis')
  }
}

/** Rows as plain JSON (Redis keeps JSON): dates become epoch milliseconds. */
export function toPlainRow(row: Record<string, unknown>, omit: string[] = []): Record<string, unknown> {
  const plain: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(row)) {
    if (omit.includes(key)) continue
    plain[key] = value instanceof Date ? { $date: value.getTime() } : value
  }
  return plain
}

export function fromPlainRow(row: Record<string, unknown>): Record<string, unknown> {
  const revived: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(row)) {
    revived[key] = value && typeof value === 'object' && '$date' in value ? new Date((value as { $date: number }).$date) : value
  }
  return revived
}

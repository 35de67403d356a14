import { configProvider } from '@adonisjs/core'
import { defineConfig, store, drivers } from '@adonisjs/cache'

/** The cache bus on Redis pub/sub that survives a Redis outage (app/cache/redis_bus.ts). */
const outageSafeBus = (connectionName: string) =>
  configProvider.create<any>(async (app) => {
    const redis = await app.container.make('redis')
    const { OutageSafeRedisTransport } = await import('#cache/redis_bus')
    const options = redis.connection(connectionName as any).ioConnection.options
    return { options, factory: () => new OutageSafeRedisTransport(options) as any }
  })

/**
 * Catalog reads: memory (L1) in each process, Redis (L2) shared, and a Redis
 * bus that tells every process to drop its L1 copy when a key changes.
 * Redis errors are swallowed (suppressL2Errors): reads go to the database.
 * The memory layer keeps 1,000 entries unless told otherwise: far fewer
 * than one market's hot products or signed-in buyers.
 */
/**
 * With Redis down, an L2 error is swallowed and L2 is skipped for the next
 * five seconds (circuit breaker): reads cost one memory lookup and, on a
 * miss, the database, not a Redis timeout each.
 */
const OUTAGE = { suppressL2Errors: true, l2CircuitBreakerDuration: '5s' } as const

const cacheConfig = defineConfig({
  default: 'catalog',
  ttl: '10m',
  stores: {
    catalog: store(OUTAGE)
      .useL1Layer(drivers.memory({ maxSize: '64mb', maxItems: 100_000 }))
      .useL2Layer(drivers.redis({ connectionName: 'cache' as any }))
      .useBus(outageSafeBus('cacheBus')),
    // Verified storefront sessions (token row + account snapshot, never the
    // password hash): a minute at most, dropped everywhere on sign-out,
    // password change or any change of the account.
    identity: store(OUTAGE)
      .useL1Layer(drivers.memory({ maxSize: '32mb', maxItems: 200_000 }))
      .useL2Layer(drivers.redis({ connectionName: 'cache' as any }))
      .useBus(outageSafeBus('cacheBus')),
  },
})

export default cacheConfig

declare module '@adonisjs/cache/types' {
  interface CacheStores extends InferStores<typeof cacheConfig> {}
}

import { defineConfig, store, drivers } from '@adonisjs/cache'

/**
 * Catalog reads: memory (L1) in each process, Redis (L2) shared, and a Redis
 * bus that tells every process to drop its L1 copy when a key changes.
 * Redis errors are swallowed (suppressL2Errors): reads go to the database.
 * The memory layer keeps 1,000 entries unless told otherwise: far fewer
 * than one market's hot products or signed-in buyers.
 */
const cacheConfig = defineConfig({
  default: 'catalog',
  ttl: '10m',
  stores: {
    catalog: store()
      .useL1Layer(drivers.memory({ maxSize: '64mb', maxItems: 100_000 }))
      .useL2Layer(drivers.redis({ connectionName: 'cache' as any }))
      .useBus(drivers.redisBus({ connectionName: 'cacheBus' as any })),
    // Verified storefront sessions (token row + account snapshot, never the
    // password hash): a minute at most, dropped everywhere on sign-out,
    // password change or any change of the account.
    identity: store()
      .useL1Layer(drivers.memory({ maxSize: '32mb', maxItems: 200_000 }))
      .useL2Layer(drivers.redis({ connectionName: 'cache' as any }))
      .useBus(drivers.redisBus({ connectionName: 'cacheBus' as any })),
  },
})

export default cacheConfig

declare module '@adonisjs/cache/types' {
  interface CacheStores extends InferStores<typeof cacheConfig> {}
}

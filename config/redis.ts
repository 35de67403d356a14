import env from '#start/env'
import { defineConfig } from '@adonisjs/redis'
import type { InferConnections } from '@adonisjs/redis/types'

/** The one Redis server every connection below talks to. */
const server = {
  host: env.get('REDIS_HOST', '127.0.0.1'),
  port: env.get('REDIS_PORT', 6379),
  password: env.get('REDIS_PASSWORD')?.release(),
  db: 0,
  retryStrategy(times: number) {
    return Math.min(times * 200, 2000)
  },
}
const prefix = env.get('REDIS_KEY_PREFIX', 'pasar:')

const redisConfig = defineConfig({
  connection: 'main',
  connections: {
    main: {
      ...server,
      keyPrefix: prefix,
      // While Redis is down a command fails within half a second (never
      // queued for the reconnects): callers fall back or answer 503, and
      // resume by themselves once the connection is back.
      maxRetriesPerRequest: 0,
      commandTimeout: 500,
      connectTimeout: 1000,
    },
    // The cache's own connection: while Redis is down a command fails within
    // a quarter second instead of waiting, and reads fall back to the database.
    cache: {
      ...server,
      keyPrefix: `${prefix}cache:`,
      maxRetriesPerRequest: 0,
      commandTimeout: 250,
      connectTimeout: 500,
    },
    // Pub/sub of the cache bus (config/cache.ts): its publisher fails fast
    // while Redis is down, its subscriber waits for Redis to come back.
    cacheBus: {
      ...server,
      keyPrefix: `${prefix}cache:`,
      connectTimeout: 1000,
    },
  },
})

export default redisConfig

declare module '@adonisjs/redis/types' {
  export interface RedisConnections extends InferConnections<typeof redisConfig> {}
}

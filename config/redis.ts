import env from '#start/env'
import { defineConfig } from '@adonisjs/redis'
import type { InferConnections } from '@adonisjs/redis/types'

const redisConfig = defineConfig({
  connection: 'main',
  connections: {
    main: {
      host: env.get('REDIS_HOST', '127.0.0.1'),
      port: env.get('REDIS_PORT', 6379),
      password: env.get('REDIS_PASSWORD')?.release(),
      db: 0,
      keyPrefix: env.get('REDIS_KEY_PREFIX', 'pasar:'),
      // Fail fast instead of queueing commands forever while Redis is down:
      // callers fall back or answer 503.
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      retryStrategy(times) {
        return Math.min(times * 200, 2000)
      },
    },
    // The cache's own connection: while Redis is down a command fails within
    // a quarter second instead of waiting, and reads fall back to the database.
    cache: {
      host: env.get('REDIS_HOST', '127.0.0.1'),
      port: env.get('REDIS_PORT', 6379),
      password: env.get('REDIS_PASSWORD')?.release(),
      db: 0,
      keyPrefix: `${env.get('REDIS_KEY_PREFIX', 'pasar:')}cache:`,
      maxRetriesPerRequest: 0,
      commandTimeout: 250,
      connectTimeout: 500,
      retryStrategy(times) {
        return Math.min(times * 200, 2000)
      },
    },
    // Pub/sub of the cache bus: subscriptions wait for the connection.
    cacheBus: {
      host: env.get('REDIS_HOST', '127.0.0.1'),
      port: env.get('REDIS_PORT', 6379),
      password: env.get('REDIS_PASSWORD')?.release(),
      db: 0,
      keyPrefix: `${env.get('REDIS_KEY_PREFIX', 'pasar:')}cache:`,
      retryStrategy(times) {
        return Math.min(times * 200, 2000)
      },
    },
  },
})

export default redisConfig

declare module '@adonisjs/redis/types' {
  export interface RedisConnections extends InferConnections<typeof redisConfig> {}
}

import env from '#start/env'
import { defineConfig } from '@adonisjs/lucid'
import regions from '#config/regions'
import type { ShardConnection } from '#shards/define_regions'

/**
 * One Lucid connection per region, named after the region (`sea-1`), plus
 * `control`. Code never picks one by hand: it asks the market context.
 */
function mysqlConnection(connection: ShardConnection, migrationsPath: string) {
  return {
    client: 'mysql2' as const,
    connection: {
      ...connection,
      charset: 'utf8mb4',
      // Rows are written and read in UTC; the market's timezone applies at the edges only.
      timezone: 'Z',
      dateStrings: false,
    },
    pool: {
      min: 0,
      max: env.get('DB_POOL_MAX', 10),
      afterCreate: (conn: any, done: (err: Error | null, conn: any) => void) => {
        conn.query("SET time_zone = '+00:00'", (err: Error | null) => done(err, conn))
      },
    },
    migrations: {
      naturalSort: true,
      paths: [migrationsPath],
    },
    debug: false,
  }
}

const connections: Record<string, ReturnType<typeof mysqlConnection>> = {
  control: mysqlConnection(regions.control, './database/migrations/control'),
}
for (const [region, connection] of Object.entries(regions.shards)) {
  connections[region] = mysqlConnection(connection, './database/migrations/shard')
}

const dbConfig = defineConfig({
  connection: 'control',
  prettyPrintDebugQueries: false,
  connections,
})

export default dbConfig

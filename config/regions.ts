import env from '#start/env'
import { defineRegions } from '#shards/define_regions'

/**
 * The demo regions. Adding a region is one line here plus its markets'
 * `region` field; moving one to its own server is DB_SHARD_<REGION>_URL.
 */
const regionsConfig = defineRegions({
  regions: ['sea-1', 'sea-2', 'sea-3', 'ea-1', 'latam-1'],
  server: {
    host: env.get('DB_HOST', '127.0.0.1'),
    port: env.get('DB_PORT', 3306),
    user: env.get('DB_USER', 'root'),
    password: env.get('DB_PASSWORD')?.release() ?? '',
  },
  databasePrefix: env.get('DB_NAME_PREFIX', 'pasar'),
  readEnv: (key) => process.env[key],
})

export default regionsConfig

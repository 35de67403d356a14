/**
 * Regions are the unit of data residency: each one is a MySQL database (a
 * shard) that holds every row of the markets assigned to it. The control
 * database holds what belongs to no market (staff, config revisions, audit).
 */
export interface ShardConnection {
  host: string
  port: number
  user: string
  password: string
  database: string
}

export interface RegionsConfig {
  /** Region name → connection of its shard. */
  shards: Record<string, ShardConnection>
  control: ShardConnection
}

export interface RegionsInput {
  regions: string[]
  server: Omit<ShardConnection, 'database'>
  databasePrefix: string
  /** Env lookup for overrides, kept injectable so tests can drive it. */
  readEnv: (key: string) => string | undefined
}

/** `sea-1` → `SEA_1`, the form used in env variable names. */
export function regionEnvKey(region: string): string {
  return region.toUpperCase().replace(/-/g, '_')
}

/** `sea-1` → `sea_1`, the form used in database names. */
export function regionDatabaseSuffix(region: string): string {
  return region.toLowerCase().replace(/-/g, '_')
}

export function parseMysqlUrl(url: string): ShardConnection {
  const parsed = new URL(url)
  if (parsed.protocol !== 'mysql:' && parsed.protocol !== 'mariadb:') {
    throw new Error(`"${parsed.protocol}" is not a MySQL URL: expected mysql://user:pass@host:port/db`)
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''))
  if (!database) {
    throw new Error('the MySQL URL names no database')
  }
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 3306,
    user: decodeURIComponent(parsed.username || 'root'),
    password: decodeURIComponent(parsed.password || ''),
    database,
  }
}

export function defineRegions(input: RegionsInput): RegionsConfig {
  const fromEnv = (key: string, database: string): ShardConnection => {
    const url = input.readEnv(key)
    if (!url) return { ...input.server, database }
    try {
      return parseMysqlUrl(url)
    } catch (error) {
      throw new Error(`${key}: ${(error as Error).message}`)
    }
  }

  const shards: Record<string, ShardConnection> = {}
  for (const region of input.regions) {
    if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(region)) {
      throw new Error(`config/regions.ts: "${region}" is not a valid region name (lowercase, digits, dashes)`)
    }
    shards[region] = fromEnv(
      `DB_SHARD_${regionEnvKey(region)}_URL`,
      `${input.databasePrefix}_${regionDatabaseSuffix(region)}`
    )
  }

  return {
    shards,
    control: fromEnv('DB_CONTROL_URL', `${input.databasePrefix}_control`),
  }
}

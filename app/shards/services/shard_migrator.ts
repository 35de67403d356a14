import mysql from 'mysql2/promise'
import type { ApplicationService } from '@adonisjs/core/types'
import type { Database } from '@adonisjs/lucid/database'
import { MigrationRunner } from '@adonisjs/lucid/migration'
import type { RegionsConfig, ShardConnection } from '#shards/define_regions'

/** One row per database naming what it holds: guards data residency. */
export const SHARD_IDENTITY_TABLE = 'shard_identity'

export interface MigrationTarget {
  /** Lucid connection name: the region, or `control`. */
  connectionName: string
  kind: 'shard' | 'control'
  connection: ShardConnection
}

export interface TargetStatus {
  target: MigrationTarget
  databaseExists: boolean
  reachable: boolean
  error?: string
  identity: string | null
  completed: number
  pending: string[]
}

export class ShardIdentityMismatchError extends Error {
  constructor(target: MigrationTarget, holds: string) {
    super(
      `database ${target.connection.database} on ${target.connection.host}:${target.connection.port} ` +
        `holds "${holds}" but is configured as "${target.connectionName}": refusing to touch it`
    )
  }
}

/**
 * Creates missing databases and runs the shard migrations on every region's
 * shard and the control migrations on the control database. Used by
 * `node ace shards:migrate`, `npm start` and the test bootstrap.
 */
export class ShardMigrator {
  constructor(
    private app: ApplicationService,
    private db: Database,
    private regions: RegionsConfig
  ) {}

  targets(): MigrationTarget[] {
    return [
      { connectionName: 'control', kind: 'control' as const, connection: this.regions.control },
      ...Object.entries(this.regions.shards).map(([region, connection]) => ({
        connectionName: region,
        kind: 'shard' as const,
        connection,
      })),
    ]
  }

  /** Creates the database when missing; true when it was created. */
  async ensureDatabase(target: MigrationTarget): Promise<boolean> {
    const { host, port, user, password, database } = target.connection
    const server = await mysql.createConnection({ host, port, user, password, connectTimeout: 5000 })
    try {
      const [rows] = await server.query('SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [
        database,
      ])
      if ((rows as unknown[]).length > 0) return false
      await server.query(
        `CREATE DATABASE IF NOT EXISTS ${mysql.escapeId(database)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`
      )
      return true
    } finally {
      await server.end()
    }
  }

  async identity(target: MigrationTarget): Promise<string | null> {
    const client = this.db.connection(target.connectionName)
    const hasTable = await client.schema.hasTable(SHARD_IDENTITY_TABLE)
    if (!hasTable) return null
    const row = await client.from(SHARD_IDENTITY_TABLE).select('role').first()
    return row?.role ?? null
  }

  async migrate(target: MigrationTarget): Promise<{ created: boolean; migrated: string[] }> {
    const created = await this.ensureDatabase(target)
    const holds = await this.identity(target)
    if (holds && holds !== target.connectionName) {
      throw new ShardIdentityMismatchError(target, holds)
    }

    const runner = new MigrationRunner(this.db, this.app, {
      direction: 'up',
      connectionName: target.connectionName,
      dryRun: false,
    })
    await runner.run()
    if (runner.error) throw runner.error

    await this.db
      .connection(target.connectionName)
      .rawQuery(`INSERT IGNORE INTO ${SHARD_IDENTITY_TABLE} (id, role, created_at) VALUES (1, ?, UTC_TIMESTAMP())`, [
        target.connectionName,
      ])
    const now = await this.identity(target)
    if (now !== target.connectionName) throw new ShardIdentityMismatchError(target, String(now))

    return { created, migrated: Object.values(runner.migratedFiles).map((file) => file.file.name) }
  }

  async migrateAll(onTarget?: (target: MigrationTarget, result: { created: boolean; migrated: string[] }) => void) {
    for (const target of this.targets()) {
      const result = await this.migrate(target)
      onTarget?.(target, result)
    }
  }

  async status(target: MigrationTarget): Promise<TargetStatus> {
    const status: TargetStatus = {
      target,
      databaseExists: false,
      reachable: false,
      identity: null,
      completed: 0,
      pending: [],
    }
    const { host, port, user, password, database } = target.connection
    try {
      const server = await mysql.createConnection({ host, port, user, password, connectTimeout: 3000 })
      try {
        const [rows] = await server.query(
          'SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?',
          [database]
        )
        status.reachable = true
        status.databaseExists = (rows as unknown[]).length > 0
      } finally {
        await server.end()
      }
    } catch (error) {
      status.error = (error as Error).message
      return status
    }
    if (!status.databaseExists) return status

    const runner = new MigrationRunner(this.db, this.app, {
      direction: 'up',
      connectionName: target.connectionName,
      dryRun: true,
    })
    const list = await runner.getList()
    status.completed = list.filter((node) => node.status === 'migrated').length
    status.pending = list.filter((node) => node.status === 'pending').map((node) => node.name)
    status.identity = await this.identity(target)
    return status
  }
}

import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import db from '@adonisjs/lucid/services/db'
import { ShardMigrator } from '#shards/services/shard_migrator'
import type { RegionsConfig } from '#shards/define_regions'

export default class ShardsMigrate extends BaseCommand {
  static commandName = 'shards:migrate'
  static description =
    'Create missing databases, run the shard migrations on every region and the control migrations on control'
  static options: CommandOptions = { startApp: true }

  @flags.boolean({ description: 'Only show each database and its pending migrations' })
  declare status: boolean

  async run() {
    const migrator = new ShardMigrator(this.app, db, this.app.config.get<RegionsConfig>('regions'))
    if (this.status) return this.showStatus(migrator)

    for (const target of migrator.targets()) {
      const where = `${target.connection.database}@${target.connection.host}:${target.connection.port}`
      try {
        const result = await migrator.migrate(target)
        const created = result.created ? ' (database created)' : ''
        const what = result.migrated.length ? `${result.migrated.length} migrated` : 'up to date'
        this.logger.success(`${target.connectionName.padEnd(8)} ${where}: ${what}${created}`)
        for (const file of result.migrated) this.logger.log(`           ${file}`)
      } catch (error) {
        this.logger.error(`${target.connectionName.padEnd(8)} ${where}: ${(error as Error).message}`)
        this.exitCode = 1
        return
      }
    }
  }

  private async showStatus(migrator: ShardMigrator) {
    const table = this.ui.table()
    table.head(['Connection', 'Database', 'Server', 'State', 'Holds', 'Migrated', 'Pending'])
    for (const target of migrator.targets()) {
      const status = await migrator.status(target)
      const state = !status.reachable
        ? this.colors.red(`unreachable: ${status.error}`)
        : !status.databaseExists
          ? this.colors.yellow('missing')
          : status.pending.length
            ? this.colors.yellow('pending')
            : this.colors.green('up to date')
      table.row([
        target.connectionName,
        target.connection.database,
        `${target.connection.host}:${target.connection.port}`,
        state,
        status.identity ?? '-',
        String(status.completed),
        status.pending.join(', ') || '-',
      ])
      if (!status.reachable) this.exitCode = 1
    }
    table.render()
  }
}

import { assert } from '@japa/assert'
import { apiClient } from '@japa/api-client'
import app from '@adonisjs/core/services/app'
import type { Config } from '@japa/runner/types'
import { pluginAdonisJS } from '@japa/plugin-adonisjs'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { ShardMigrator } from '#shards/services/shard_migrator'
import type { RegionsConfig } from '#shards/define_regions'

export const plugins: Config['plugins'] = [assert(), pluginAdonisJS(app), apiClient()]

/**
 * Tests run against real MariaDB databases of their own (pasar_test_*),
 * created and migrated here; a second run finds them and migrates nothing.
 */
export const runnerHooks: Required<Pick<Config, 'setup' | 'teardown'>> = {
  setup: [
    async () => {
      const migrator = new ShardMigrator(app, db, app.config.get<RegionsConfig>('regions'))
      await migrator.migrateAll()
      const { resetTestState } = await import('#tests/support/reset')
      await resetTestState()
    },
  ],
  teardown: [],
}

export const configureSuite: Config['configureSuite'] = (suite) => {
  if (['browser', 'functional', 'e2e'].includes(suite.name)) {
    return suite.setup(() => testUtils.httpServer().start())
  }
}

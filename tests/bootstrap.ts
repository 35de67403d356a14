import { assert } from '@japa/assert'
import { apiClient } from '@japa/api-client'
import { browserClient } from '@japa/browser-client'
import app from '@adonisjs/core/services/app'
import type { Config } from '@japa/runner/types'
import { pluginAdonisJS } from '@japa/plugin-adonisjs'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { ShardMigrator } from '#shards/services/shard_migrator'
import type { RegionsConfig } from '#shards/define_regions'

/** Console tests: Debian's chromium (CHROMIUM_PATH elsewhere), headless, on the staff host of this run's port. */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const plugins: Config['plugins'] = [
  assert(),
  pluginAdonisJS(app),
  apiClient(),
  browserClient({
    runInSuites: ['browser'],
    // Loaded when a browser suite runs: playwright is heavy, and other suites boot without it.
    launcher: async (options) => (await import('playwright')).chromium.launch({ ...options, headless: true, executablePath: chromium, args: ['--host-resolver-rules=MAP *.pasar.localhost 127.0.0.1', '--no-sandbox'] }),
    contextOptions: { baseURL: `http://admin.pasar.localhost:${process.env.PORT}`, locale: 'en-US', viewport: { width: 1280, height: 900 } },
  }),
]

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

import { defineConfig } from '@adonisjs/static'

/**
 * The console's stylesheet (public/console/assets), served by the
 * /console/assets/* route of the staff host (ConsoleAssetsController), never
 * as a server middleware: API requests never touch the file system.
 */
const staticServerConfig = defineConfig({
  enabled: true,
  etag: true,
  lastModified: true,
  dotFiles: 'ignore',
  immutable: false,
  maxAge: '1h',
})

export default staticServerConfig

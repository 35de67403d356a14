import { defineConfig } from '@adonisjs/static'

/**
 * The console's stylesheet and scripts (public/console/assets, and htmx from
 * its package). Served only under /console/assets by
 * #console/middleware/console_assets_middleware, so API requests never touch
 * the file system.
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

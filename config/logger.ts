import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, syncDestination } from '@adonisjs/core/logger'

/**
 * JSON lines on stdout (pretty-printed in development). Lines written through
 * `ctx.logger` carry the request id.
 */
const loggerConfig = defineConfig({
  default: 'app',
  loggers: {
    app: {
      enabled: true,
      name: env.get('APP_NAME', 'pasar'),
      level: env.get('LOG_LEVEL', 'info'),
      destination: app.inDev ? await syncDestination() : undefined,
    },
  },
})

export default loggerConfig

declare module '@adonisjs/core/types' {
  export interface LoggersList extends InferLoggers<typeof loggerConfig> {}
}

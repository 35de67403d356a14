import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import app from '@adonisjs/core/services/app'
import StaticMiddleware from '@adonisjs/static/static_middleware'
import type { AssetsConfig } from '@adonisjs/static/types'
import { normalizeHost } from '#markets/services/market_registry'
import type { StorefrontConfig } from '#config/storefront'

let files: StaticMiddleware | undefined
const staffHosts = () => app.config.get<StorefrontConfig>('storefront').staffHosts

/**
 * The console's stylesheet (public/console/assets) through
 * @adonisjs/static, for `/console/assets/` on the staff host only: every
 * other request (the API) goes on without a look at the file system.
 */
export default class ConsoleAssetsMiddleware {
  handle(ctx: HttpContext, next: NextFn) {
    if (!ctx.request.url().startsWith('/console/assets/') || !staffHosts().includes(normalizeHost(ctx.request.header('host')) ?? '')) return next()
    files ??= new StaticMiddleware(app.publicPath(), app.config.get<AssetsConfig>('static'))
    return files.handle(ctx, next)
  }
}

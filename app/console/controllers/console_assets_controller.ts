import { createRequire } from 'node:module'
import type { HttpContext } from '@adonisjs/core/http'
import app from '@adonisjs/core/services/app'
import StaticMiddleware from '@adonisjs/static/static_middleware'
import type { AssetsConfig } from '@adonisjs/static/types'
import { DomainError } from '#exceptions/domain_error'

class NoSuchAssetError extends DomainError {
  static status = 404
  static code = 'E_ROUTE_NOT_FOUND'
}

const htmxFile = createRequire(import.meta.url).resolve('htmx.org/dist/htmx.min.js')
let files: StaticMiddleware | undefined

/**
 * The console's stylesheet (public/console/assets, through @adonisjs/static)
 * and htmx (from its package: the lockfile's version, no copy in the tree).
 * Routes of the staff host: the API's requests never reach a file system
 * lookup, nor a session.
 */
export default class ConsoleAssetsController {
  async file(ctx: HttpContext) {
    files ??= new StaticMiddleware(app.publicPath(), app.config.get<AssetsConfig>('static'))
    await files.handle(ctx, async () => {
      throw new NoSuchAssetError('Not found', { method: ctx.request.method(), url: ctx.request.url() })
    })
  }

  async htmx(ctx: HttpContext) {
    ctx.response.header('Cache-Control', 'public, max-age=86400')
    return ctx.response.download(htmxFile)
  }
}

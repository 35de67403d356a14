import router from '@adonisjs/core/services/router'
import server from '@adonisjs/core/services/server'

server.errorHandler(() => import('#http/exception_handler'))

/**
 * Server middleware run on every request, routed or not. Session and shield
 * stay off the API (token-based; they cost ~4x throughput): they are named
 * middleware of the console's routes.
 */
server.use([
  () => import('#http/middleware/request_id_middleware'),
  () => import('#http/middleware/container_bindings_middleware'),
])

router.use([
  () => import('#http/middleware/json_only_middleware'),
  () => import('@adonisjs/core/bodyparser_middleware'),
  () => import('#identity/middleware/initialize_auth_middleware'),
])

export const middleware = router.named({
  market: () => import('#markets/middleware/resolve_market_middleware'),
  staffHost: () => import('#identity/middleware/staff_host_middleware'),
  authorize: () => import('#identity/middleware/authorize_middleware'),
  anonymousLimit: () => import('#identity/middleware/anonymous_limit_middleware'),
  // The staff console's only (routes under /console): never on /api.
  session: () => import('@adonisjs/session/session_middleware'),
  shield: () => import('@adonisjs/shield/shield_middleware'),
  console: () => import('#console/middleware/console_middleware'),
  consoleAuth: () => import('#console/middleware/console_auth_middleware'),
})

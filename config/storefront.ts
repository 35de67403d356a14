import env from '#start/env'
import app from '@adonisjs/core/services/app'

/**
 * How requests find their market. Market files themselves live in
 * config/markets/ (one file a market); MARKETS_PATH points elsewhere.
 */
const storefrontConfig = {
  marketsPath: env.get('MARKETS_PATH') ?? app.configPath('markets'),
  /** X-Market overrides the Host only when this is on (tests and tools). */
  allowMarketHeader: env.get('ALLOW_MARKET_HEADER', false),
  /** Hosts of the staff console: they belong to no market. */
  staffHosts: (env.get('STAFF_HOSTS') ?? 'admin.pasar.localhost')
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean),
}

export default storefrontConfig
export type StorefrontConfig = typeof storefrontConfig

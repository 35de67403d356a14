import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const HealthController = () => import('#health/controllers/health_controller')
const MarketController = () => import('#markets/controllers/market_controller')

// Health answers on any host: load balancers probe by IP.
router.get('/health', [HealthController, 'ready']).as('health')
router.get('/health/ready', [HealthController, 'ready']).as('health.ready')
router.get('/health/live', [HealthController, 'live']).as('health.live')

// Storefront API: the market comes from the Host.
router
  .group(() => {
    router.get('/market', [MarketController, 'show']).as('market.show')
  })
  .prefix('/api/v1')
  .use(middleware.market())

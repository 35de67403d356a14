import emitter from '@adonisjs/core/services/emitter'
import { cacheHits, cacheMisses } from '#metrics/cache_metrics'

emitter.on('inventory:stock_status_changed', async (event) => {
  const { onStockStatusChanged } = await import('#catalog/listeners/stock_status_listener')
  await onStockStatusChanged(event)
})

emitter.on('cache:hit' as any, (event: { store: string; layer?: string }) => {
  cacheHits.inc({ store: event.store, layer: event.layer ?? 'l1' })
})
emitter.on('cache:miss' as any, (event: { store: string }) => {
  cacheMisses.inc({ store: event.store })
})

import emitter from '@adonisjs/core/services/emitter'
import { cacheHits, cacheMisses } from '#metrics/cache_metrics'

emitter.on('inventory:stock_status_changed', async (event) => {
  const { onStockStatusChanged } = await import('#catalog/listeners/stock_status_listener')
  await onStockStatusChanged(event)
})

// Counted per entry read; the cache's own bookkeeping keys (tags) are not.
const isEntry = (key: string) => !key.startsWith('___bc')
emitter.on('cache:hit' as any, (event: { key: string; store: string; layer?: string }) => {
  if (isEntry(event.key)) cacheHits.inc({ store: event.store, layer: event.layer ?? 'l1' })
})
emitter.on('cache:miss' as any, (event: { key: string; store: string }) => {
  if (isEntry(event.key)) cacheMisses.inc({ store: event.store })
})

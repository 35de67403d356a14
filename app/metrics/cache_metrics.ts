import { Counter, register } from 'prom-client'

/** Cache hits and misses per store and layer, for /metrics. */
export const cacheHits =
  (register.getSingleMetric('pasar_cache_hits_total') as Counter<'store' | 'layer'>) ??
  new Counter({ name: 'pasar_cache_hits_total', help: 'Cache hits', labelNames: ['store', 'layer'] })

export const cacheMisses =
  (register.getSingleMetric('pasar_cache_misses_total') as Counter<'store'>) ??
  new Counter({ name: 'pasar_cache_misses_total', help: 'Cache misses', labelNames: ['store'] })

export async function cacheCounts() {
  const hits = await cacheHits.get()
  const misses = await cacheMisses.get()
  const sum = (values: { value: number }[]) => values.reduce((total, entry) => total + entry.value, 0)
  return { hits: sum(hits.values), misses: sum(misses.values) }
}

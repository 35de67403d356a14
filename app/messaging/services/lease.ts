import { randomUUID } from 'node:crypto'
import redis from '@adonisjs/redis/services/main'
import logger from '@adonisjs/core/services/logger'

/**
 * Runs a periodic job at most once per period across all workers: the
 * first to take the lease (SET NX PX, kept for the whole period) runs it,
 * the others skip this round. It saves duplicate work only: the jobs it
 * guards must stay correct when two run at once, because with Redis
 * unreachable the job runs anyway rather than not at all.
 */
export async function oncePerPeriod<T>(name: string, periodMs: number, work: () => Promise<T>): Promise<{ ran: boolean; result?: T }> {
  let acquired: boolean
  try {
    acquired = (await redis.connection().set(`lease:${name}`, randomUUID(), 'PX', periodMs, 'NX')) === 'OK'
  } catch (error) {
    logger.warn({ err: error, lease: name }, 'lease not checked (Redis unreachable); running anyway')
    acquired = true
  }
  if (!acquired) return { ran: false }
  return { ran: true, result: await work() }
}

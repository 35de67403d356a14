import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { HealthService } from '#health/services/health_service'
import markets from '#markets/services/main'
import { HealthAccess } from '#health/services/health_access'
import { DependencyUnavailableError, NotReadyError } from '#health/exceptions'

const access = new HealthAccess()

@inject()
export default class HealthController {
  constructor(private health: HealthService) {}

  /** Liveness: the process answers; no dependency is touched. */
  live() {
    return { data: { status: 'ok' } }
  }

  /**
   * Readiness: every shard, control, Redis and RabbitMQ answers. Internal
   * callers (HealthAccess) get the checks and the process that answered
   * (behind a load balancer, or with WEB_CONCURRENCY, several do); the
   * public gets the status alone.
   */
  async ready(ctx: HttpContext) {
    const report = await this.health.report()
    const detailed = access.detailed(ctx)
    if (!report.healthy) throw detailed ? new DependencyUnavailableError(report.failing, report.checks) : new NotReadyError()
    if (!detailed) return ctx.response.ok({ data: { status: 'ok' } })
    // The config revision each market runs on in this process: after an ops change, every process should show the new one within seconds.
    const configs = Object.fromEntries(markets.all().map((market) => [market.code, { revision: market.configRevision, hash: market.revision }]))
    return ctx.response.ok({ data: { status: 'ok', process: { pid: process.pid }, checks: report.checks, markets: configs } })
  }
}

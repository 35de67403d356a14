import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { HealthService } from '#health/services/health_service'
import { DependencyUnavailableError } from '#health/exceptions'

@inject()
export default class HealthController {
  constructor(private health: HealthService) {}

  /** Liveness: the process answers; no dependency is touched. */
  live() {
    return { data: { status: 'ok' } }
  }

  /**
   * Readiness: every shard, control, Redis and RabbitMQ answers. Names the
   * process that answered (behind a load balancer, or with WEB_CONCURRENCY,
   * several do).
   */
  async ready({ response }: HttpContext) {
    const report = await this.health.report()
    if (!report.healthy) {
      throw new DependencyUnavailableError(report.failing, report.checks)
    }
    return response.ok({ data: { status: 'ok', process: { pid: process.pid }, checks: report.checks } })
  }
}

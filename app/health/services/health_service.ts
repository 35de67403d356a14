import { inject } from '@adonisjs/core'
import { HealthChecks } from '@adonisjs/core/health'
import db from '@adonisjs/lucid/services/db'
import redis from '@adonisjs/redis/services/main'
import app from '@adonisjs/core/services/app'
import { Broker } from '#messaging/services/broker'
import { BrokerCheck, RedisPingCheck, ShardCheck } from '#health/services/checks'
import type { RegionsConfig } from '#shards/define_regions'

export interface HealthReport {
  healthy: boolean
  checks: { name: string; status: 'ok' | 'warning' | 'error'; message: string; meta?: Record<string, any> }[]
  failing: string[]
}

/** Every dependency a request can need: each shard, control, Redis, RabbitMQ. */
@inject()
export class HealthService {
  constructor(private broker: Broker) {}

  async report(): Promise<HealthReport> {
    const regions = app.config.get<RegionsConfig>('regions')
    const checks = new HealthChecks().register([
      ...Object.keys(regions.shards).map((region) => new ShardCheck(region, db.connection(region))),
      new ShardCheck('control', db.connection('control')),
      new RedisPingCheck(() => redis.ping()),
      new BrokerCheck(this.broker),
    ])
    const result = await checks.run()
    const report = result.checks.map((check) => ({
      name: check.name,
      status: check.status,
      message: check.message,
      meta: check.meta,
    }))
    return {
      healthy: result.isHealthy,
      checks: report,
      failing: report.filter((check) => check.status === 'error').map((check) => check.name),
    }
  }
}

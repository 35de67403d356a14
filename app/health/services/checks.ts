import { BaseCheck, Result } from '@adonisjs/core/health'
import type { HealthCheckResult } from '@adonisjs/core/types/health'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { Broker } from '#messaging/services/broker'
import { SHARD_IDENTITY_TABLE } from '#shards/services/shard_migrator'

/** Fails a check that has not answered in time, so /health never hangs. */
async function withinTime<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms)
      }),
    ])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * A shard is healthy when it answers and says it is the shard of the
 * expected region: a URL pointing sea-1 at sea-2's database is an outage of
 * data residency, not a healthy shard.
 */
export class ShardCheck extends BaseCheck {
  name: string

  constructor(
    private role: string,
    private client: QueryClientContract,
    private timeoutMs = 2000
  ) {
    super()
    this.name = role === 'control' ? 'control' : `shard:${role}`
  }

  async run(): Promise<HealthCheckResult> {
    const started = performance.now()
    try {
      const rows = await withinTime(
        this.client.from(SHARD_IDENTITY_TABLE).select('role').limit(1),
        this.timeoutMs,
        this.name
      )
      const latencyMs = Math.round(performance.now() - started)
      const role = rows[0]?.role
      if (role !== this.role) {
        return Result.failed(
          role
            ? `database holds "${role}", expected "${this.role}": check its URL`
            : 'database is not migrated: run node ace shards:migrate'
        )
          .mergeMetaData({ latencyMs })
          .toJSON()
      }
      return Result.ok('reachable').mergeMetaData({ latencyMs }).toJSON()
    } catch (error) {
      return Result.failed(describe(error)).toJSON()
    }
  }
}

export class RedisPingCheck extends BaseCheck {
  name = 'redis'

  constructor(
    private ping: () => Promise<unknown>,
    private timeoutMs = 2000
  ) {
    super()
  }

  async run(): Promise<HealthCheckResult> {
    const started = performance.now()
    try {
      await withinTime(this.ping(), this.timeoutMs, 'redis')
      return Result.ok('reachable')
        .mergeMetaData({ latencyMs: Math.round(performance.now() - started) })
        .toJSON()
    } catch (error) {
      return Result.failed(describe(error)).toJSON()
    }
  }
}

export class BrokerCheck extends BaseCheck {
  name = 'rabbitmq'

  constructor(
    private broker: Broker,
    private timeoutMs = 2000
  ) {
    super()
  }

  async run(): Promise<HealthCheckResult> {
    try {
      await this.broker.ensureConnected(this.timeoutMs)
      return Result.ok('connected').toJSON()
    } catch (error) {
      return Result.failed(describe(error)).toJSON()
    }
  }
}

function describe(error: unknown): string {
  const err = error as { code?: string; message?: string }
  return [err?.code, err?.message].filter(Boolean).join(': ') || 'unreachable'
}

import type { HttpContext } from '@adonisjs/core/http'
import { MarketConfigService } from '#ops/services/market_config_service'
import { configApprovalValidator, configChangeValidator, configRollbackValidator, revisionsQueryValidator } from '#ops/validators/market_config'
import { configRevisionResource } from '#ops/transformers/config_revision_resource'
import { AuditLog, originOf } from '#audit/services/audit_log'
import { fieldError } from '#exceptions/field_error'
import { idFromCursor, nextIdCursor } from '#http/pagination'

/** A revision number of the path: a whole number (0 is the market file alone). */
function revisionParam(ctx: HttpContext, name: string) {
  const raw = String(ctx.params[name] ?? '')
  const value = Number(raw)
  if (!/^\d{1,9}$/.test(raw) || !Number.isSafeInteger(value)) throw fieldError(name, 'revision', `${name} must be a revision number`)
  return value
}

/**
 * Regional ops edit a market's config at run time (staff host): the
 * effective config, a change with its reason, revisions with their diffs,
 * approval by a second ops member, rollback.
 */
export default class OpsMarketConfigController {
  #configs = new MarketConfigService()

  /** The effective config (file plus approved overrides) and the revision it is, with what waits for approval. */
  async show({ market }: HttpContext) {
    const { file, revision, hash, config } = await this.#configs.effective(market.code)
    const pending = await this.#configs.list(market.code, { limit: 100, status: 'pending' })
    return {
      data: {
        ...config,
        source: file,
        revision: { number: revision, hash },
        served: { number: market.config.configRevision, hash: market.config.revision },
        pendingRevisions: pending.map((row) => Number(row.number)),
      },
    }
  }

  async update(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(configChangeValidator)
    const row = await this.#configs.propose(ctx.market.code, AuditLog.staffOf(ctx), input, originOf(ctx))
    return ctx.response.status(row.status === 'pending' ? 202 : 200).send({ data: configRevisionResource(row) })
  }

  async revisions(ctx: HttpContext) {
    const query = await ctx.request.validateUsing(revisionsQueryValidator, { data: ctx.request.qs() })
    const limit = query.limit ?? 20
    const rows = await this.#configs.list(ctx.market.code, { limit, before: idFromCursor(query.cursor), status: query.status })
    return { data: rows.slice(0, limit).map(configRevisionResource), meta: { nextCursor: nextIdCursor(rows, limit) } }
  }

  async revision(ctx: HttpContext) {
    const row = await this.#configs.find(ctx.market.code, revisionParam(ctx, 'n'))
    return { data: configRevisionResource(row) }
  }

  async diff(ctx: HttpContext) {
    const [a, b] = [revisionParam(ctx, 'a'), revisionParam(ctx, 'b')]
    return { data: await this.#configs.diff(ctx.market.code, a, b) }
  }

  async approve(ctx: HttpContext) {
    const number = revisionParam(ctx, 'n')
    const { note } = await ctx.request.validateUsing(configApprovalValidator)
    const row = await this.#configs.approve(ctx.market.code, number, AuditLog.staffOf(ctx), originOf(ctx), note ?? null)
    return { data: configRevisionResource(row) }
  }

  async rollback(ctx: HttpContext) {
    const target = revisionParam(ctx, 'n')
    const input = await ctx.request.validateUsing(configRollbackValidator)
    const row = await this.#configs.rollback(ctx.market.code, target, AuditLog.staffOf(ctx), input, originOf(ctx))
    return ctx.response.status(row.status === 'pending' ? 202 : 200).send({ data: configRevisionResource(row) })
  }
}

import { createHash } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import app from '@adonisjs/core/services/app'
import { DateTime } from 'luxon'
import { errors as vineErrors } from '@vinejs/vine'
import { create as createDiffer, type Delta } from 'jsondiffpatch'
import { format as jsonPatch } from 'jsondiffpatch/formatters/jsonpatch'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import markets from '#markets/services/main'
import type { MarketDefinition } from '#markets/define_market'
import { mergeOverrides, needsApproval, retroactiveTaxProblems, shapeProblems, type ConfigOverrides } from '#markets/overrides'
import { AuditLog, type AuditOrigin } from '#audit/services/audit_log'
import { NotFoundError } from '#exceptions/not_found_error'
import { ConfigRevisionConflictError, OwnRevisionError, RevisionNotPendingError, RevisionSupersededError } from '#ops/errors'
import { jsonColumn } from '#catalog/models/json_column'

export type RevisionStatus = 'applied' | 'pending' | 'superseded'

export interface Author {
  id: string
  email: string
}

export interface ConfigHeadRow {
  revision: number
  lastNumber: number
  overrides: ConfigOverrides
  configHash: string
}

/** Lists of the config that are matched by id, so a diff says which gateway or courier changed. */
const differ = createDiffer({
  objectHash: (item: object, index?: number) => {
    const value = item as { id?: string; effectiveFrom?: string; upToGrams?: number }
    return value.id ?? value.effectiveFrom ?? (value.upToGrams !== undefined ? `band:${value.upToGrams}` : `#${index}`)
  },
  arrays: { detectMove: false },
})

/** The control database names the market a row is about (it is no shard table, so no market context filters it). */
const MARKET = 'market_code'

const json = jsonColumn.consume
const hashOf = (definition: MarketDefinition) => createHash('sha256').update(JSON.stringify(definition)).digest('hex').slice(0, 16)

/** The market's local day: tax rates start on local days. */
const todayIn = (timezone: string) => DateTime.now().setZone(timezone).toISODate()!

function invalid(problems: { field: string; message: string }[]) {
  return new vineErrors.E_VALIDATION_ERROR(problems.map((problem) => ({ field: problem.field, rule: 'marketConfig', message: `${problem.field} ${problem.message}` })))
}

/** The fields of the effective config a delta touches, as dotted paths (`couriers.list.jne.rates.bands`). */
function changedFields(before: MarketDefinition, delta: Delta): string[] {
  const fields = new Set<string>()
  for (const op of jsonPatch(delta)) {
    const parts = op.path.split('/').slice(1).map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    // Lists of gateways and couriers are named by id; deeper positions (bands, rates) stop at their list.
    if (parts[0] === 'payments' && parts[1] === 'gateways' && parts[2] !== undefined) parts[2] = before.payments.gateways[Number(parts[2])]?.id ?? parts[2]
    if (parts[0] === 'couriers' && parts[1] === 'list' && parts[2] !== undefined) parts[2] = before.couriers.list[Number(parts[2])]?.id ?? parts[2]
    const numeric = parts.findIndex((part, index) => index > 2 && /^\d+$/.test(part))
    fields.add((numeric === -1 ? parts : parts.slice(0, numeric)).join('.'))
  }
  return [...fields].sort()
}

/**
 * Regional ops' run-time edits of a market (DESIGN.md §9), kept in the
 * control database as numbered revisions on top of the market file. One
 * market's revisions form a single line: every write locks the market's
 * head row and checks the revision the author saw (`expectedRevision`).
 * Changes of tax, commission or fees wait for a second ops member; the
 * others apply at once. Whatever is applied reaches every process through
 * the markets' config sync.
 */
export class MarketConfigService {
  /** The approved head of a market, read (and locked, in a transaction) from the control database. */
  async head(code: string, trx?: TransactionClientContract): Promise<ConfigHeadRow> {
    const client = trx ?? db.connection('control')
    const query = client.from('market_config_heads').where(MARKET, code)
    if (trx) query.forUpdate()
    const row = await query.first()
    if (!row) return { revision: 0, lastNumber: 0, overrides: {}, configHash: '' }
    return { revision: Number(row.revision), lastNumber: Number(row.last_number), overrides: json(row.overrides), configHash: row.config_hash }
  }

  /** The effective config of the approved head, as ops and `markets:config` see it. */
  async effective(code: string) {
    const head = await this.head(code)
    const { file } = markets.file(code)
    const { definition, hash } = await this.#effectiveOf(code, head.overrides)
    return { file, revision: head.revision, hash, config: definition }
  }

  /** A market's file with `overrides` on top, as the registry validates it (with the hash processes serve it under). */
  async #effectiveOf(code: string, overrides: ConfigOverrides) {
    const built = await markets.build(code, overrides, 0)
    if ('problems' in built) return { definition: built.definition, hash: hashOf(built.definition), problems: built.problems }
    return { definition: built.definition, hash: built.market.revision, problems: [] }
  }

  /** A change: validated on the effective config, then applied, or pending a second ops member. */
  propose(code: string, author: Author, input: { changes: unknown; reason: string; expectedRevision: number }, origin: AuditOrigin) {
    const { definition: file } = markets.file(code)
    const shape = shapeProblems(input.changes, file)
    if (shape.length) throw invalid(shape)
    return this.#write(code, author, origin, input.expectedRevision, async (head) => ({
      kind: 'change' as const,
      changes: input.changes as ConfigOverrides,
      overrides: mergeOverrides(head.overrides, input.changes as ConfigOverrides),
      reason: input.reason,
      rollbackOf: null,
    }))
  }

  /** A new revision whose overrides are those of revision `target` (0: the file alone). */
  rollback(code: string, target: number, author: Author, input: { reason: string; expectedRevision: number }, origin: AuditOrigin) {
    return this.#write(code, author, origin, input.expectedRevision, async (_head, trx) => {
      let overrides: ConfigOverrides = {}
      if (target > 0) {
        const row = await trx.from('market_config_revisions').where(MARKET, code).where('number', target).first()
        if (!row) throw new NotFoundError('config_revision')
        // Only what was once served can be restored: a pending or superseded revision never was.
        if (row.status !== 'applied') throw new RevisionNotPendingError(target, row.status, 'rollback')
        overrides = json(row.overrides)
      }
      return { kind: 'rollback' as const, changes: { rollbackTo: target }, overrides, reason: input.reason, rollbackOf: target }
    })
  }

  async #write(
    code: string,
    author: Author,
    origin: AuditOrigin,
    expectedRevision: number,
    plan: (head: ConfigHeadRow, trx: TransactionClientContract) => Promise<{ kind: 'change' | 'rollback'; changes: object; overrides: ConfigOverrides; reason: string; rollbackOf: number | null }>
  ) {
    // The head row exists before it is locked, so that the first changes of a market queue on it too
    // (inserted on its own: an INSERT of the same key inside each transaction would make them deadlock).
    await db.connection('control').rawQuery('INSERT IGNORE INTO market_config_heads (market_code, revision, last_number, overrides, config_hash, updated_at) VALUES (?, 0, 0, ?, ?, ?)', [
      code,
      '{}',
      hashOf(markets.file(code).definition),
      new Date(),
    ])
    const result = await db.connection('control').transaction(async (trx) => {
      const head = await this.head(code, trx)
      if (expectedRevision !== head.revision) throw new ConfigRevisionConflictError(code, expectedRevision, head.revision)
      const step = await plan(head, trx)
      const { before, after, hash, delta, approvalFields } = await this.#check(code, head.overrides, step.overrides)
      const number = head.lastNumber + 1
      const status: RevisionStatus = approvalFields.length ? 'pending' : 'applied'
      const now = new Date()
      await trx.table('market_config_revisions').insert({
        [MARKET]: code,
        number,
        status,
        kind: step.kind,
        base_number: head.revision,
        rollback_of: step.rollbackOf,
        author_id: author.id,
        author_email: author.email,
        reason: step.reason,
        changes: JSON.stringify(step.changes),
        overrides: JSON.stringify(step.overrides),
        delta: JSON.stringify(delta),
        approval_fields: JSON.stringify(approvalFields),
        config: JSON.stringify(after),
        config_hash: hash,
        file_hash: hashOf(markets.file(code).definition),
        created_at: now,
        decided_at: status === 'applied' ? now : null,
      })
      await trx.from('market_config_heads').where(MARKET, code).update({ last_number: number, updated_at: now })
      if (status === 'applied') await this.#advance(trx, code, number, step.overrides, hash)
      await AuditLog.record(
        {
          action: status === 'applied' ? 'ops.config_changed' : 'ops.config_proposed',
          actor: { type: 'staff', ...author },
          target: { type: 'market_config_revision', id: `${code}#${number}` },
          marketCode: code,
          details: { revision: number, kind: step.kind, reason: step.reason, fields: changedFields(before, delta), ...(step.rollbackOf !== null && { rollbackOf: step.rollbackOf }) },
        },
        origin,
        trx
      )
      return { number, status }
    })
    if (result.status === 'applied') await this.#announce(code, result.number)
    return this.find(code, result.number)
  }

  /** A second ops member approves a pending revision: it becomes the head if the config has not moved on since. */
  async approve(code: string, number: number, approver: Author, origin: AuditOrigin, note: string | null = null) {
    await db.connection('control').transaction(async (trx) => {
      const head = await this.head(code, trx)
      const row = await trx.from('market_config_revisions').where(MARKET, code).where('number', number).forUpdate().first()
      if (!row) throw new NotFoundError('config_revision')
      if (row.status !== 'pending') throw new RevisionNotPendingError(number, row.status, 'approve')
      if (row.author_id === approver.id) throw new OwnRevisionError(number)
      if (Number(row.base_number) !== head.revision) throw new RevisionSupersededError(number, head.revision)
      // Checked again: the file may have been deployed anew, and a rate's first day may have come meanwhile.
      const { after, hash } = await this.#check(code, head.overrides, json(row.overrides))
      const now = new Date()
      await trx.from('market_config_revisions').where('id', row.id).update({ status: 'applied', approver_id: approver.id, approver_email: approver.email, decided_at: now, config: JSON.stringify(after), config_hash: hash })
      await this.#advance(trx, code, number, json(row.overrides), hash)
      await AuditLog.record(
        {
          action: 'ops.config_approved',
          actor: { type: 'staff', ...approver },
          target: { type: 'market_config_revision', id: `${code}#${number}` },
          marketCode: code,
          details: { revision: number, author: row.author_email, fields: json(row.approval_fields), ...(note && { note }) },
        },
        origin,
        trx
      )
    })
    await this.#announce(code, number)
    return this.find(code, number)
  }

  /** The head moves to `number`; what was pending on the old head can no longer be approved. */
  async #advance(trx: TransactionClientContract, code: string, number: number, overrides: ConfigOverrides, hash: string) {
    await trx.from('market_config_heads').where(MARKET, code).update({ revision: number, overrides: JSON.stringify(overrides), config_hash: hash, updated_at: new Date() })
    await trx.from('market_config_revisions').where(MARKET, code).where('status', 'pending').whereNot('number', number).update({ status: 'superseded', decided_at: new Date() })
  }

  /** The candidate config checked as a file is, plus the rule that tax is never retroactive; and what changes. */
  async #check(code: string, current: ConfigOverrides, next: ConfigOverrides) {
    const candidate = await this.#effectiveOf(code, next)
    if (candidate.problems.length) throw invalid(candidate.problems.map((problem) => ({ field: `changes.${problem.field}`, message: problem.message })))
    const { definition: before } = await this.#effectiveOf(code, current)
    const after = candidate.definition
    const retroactive = retroactiveTaxProblems(before, after, todayIn(after.timezone))
    if (retroactive.length) throw invalid(retroactive)
    const delta = differ.diff(before, after)
    if (!delta) throw invalid([{ field: 'changes', message: 'changes nothing: the config already is so' }])
    return { before, after, hash: candidate.hash, delta, approvalFields: changedFields(before, delta).filter(needsApproval) }
  }

  async #announce(code: string, number: number) {
    const sync = await app.container.make('markets.sync')
    await sync.announce(code, number)
  }

  async find(code: string, number: number) {
    const row = await db.connection('control').from('market_config_revisions').where(MARKET, code).where('number', number).first()
    if (!row) throw new NotFoundError('config_revision')
    return row
  }

  /** Newest first (ids grow with numbers), one more row than the page when there is a next one. */
  async list(code: string, options: { limit: number; before?: number; status?: RevisionStatus }) {
    const query = db
      .connection('control')
      .from('market_config_revisions')
      .where(MARKET, code)
      .orderBy('id', 'desc')
      .limit(options.limit + 1)
      .select('id', 'number', 'status', 'kind', 'base_number', 'rollback_of', 'author_id', 'author_email', 'approver_id', 'approver_email', 'reason', 'changes', 'approval_fields', 'config_hash', 'created_at', 'decided_at', 'delta')
    if (options.before) query.where('id', '<', options.before)
    if (options.status) query.where('status', options.status)
    return query
  }

  /** The effective config of a revision (0: the file as deployed now). */
  async configOf(code: string, number: number): Promise<MarketDefinition> {
    if (number === 0) return structuredClone(markets.file(code).definition)
    return json((await this.find(code, number)).config)
  }

  /** What changes from revision `a` to revision `b`, as JSON Patch operations and the fields they touch. */
  async diff(code: string, a: number, b: number) {
    const [left, right] = await Promise.all([this.configOf(code, a), this.configOf(code, b)])
    const delta = differ.diff(left, right)
    return { from: a, to: b, fields: delta ? changedFields(left, delta) : [], operations: delta ? jsonPatch(delta) : [] }
  }

  /** A stored delta as JSON Patch operations. */
  operations(delta: unknown) {
    const value = json(delta)
    return value ? jsonPatch(value as Delta) : []
  }
}

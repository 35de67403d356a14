import { format as jsonPatch } from 'jsondiffpatch/formatters/jsonpatch'
import type { Delta } from 'jsondiffpatch'
import { jsonColumn } from '#catalog/models/json_column'

const json = jsonColumn.consume
const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null)

/** A revision as ops see it: who, why, what it changes (JSON Patch on the effective config), and where it stands. */
export function configRevisionResource(row: Record<string, any>) {
  const delta = json(row.delta) as Delta | null
  return {
    number: Number(row.number),
    status: row.status,
    kind: row.kind,
    baseRevision: Number(row.base_number),
    rollbackOf: row.rollback_of === null ? null : Number(row.rollback_of),
    author: { id: row.author_id, email: row.author_email },
    approver: row.approver_id ? { id: row.approver_id, email: row.approver_email } : null,
    reason: row.reason,
    changes: json(row.changes),
    needsApproval: json(row.approval_fields),
    diff: delta ? jsonPatch(delta) : [],
    configHash: row.config_hash,
    createdAt: iso(row.created_at),
    decidedAt: iso(row.decided_at),
  }
}

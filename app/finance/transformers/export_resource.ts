import { signedLink } from '#finance/services/finance_exports'
import { isoDay } from '#tax/services/tax_journal'

/** An export job as finance see it: its range, progress, and the signed link once the file is ready. */
export function exportResource(row: Record<string, any>) {
  const ready = row.status === 'ready'
  const expires = row.expires_at ? Math.floor(new Date(row.expires_at).getTime() / 1000) : null
  return {
    id: row.public_id,
    kind: row.kind,
    format: row.format,
    from: isoDay(row.from_day),
    to: isoDay(row.to_day),
    status: row.status,
    progress: { rowsDone: Number(row.rows_done), rowsEstimated: Number(row.rows_estimated) },
    download: ready && expires && expires * 1000 > Date.now() ? { url: signedLink(row.public_id, expires), expiresAt: new Date(expires * 1000).toISOString() } : null,
    bytes: row.bytes === null ? null : Number(row.bytes),
    error: row.status === 'failed' ? row.error : null,
    createdAt: new Date(row.created_at).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
  }
}

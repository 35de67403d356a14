import { ulid } from 'ulid'

/**
 * Public ids carry their market (`SG-01JD3...`), so support and finance
 * tools route any id to its shard without a global lookup. The ULID inside
 * sorts by creation time and reveals no row count.
 */
export function marketPublicId(marketCode: string): string {
  return `${marketCode}-${ulid()}`
}

/** The market code of a public id, or null when it is not one. */
export function marketOfPublicId(id: string): string | null {
  const match = /^([A-Z]{2})-[0-9A-HJKMNP-TV-Z]{26}$/.exec(id)
  return match ? match[1] : null
}

/** Ids of what belongs to no market (staff). */
export function globalPublicId(kind: string): string {
  return `${kind}-${ulid()}`
}

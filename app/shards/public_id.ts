import { randomFillSync } from 'node:crypto'

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

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
/** Randomness drawn from the CSPRNG in blocks: one system call per 409 ids, not one per character. */
const pool = Buffer.alloc(4096)
let offset = pool.length

/**
 * A ULID (https://github.com/ulid/spec): 48 bits of milliseconds then 80
 * random bits, in Crockford base32 (26 characters).
 */
export function ulid(now = Date.now()): string {
  if (offset + 10 > pool.length) {
    randomFillSync(pool)
    offset = 0
  }
  let id = ''
  let time = now
  for (let i = 0; i < 10; i++) {
    id = CROCKFORD[time % 32] + id
    time = Math.floor(time / 32)
  }
  // 80 bits = 16 characters of 5 bits, read from 10 random bytes.
  let bits = 0
  let value = 0
  for (let i = 0; i < 10; i++) {
    value = (value << 8) | pool[offset + i]
    bits += 8
    while (bits >= 5) {
      bits -= 5
      id += CROCKFORD[(value >> bits) & 31]
    }
    value &= (1 << bits) - 1
  }
  offset += 10
  return id
}

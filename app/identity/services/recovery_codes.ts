import { createHash, randomBytes } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import type Staff from '#identity/models/staff'

const COUNT = 10
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'

/** Typed however (spaces, dashes, capitals), a code is the same code. */
const normalize = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '')
const digest = (code: string) => createHash('sha256').update(normalize(code)).digest('hex')

function newCode() {
  const bytes = randomBytes(10)
  const chars = [...bytes].map((byte) => ALPHABET[byte % ALPHABET.length]).join('')
  return `${chars.slice(0, 5)}-${chars.slice(5)}`
}

/** Ten single-use codes per staff member, stored as SHA-256 only (control database). */
export const RecoveryCodes = {
  async replace(staff: Pick<Staff, 'id'>) {
    const codes = Array.from({ length: COUNT }, newCode)
    await db.connection('control').transaction(async (trx) => {
      // One replacement at a time per staff member (parallel requests never interleave their sets).
      await trx.from('staff').where('id', staff.id).forUpdate().select('id')
      await trx.from('staff_recovery_codes').where('staff_id', staff.id).delete()
      await trx.table('staff_recovery_codes').multiInsert(codes.map((code) => ({ staff_id: staff.id, code_hash: digest(code), created_at: new Date() })))
    })
    return codes
  },

  /** True once per code: the conditional UPDATE lets one of two parallel uses win. */
  async use(staff: Pick<Staff, 'id'>, code: string) {
    const used = await db.connection('control').from('staff_recovery_codes').where('staff_id', staff.id).where('code_hash', digest(code)).whereNull('used_at').update({ used_at: new Date() })
    return Number(used) === 1
  },

  async left(staff: Pick<Staff, 'id'>) {
    const row = await db.connection('control').from('staff_recovery_codes').where('staff_id', staff.id).whereNull('used_at').count('* as n').first()
    return Number(row?.n ?? 0)
  },

  async clear(staff: Pick<Staff, 'id'>) {
    await db.connection('control').from('staff_recovery_codes').where('staff_id', staff.id).delete()
  },
}

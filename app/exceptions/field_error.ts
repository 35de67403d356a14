import { errors } from '@vinejs/vine'

/**
 * A validation failure found after the schema (unique email, wrong current
 * password...), in the same 422 format as Vine's. `meta` fills the
 * translated message's placeholders (`{{max}}`...).
 */
export function fieldError(field: string, rule: string, message: string, meta?: Record<string, unknown>) {
  return new errors.E_VALIDATION_ERROR([{ field, rule, message, ...(meta && { meta }) }])
}
